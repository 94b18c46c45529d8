/**
 * Global ids from clients: decoded strictly, and `nodes(ids:)` bounded.
 * A list of ids is a list of look-ups, so it is capped and each id costs
 * as much as a `node(id:)` would.
 */
import { PothosValidationError, decodeBase64 } from "@pothos/core";
import { GraphQLError } from "graphql";

export const maxNodeIds = 100;

const typenamePattern = /^[A-Z_a-z]\w*$/;
// NUL bytes and lone UTF-16 surrogates name no record; the database could not even compare them.
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;

export function decodeCheckedGlobalID(globalID: string): { typename: string; id: string } {
  let decoded: string;
  try {
    decoded = decodeBase64(globalID);
  } catch {
    throw new PothosValidationError(`Invalid global ID: ${shown(globalID)}`);
  }
  const colon = decoded.indexOf(":");
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 1 || !id || !typenamePattern.test(typename) || unstorable.test(id) || id.length > 200) {
    throw new PothosValidationError(`Invalid global ID: ${shown(globalID)}`);
  }
  return { typename, id };
}

const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

/** Each id multiplies the cost of the selection; more than the cap is refused before anything runs. */
export function nodesCost(args: { ids?: unknown }) {
  const count = Array.isArray(args.ids) ? args.ids.length : 1;
  if (count > maxNodeIds) {
    throw new GraphQLError(`nodes accepts at most ${maxNodeIds} ids (got ${count})`, {
      extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    });
  }
  return { field: 1, multiplier: Math.max(count, 1) };
}
