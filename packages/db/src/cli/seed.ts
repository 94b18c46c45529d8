import { openDatabase } from "../connect.ts";
import { assertMigrated } from "../migrate/index.ts";
import { seed, seedEssentials } from "../seed/seed.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";
import { wantsSample } from "./sample-flag.ts";

runCli(async () => {
  const sample = wantsSample();
  const db = await openDatabase();
  try {
    await assertMigrated(db.sql);
    const { created } = sample ? await seed(db.prisma) : await seedEssentials(db.prisma);
    const summary = Object.entries(created)
      .map(([model, n]) => `${n} ${model}`)
      .join(", ");
    const what = sample ? "the sample newsroom is" : "the rating scale is";
    console.log(summary ? `seeded the ${describeTarget(db.target)}: ${summary}` : `${what} already in the ${describeTarget(db.target)}`);
  } finally {
    await db.close();
  }
});
