import { openDatabase } from "../connect.ts";
import { migrate } from "../migrate/index.ts";
import { seed } from "../seed/seed.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";

// Migrate then seed, in one process (an embedded database has one owner at a time).
runCli(async () => {
  const db = await openDatabase();
  try {
    const { pending } = await migrate(db.sql, { onApply: (name) => console.log(`applying ${name}`) });
    const { created } = await seed(db.prisma);
    const seeded = Object.entries(created).map(([model, n]) => `${n} ${model}`).join(", ");
    console.log(`${describeTarget(db.target)}: ${pending.length} migration(s) applied; ${seeded ? `seeded ${seeded}` : "sample data already present"}`);
  } finally {
    await db.close();
  }
});
