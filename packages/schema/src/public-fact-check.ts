/**
 * Finds the published fact-check a public path names. Its one URL is
 * /fact-checks/<slug>; the other forms (database id, GraphQL id, a slug whose
 * words changed but whose short id still matches) find it too, so callers can
 * redirect them to the slug. Unknown or unpublished: null (a 404).
 */
import { type PrismaClient, shortId } from "@claimdesk/db";

export async function findPublishedFactCheckId(prisma: PrismaClient, key: string): Promise<{ id: string; slug: string } | null> {
  const raw = key.trim();
  if (!raw || raw.length > 300) return null;
  const published = { status: "PUBLISHED" as const, slug: { not: null } };
  const select = { id: true, slug: true } as const;
  const found =
    (await prisma.factCheck.findFirst({ where: { ...published, slug: raw.toLowerCase() }, select })) ??
    (await prisma.factCheck.findFirst({ where: { ...published, id: fromGlobalId(raw) ?? raw }, select })) ??
    (await bySuffix(prisma, raw));
  return found?.slug ? { id: found.id, slug: found.slug } : null;
}

async function bySuffix(prisma: PrismaClient, raw: string) {
  const tail = /-([a-z0-9]{8})$/i.exec(raw)?.[1];
  if (!tail || shortId(tail) !== tail.toLowerCase()) return null;
  const rows = await prisma.factCheck.findMany({
    where: { status: "PUBLISHED", slug: { endsWith: `-${tail.toLowerCase()}` } },
    select: { id: true, slug: true },
    take: 2,
  });
  return rows.length === 1 ? rows[0]! : null; // ambiguous short ids resolve nowhere rather than to the wrong review
}

function fromGlobalId(raw: string): string | null {
  try {
    const decoded = Buffer.from(decodeURIComponent(raw), "base64").toString();
    return decoded.startsWith("FactCheck:") ? decoded.slice("FactCheck:".length) : null;
  } catch {
    return null;
  }
}
