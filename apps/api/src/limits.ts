import type { ApolloServerPlugin } from "@apollo/server";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type GraphQLSchema,
  type ValidationContext,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Limits checked before any resolver runs (a 400, never a 500). */
export const queryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 3000, maxComplexity: 20_000 };

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "QUERY_TOO_COMPLEX" } });
}

/** Maximum selection depth, following fragments. */
export function depthLimit(maxDepth = queryLimits.maxDepth) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let max = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          max = Math.max(max, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(selection.selectionSet, seen));
        } else {
          const name = selection.name.value;
          if (seen.has(name)) continue; // cycles are reported by graphql's own rules
          const fragment = fragments.get(name);
          max = Math.max(max, depthOf(fragment?.selectionSet, new Set([...seen, name])));
        }
        if (max > maxDepth) return max;
      }
      return max;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) context.reportError(limitError(`The query is ${depth} levels deep; the limit is ${maxDepth}`));
      },
    };
  };
}

/** Maximum number of aliased fields in a document (alias-based amplification). */
export function aliasLimit(maxAliases = queryLimits.maxAliases) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        count++;
        if (count > maxAliases && !reported) {
          reported = true;
          context.reportError(limitError(`The query uses more than ${maxAliases} aliases`));
        }
      },
    };
  };
}

/**
 * Query cost, from the schema's complexity annotations and this request's
 * variables (page sizes multiply), checked once the operation is known and
 * before execution starts.
 */
export function costLimit(schema: GraphQLSchema, maxComplexity = queryLimits.maxComplexity): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          let complexity: number;
          try {
            ({ complexity } = complexityFromQuery(document, { schema, variables: request.variables ?? {}, ctx: contextValue as object }));
          } catch (error) {
            // Fail closed: a cost that cannot be computed (an invalid id or
            // variable among the arguments) is not a licence to run unbounded.
            if (error instanceof GraphQLError && error.extensions.code) throw error;
            throw new GraphQLError(`The query's cost cannot be computed: ${(error as Error)?.message ?? "invalid arguments"}`, {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
          if (complexity > maxComplexity) {
            throw new GraphQLError(
              `The query costs ${complexity}; the limit is ${maxComplexity}. Ask for smaller pages or fewer nested lists.`,
              {
                extensions: { code: "QUERY_TOO_COMPLEX", http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
