/**
 * The desk's domain: who may do what (policy), the unit of work every write
 * runs in, versioned saves, and the commands of each area. No GraphQL here:
 * the schema calls these and reads the answer.
 */
export type { Viewer } from "./viewer.ts";
export type { DeskContext } from "./context.ts";
export * from "./errors.ts";
export * from "./policy.ts";
export * from "./workflow.ts";
export * from "./validation.ts";
export * from "./unit-of-work.ts";
export * from "./auth/tokens.ts";
export * from "./auth/login-limits.ts";
export * from "./versioned.ts";
export * from "./published.ts";
export * from "./schemas.ts";
export * as claims from "./commands/claims.ts";
export * as evidence from "./commands/evidence.ts";
export * as sources from "./commands/sources.ts";
export * as articles from "./commands/articles.ts";
export * as factChecks from "./commands/fact-checks.ts";
export * as people from "./commands/people.ts";
export * as comments from "./commands/comments.ts";
export * as ratings from "./commands/ratings.ts";
export * as users from "./commands/users.ts";
export * as trustPages from "./commands/trust-pages.ts";
export * as intake from "./commands/intake.ts";
export * as assignment from "./commands/assignment.ts";
export * as inbox from "./commands/inbox.ts";
export * from "./queues.ts";
export * from "./search.ts";
