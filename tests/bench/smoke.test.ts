import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { runBenchScript } from "./run-script.ts";

// The benchmark's CI smoke check: it runs end to end and every body is right.
// No timing thresholds here; `npm run bench` is where numbers are read.
// L and F need the PostgreSQL server, so this is one of the PostgreSQL suites.
describe.each(databaseKinds().filter((kind) => kind === "postgres"))("benchmark (short mode, %s)", () => {
  it("loads, checks and measures every operation on every variant", () => {
    const { status, output } = runBenchScript("run.ts", ["--short", "--rounds", "1"], 600_000);
    expect(status, output.slice(-3000)).toBe(0);
    for (const op of ["desk list", "article page", "search", "source → claims → articles", "create claim + 3 sources", "{ __typename }"]) {
      for (const variant of ["'L'", "'ours-pg'", "'ours-pglite'", "'F'"]) {
        expect(
          output.split("\n").some((line) => line.includes(`'${op}'`) && line.includes(variant)),
          `${op} ${variant}`,
        ).toBe(true);
      }
    }
    expect(output).toMatch(/RSS after the run/);
    expect(output).toMatch(/admin article page, 50 claims, .*: article and claims in p50 \d+ ms; whole page p50 \d+ ms/);
  }, 600_000);
});
