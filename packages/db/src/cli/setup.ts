import { openDatabase } from "../connect.ts";
import { migrate } from "../migrate/index.ts";
import { seed, seedEssentials } from "../seed/seed.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";
import { wantsSample } from "./sample-flag.ts";

// Migrate then seed, in one process (an embedded database has one owner at a time).
// Only the essentials by default; the sample newsroom with --sample (the quick start).
runCli(async () => {
  const sample = wantsSample();
  const db = await openDatabase();
  try {
    const { pending } = await migrate(db.sql, { onApply: (name) => console.log(`applying ${name}`) });
    const { created } = sample ? await seed(db.prisma) : await seedEssentials(db.prisma);
    const seeded = Object.entries(created)
      .map(([model, n]) => `${n} ${model}`)
      .join(", ");
    const what = sample ? "sample newsroom" : "rating scale";
    console.log(
      `${describeTarget(db.target)}: ${pending.length} migration(s) applied; ${seeded ? `seeded ${seeded}` : `${what} already present`}`,
    );
    if (!sample) console.log("no accounts are created here: run npm run db:create-admin -- --email you@example.org for the first admin");
  } finally {
    await db.close();
  }
});
