/**
 * Optimistic concurrency: an update names the version it edits, and succeeds
 * only if that is still the stored version, bumping it in the same statement.
 * Two saves of one version: exactly one wins; the other gets `stale`.
 */
export type VersionedUpdate<T> = { ok: true; record: T } | { ok: false; reason: "stale"; current: T } | { ok: false; reason: "missing" };

interface VersionedDelegate<T> {
  updateMany(args: { where: { id: string; version: number }; data: object }): Promise<{ count: number }>;
  findUnique(args: { where: { id: string } }): Promise<T | null>;
}

export async function updateVersioned<T>(
  model: VersionedDelegate<T>,
  id: string,
  version: number,
  data: object,
): Promise<VersionedUpdate<T>> {
  const { count } = await model.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  const record = await model.findUnique({ where: { id } });
  if (!record) return { ok: false, reason: "missing" };
  return count === 1 ? { ok: true, record } : { ok: false, reason: "stale", current: record };
}
