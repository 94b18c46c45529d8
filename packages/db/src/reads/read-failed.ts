/**
 * A compiled read that the database refused. Drivers attach the whole
 * statement and its parameters to their errors (PGlite does); logged as is,
 * that would put other requests' values in this request's log line. This
 * keeps the driver's message and SQLSTATE code, the failing statement's own
 * SQL, and only the types of its parameters.
 */
export class ReadFailed extends Error {
  override name = "ReadFailed";
  readonly code: string | undefined;
  readonly sql: string;
  readonly params: string[];
  constructor(cause: unknown, sql: string, params: unknown[]) {
    const error = cause as { message?: string; code?: string } | undefined;
    super(error?.message ?? String(cause));
    this.code = typeof error?.code === "string" ? error.code : undefined;
    this.sql = sql;
    this.params = params.map(redact);
    // The driver's own error (with its `query`/`params`) stays out: only its kind is kept.
    this.cause = { name: (cause as Error)?.name, code: this.code, kind: (cause as { cause?: { kind?: string } })?.cause?.kind };
  }
}

const redact = (value: unknown): string =>
  value === null || value === undefined ? "null" : typeof value === "string" ? `<text ${value.length}>` : `<${typeof value}>`;
