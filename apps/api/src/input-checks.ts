import type { ApolloServerPlugin } from "@apollo/server";
import { checkParameter, InvalidParameter } from "@claimdesk/db";
import { decodeCursorChunk } from "@pothos/core";
import { GraphQLError, Kind, type ArgumentNode, type DocumentNode, type ValueNode, visit } from "graphql";

/**
 * Text no field can hold, refused for the whole request before any resolver
 * runs: NUL bytes (PostgreSQL text cannot store them) and lone UTF-16
 * surrogates (not text at all; the driver would store U+FFFD instead). The
 * client gets its own BAD_USER_INPUT naming the variable or argument.
 */
export function textInputChecks(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problem =
            variableProblem(request.variables ?? {}, "$") ?? literalProblem(document) ?? cursorProblem(document, request.variables ?? {});
          if (problem) throw new GraphQLError(problem, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
        },
      };
    },
  };
}

/** Nesting deeper than this in variables is refused rather than walked. */
const maxDepth = 64;

function check(path: string, value: string): string | null {
  try {
    checkParameter(path, value);
    return null;
  } catch (error) {
    if (error instanceof InvalidParameter) return error.message;
    throw error;
  }
}

function variableProblem(value: unknown, path: string, depth = 0): string | null {
  if (depth > maxDepth) return `The value given for ${path} is nested more than ${maxDepth} levels deep`;
  if (typeof value === "string") return check(path, value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = variableProblem(value[i], `${path}[${i}]`, depth + 1);
      if (problem) return problem;
    }
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = check(`a key in ${path}`, key);
      if (keyProblem) return keyProblem;
      const problem = variableProblem(inner, path === "$" ? `$${key}` : `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function literalProblem(document: DocumentNode): string | null {
  let problem: string | null = null;
  const walk = (node: ValueNode, path: string) => {
    if (problem) return;
    if (node.kind === Kind.STRING) problem = check(path, node.value);
    else if (node.kind === Kind.LIST) node.values.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (node.kind === Kind.OBJECT) for (const field of node.fields) walk(field.value, `${path}.${field.name.value}`);
  };
  visit(document, {
    Argument(node: ArgumentNode) {
      walk(node.value, node.name.value);
      return false;
    },
  });
  return problem;
}

/**
 * Page cursors (`after`, `before`) must be ones a list gave out: a list's
 * cursor decodes to strings, finite numbers and real dates. Anything else
 * reached the database and failed there (INTERNAL_SERVER_ERROR).
 */
function cursorProblem(document: DocumentNode, variables: Record<string, unknown>): string | null {
  let problem: string | null = null;
  visit(document, {
    Argument(node: ArgumentNode) {
      if (problem || (node.name.value !== "after" && node.name.value !== "before")) return false;
      const value =
        node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : node.value.kind === Kind.STRING ? node.value.value : null;
      if (typeof value === "string" && !validCursor(value))
        problem = `The cursor given in ${node.name.value} is not one this list gave out`;
      return false;
    },
  });
  return problem;
}

function validCursor(cursor: string): boolean {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (!text.startsWith("GPC:")) return true; // not a record cursor: the list decides
  let value: unknown;
  try {
    value = decodeCursorChunk(text.slice(4));
  } catch {
    return false;
  }
  const sound = (v: unknown): boolean =>
    v === null ||
    (typeof v === "string" && check("cursor", v) === null) ||
    (typeof v === "number" && Number.isFinite(v)) ||
    (v instanceof Date && !Number.isNaN(v.getTime()) && Math.abs(v.getFullYear()) < 10_000) ||
    (Array.isArray(v) && v.every(sound));
  return sound(value);
}
