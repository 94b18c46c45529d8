import { parseArgs } from "node:util";
import { DatabaseError } from "../errors.ts";

/** `--sample`: load the sample newsroom (accounts with README passwords), not only the essentials. */
export function wantsSample(argv = process.argv.slice(2)): boolean {
  try {
    return parseArgs({ args: argv, options: { sample: { type: "boolean", default: false } } }).values.sample;
  } catch {
    throw new DatabaseError("usage: add --sample to load the sample newsroom (quick start only); nothing else is accepted");
  }
}
