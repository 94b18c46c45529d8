import type { Article } from "@claimdesk/db";

/**
 * Errors a client can act on. Mutations return them in their result union
 * (see the errors plugin); everything else is masked as an internal error.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
}

export interface FieldIssue {
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  readonly code = "BAD_USER_INPUT";
  constructor(readonly fieldErrors: FieldIssue[]) {
    super(fieldErrors.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; "));
  }

  static field(path: string, message: string): ValidationError {
    return new ValidationError([{ path: path.split("."), message }]);
  }
}

export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND";
  constructor(readonly what: string) {
    super(`${what} was not found`);
  }
}

export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do this") {
    super(message);
  }
}

export class AuthenticationError extends AppError {
  readonly code = "UNAUTHENTICATED";
  constructor(message = "Wrong e-mail or password") {
    super(message);
  }
}

export class RateLimitedError extends AppError {
  readonly code = "RATE_LIMITED";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** The versioned records; every one changes only through a versioned save. */
export type VersionedEntity = "Claim" | "Article" | "Source" | "FactCheck";

const entityNames: Record<VersionedEntity, string> = { Claim: "claim", Article: "article", Source: "source", FactCheck: "fact-check" };

/** Someone else saved the record since the client read it: the same shape for every versioned record. */
export class ConflictError extends AppError {
  readonly code = "CONFLICT";
  constructor(
    readonly entity: VersionedEntity,
    readonly current: { id: string; version: number },
  ) {
    super(
      `This ${entityNames[entity]} was changed by someone else (now at version ${current.version}). Review their changes and save again.`,
    );
  }
}

/** A move the workflow does not allow, or a precondition that is missing. */
export class WorkflowError extends AppError {
  readonly code = "WORKFLOW";
  constructor(
    message: string,
    readonly missing: string[] = [],
  ) {
    super(message);
  }
}

export class DuplicateArticleError extends AppError {
  readonly code = "DUPLICATE";
  constructor(readonly existing: Article) {
    super(`An article with this URL already exists: "${existing.title}"`);
  }
}

export class ClaimReviewImportError extends AppError {
  readonly code = "IMPORT_INVALID";
  constructor(readonly problems: string[]) {
    super(`Nothing was imported: ${problems.join("; ")}`);
  }
}

/** The same Idempotency-Key is being (or was) applied by another request. */
export class IdempotencyInProgressError extends AppError {
  readonly code = "IDEMPOTENCY_IN_PROGRESS";
  constructor() {
    super("A request with this Idempotency-Key was already applied or is in progress; retry to get its response.");
  }
}

/** One claim of a bulk write that could not be written, and why. */
export interface ClaimFailure {
  claimId: string;
  error: AppError;
}

/** A bulk write refused as a whole: nothing was written; each failing claim says why. */
export class BulkRefusedError extends AppError {
  readonly code = "BULK_REFUSED";
  constructor(readonly failures: ClaimFailure[]) {
    super(
      `Nothing was changed: ${failures.length} ${failures.length === 1 ? "claim" : "claims"} could not be assigned (${failures
        .map((f) => f.error.code)
        .filter((code, i, all) => all.indexOf(code) === i)
        .join(", ")})`,
    );
  }
}
