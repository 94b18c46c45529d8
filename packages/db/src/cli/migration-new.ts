import { MigrationError } from "../errors.ts";
import { newMigration } from "../migrate/index.ts";
import { runCli } from "./run.ts";

runCli(async () => {
  const name = process.argv[2];
  if (!name) throw new MigrationError("usage: npm run db:migration:new <name>");
  const dir = newMigration(name);
  console.log(
    dir
      ? `wrote ${dir}/migration.sql; review it, then run npm run db:migrate`
      : "schema.prisma matches the last migration: nothing to write",
  );
});
