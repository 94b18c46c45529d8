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
