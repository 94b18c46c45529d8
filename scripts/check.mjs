// `npm run check`: the generated artifacts that are committed or derived must
// agree with their sources. One line per check; exit 1 if any disagrees.
// (`npm test` runs it first; run it yourself before committing.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const migrations = path.join(root, "packages/db/prisma/migrations");

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd: path.join(root, cwd), encoding: "utf8", env: { ...process.env, ...env } });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

function newestSnapshot() {
  const folders = fs
    .readdirSync(migrations, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const withSnapshot = folders.filter((name) => fs.existsSync(path.join(migrations, name, "schema.snapshot.prisma")));
  const newest = folders.at(-1);
  if (withSnapshot.length !== 1 || withSnapshot[0] !== newest) {
    return {
      ok: false,
      output: `only the newest migration (${newest}) may keep schema.snapshot.prisma; found it in: ${withSnapshot.join(", ") || "none"}`,
    };
  }
  const same =
    fs.readFileSync(path.join(migrations, newest, "schema.snapshot.prisma"), "utf8") ===
    fs.readFileSync(path.join(root, "packages/db/prisma/schema.prisma"), "utf8");
  return { ok: same, output: same ? "" : `schema.prisma changed since ${newest}: run npm run db:migration:new <name>` };
}

const checks = [
  ["schema.graphql is what the Pothos schema prints", () => run("npx", ["tsx", "src/cli/print-schema.ts", "--check"], "packages/schema")],
  [
    "the admin's generated GraphQL types are current",
    () => run("npx", ["graphql-codegen", "--config", "codegen.ts", "--check"], "apps/admin"),
  ],
  ["the example client's generated types are current", () => run("npx", ["graphql-codegen", "--config", "codegen.ts", "--check"], "tests")],
  ["the newest migration's snapshot equals schema.prisma", newestSnapshot],
  [
    "a database built from the migrations equals one built from schema.prisma",
    () => run("npx", ["vitest", "run", "db/drift.test.ts", "db/migrations.test.ts"], "tests", { CLAIMDESK_TEST_DATABASES: "pglite" }),
  ],
];

let failed = 0;
for (const [name, check] of checks) {
  const { ok, output } = check();
  console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  if (!ok) {
    failed++;
    console.log(
      output
        .split("\n")
        .slice(-25)
        .map((line) => `     ${line}`)
        .join("\n"),
    );
  }
}
console.log(failed ? `check: ${failed} of ${checks.length} failed` : `check: all ${checks.length} agree`);
process.exit(failed ? 1 : 0);
