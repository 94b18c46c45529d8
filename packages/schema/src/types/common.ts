import { ClaimPriority, ClaimStatus, FactCheckStatus, InboxKind, IngestionStatus, Role, SourceType, Stance } from "@claimdesk/db";
import { GraphQLError, Kind } from "graphql";
import { builder } from "../builder.ts";
import { parseIsoDate } from "../iso-date.ts";
import {
  AppError,
  AuthenticationError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  WorkflowError,
  type FieldIssue,
} from "@claimdesk/desk";

builder.scalarType("DateTime", {
  description: "An ISO-8601 date-time, e.g. 2025-03-11T09:00:00Z",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): Date {
  const date = typeof value === "string" ? parseIsoDate(value) : null;
  if (!date) {
    throw new GraphQLError("DateTime must be a real date as an ISO-8601 string such as 2025-03-11T09:00:00Z (years 1 to 9999)", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return date;
}

/** A calendar day, YYYY-MM-DD (due dates): no time, so no time zone to get wrong. */
builder.scalarType("Date", {
  description: "A calendar day as YYYY-MM-DD, e.g. 2025-03-11",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDay(value: unknown): Date {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseIsoDate(value) : null;
  if (!date) {
    throw new GraphQLError("Date must be a real calendar day as YYYY-MM-DD, such as 2025-03-11", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return date;
}

builder.scalarType("JSON", {
  description: "Any JSON value",
  serialize: (value) => value,
  parseValue: (value) => value,
});

export const ClaimStatusEnum = builder.enumType(ClaimStatus, { name: "ClaimStatus" });
export const RoleEnum = builder.enumType(Role, { name: "Role" });
export const ClaimPriorityEnum = builder.enumType(ClaimPriority, {
  name: "ClaimPriority",
  description: "How urgent a claim is, lowest first",
});
export const InboxKindEnum = builder.enumType(InboxKind, { name: "InboxKind", description: "Why an item is in your inbox" });
export const SourceTypeEnum = builder.enumType(SourceType, { name: "SourceType" });
export const StanceEnum = builder.enumType(Stance, { name: "Stance" });
export const IngestionStatusEnum = builder.enumType(IngestionStatus, { name: "IngestionStatus" });
export const FactCheckStatusEnum = builder.enumType(FactCheckStatus, { name: "FactCheckStatus" });
export const SortDirection = builder.enumType("SortDirection", { values: ["ASC", "DESC"] as const });

export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  description: "A failure the client can act on. `code` is stable; `message` is for people.",
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.exposeString("code"),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldError").implement({
  description: 'What is wrong with one input field. `path` names the field, e.g. ["input", "canonicalUrl"].',
  fields: (t) => ({
    path: t.exposeStringList("path"),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldIssueRef], resolve: (error) => error.fieldErrors }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: () => ({}),
});

builder.objectType(AuthenticationError, {
  name: "AuthenticationError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof AuthenticationError,
  fields: () => ({}),
});

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});

builder.objectType(WorkflowError, {
  name: "WorkflowError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof WorkflowError,
  fields: (t) => ({
    missing: t.exposeStringList("missing", { description: "Preconditions not met, e.g. VERDICT, EXPLANATION, SOURCE" }),
  }),
});

/** The error types every write can return. */
export const writeErrors = [ValidationError, NotFoundError, ForbiddenError] as const;
