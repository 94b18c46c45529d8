export { migrate, migrationStatus, assertMigrated, type MigrationStatus } from "./migrate.ts";
export { readMigrations, migrationsDir, schemaPath, type MigrationFile } from "./files.ts";
export { diffSchemas, newMigration, snapshotName } from "./new-migration.ts";
