import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;

describe("generated artifacts", () => {
  it("the committed schema.graphql is what the Pothos schema prints", () => {
    const result = spawnSync("npx", ["tsx", "src/cli/print-schema.ts", "--check"], {
      cwd: path.join(root, "packages/schema"),
      encoding: "utf8",
    });
    expect(result.stderr + result.stdout).toContain("schema.graphql is up to date");
    expect(result.status).toBe(0);
  });

  it("the stale check can fail: a changed schema.graphql is reported", () => {
    const original = fs.readFileSync(path.join(root, "packages/schema/schema.graphql"), "utf8");
    const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-schema-")), "schema.graphql");
    fs.writeFileSync(stale, original.replace("type Query {", "type Query {\n  removedField: String"));
    const result = spawnSync("npx", ["tsx", "src/cli/print-schema.ts", "--check", "--file", stale], {
      cwd: path.join(root, "packages/schema"),
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/schema.graphql is stale/);
  });

  it("codegen turns the example client's documents into types that compile against the committed schema", () => {
    // Generated afresh and compared with the workspace copy that `npm run codegen` wrote.
    execFileSync("npx", ["graphql-codegen", "--config", "codegen.ts", "--check"], { cwd: path.join(root, "tests"), stdio: "pipe" });
    const tsc = spawnSync("npx", ["tsc", "--noEmit", "-p", "example-client/tsconfig.json"], {
      cwd: path.join(root, "tests"),
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
