import { openDatabase } from "../connect.ts";
import { assertMigrated } from "../migrate/index.ts";
import { seed } from "../seed/seed.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";

runCli(async () => {
  const db = await openDatabase();
  try {
    await assertMigrated(db.sql);
    const { created } = await seed(db.prisma);
    const summary = Object.entries(created).map(([model, n]) => `${n} ${model}`).join(", ");
    console.log(summary ? `seeded the ${describeTarget(db.target)}: ${summary}` : `the sample data is already in the ${describeTarget(db.target)}`);
  } finally {
    await db.close();
  }
});
