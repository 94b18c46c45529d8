import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import type PrismaTypes from "@claimdesk/db/pothos-types";
import { getDatamodel } from "@claimdesk/db/pothos-types";
import { GraphQLError } from "graphql";
import { decodeCheckedGlobalID, maxNodeIds, nodesCost } from "./node-ids.ts";
import { scopesFor, type Scopes } from "@claimdesk/desk";
import type { Context } from "./context.ts";
import { ValidationError } from "@claimdesk/desk";

export const maxPageSize = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: Scopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount: number | (() => number | Promise<number>) };
}>({
  // Errors before Validation so input validation failures land in result unions.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => scopesFor(ctx.viewer),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? new GraphQLError("You are not allowed to see this", { extensions: { code: "FORBIDDEN" } })
        : new GraphQLError("Sign in to see this", { extensions: { code: "UNAUTHENTICATED" } }),
  },
  errors: { defaultTypes: [] },
  validation: {
    validationError: (failure) =>
      new ValidationError(
        failure.issues.map((issue) => ({
          path: (issue.path ?? []).map((segment) => String(typeof segment === "object" ? segment.key : segment)),
          message: issue.message,
        })),
      ),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    maxConnectionSize: maxPageSize,
    defaultConnectionSize: 20,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    decodeGlobalID: decodeCheckedGlobalID,
    nodesQueryOptions: {
      description: `Records by their global ids, at most ${maxNodeIds}`,
      complexity: nodesCost,
    },
  },
  // Connections multiply by their page size (pageCost); `edges` lists then add nothing more.
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 1,
  },
});

builder.queryType({});
builder.mutationType({});

/** Cost of a connection field: its page size multiplies the cost of what it selects. */
export const pageCost = (args: { first?: number | null; last?: number | null }) => ({
  field: 1,
  multiplier: Math.min(args.first ?? args.last ?? 20, maxPageSize),
});
