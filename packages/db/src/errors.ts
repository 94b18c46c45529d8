/** Errors a person can act on; CLIs print `message` alone, without a stack. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

export class DatabaseConnectionError extends DatabaseError {
  override name = "DatabaseConnectionError";
}

export class DatabaseLockedError extends DatabaseError {
  override name = "DatabaseLockedError";
}

export class MigrationError extends DatabaseError {
  override name = "MigrationError";
}

export class ConfigError extends DatabaseError {
  override name = "ConfigError";
}
