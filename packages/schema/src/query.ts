import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Pothos' `query` for a Prisma call. When a client selects only `__typename`
 * of a mutation's success type the selection is `{ select: {} }`, which
 * Prisma rejects; select the id then.
 */
export function selection<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Q) : query;
}

/**
 * A root list whose page and totalCount are read together. Pothos asks for
 * the totalCount only after the page has come back, a second round trip;
 * started here, the two reads leave in the same tick and the database gets
 * them as one statement (see @claimdesk/db's one-statement reads).
 */
export async function pageAndCount<W, T>(
  info: GraphQLResolveInfo,
  args: object,
  where: W | Promise<W>,
  page: (where: W) => PromiseLike<T>,
  count: (where: W) => PromiseLike<number>,
): Promise<T> {
  const resolved = await where;
  if (selectsField(info, "totalCount")) {
    const started = Promise.resolve(count(resolved));
    started.catch(() => {}); // reported by totalCount() below, if the client waits for it
    startedCounts.set(args, started);
  }
  return page(resolved);
}

/** The totalCount started with the page, or a new count. */
export function startedCount(args: object, count: () => PromiseLike<number>): Promise<number> {
  return startedCounts.get(args) ?? Promise.resolve(count());
}

const startedCounts = new WeakMap<object, Promise<number>>();

function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) =>
      s.kind === Kind.FIELD ? s.name.value === name : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet) : true,
    );
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
