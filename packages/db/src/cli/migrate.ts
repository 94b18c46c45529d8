import { openDatabase } from "../connect.ts";
import { migrate } from "../migrate/index.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";

runCli(async () => {
  const db = await openDatabase();
  try {
    const { pending } = await migrate(db.sql, { onApply: (name) => console.log(`applying ${name}`) });
    console.log(
      pending.length
        ? `applied ${pending.length} migration(s) to the ${describeTarget(db.target)}`
        : `the ${describeTarget(db.target)} is up to date`,
    );
  } finally {
    await db.close();
  }
});
