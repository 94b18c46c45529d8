import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { runBenchScript } from "./run-script.ts";

// The soak's CI smoke check: mixed traffic for a few seconds with every body
// checked and every acknowledged write found. `npm run soak` runs it for 10 minutes.
describe.each(databaseKinds())("soak (short mode, %s)", (kind) => {
  it("serves mixed reads and writes with no error, no wrong body and no lost write", () => {
    const { status, output } = runBenchScript("soak.ts", ["--short", "--db", kind, "--worker"], 300_000);
    expect(status, output.slice(-3000)).toBe(0);
    const summary = output.split("\n").find((line) => line.startsWith("soak: "));
    console.log(summary);
    expect(summary).toMatch(/ 0 errors, 0 wrong bodies; [1-9]\d* writes acknowledged, 0 lost/);
  }, 300_000);
});
