import { DatabaseError } from "../errors.ts";

/** Runs a CLI task: known failures print one line, not a stack trace. */
export function runCli(task: () => Promise<void>): void {
  task().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof DatabaseError) {
        console.error(`error: ${error.message}`);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}
