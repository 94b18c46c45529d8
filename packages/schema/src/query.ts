/**
 * Pothos' `query` for a Prisma call. When a client selects only `__typename`
 * of a mutation's success type the selection is `{ select: {} }`, which
 * Prisma rejects; select the id then.
 */
export function selection<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Q) : query;
}
