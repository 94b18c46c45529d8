import { backupDatabase, restoreDatabase } from "../backup.ts";
import { DatabaseError } from "../errors.ts";
import { describeTarget, resolveTarget } from "../target.ts";
import { runCli } from "./run.ts";

// npm run db:backup -- <file>   |   npm run db:restore -- <file>
runCli(async () => {
  const [command, file] = process.argv.slice(2);
  if (!file || (command !== "backup" && command !== "restore"))
    throw new DatabaseError("usage: npm run db:backup -- <file>  or  npm run db:restore -- <file>");
  const target = resolveTarget();
  if (command === "backup") {
    await backupDatabase(target, file);
    console.log(`backed up the ${describeTarget(target)} to ${file}`);
  } else {
    await restoreDatabase(target, file);
    console.log(`restored ${file} into the ${describeTarget(target)}`);
  }
});
