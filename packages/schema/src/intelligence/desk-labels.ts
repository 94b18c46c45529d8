/**
 * Editors' decisions as training labels, in the public benchmarks' formats,
 * so a newsroom's models can learn from its own coverage.
 *
 * Check-worthiness (CLEF-2019 task 1, one `.tsv` per article): in an article
 * where editors marked at least one claim, a sentence a claim covers is
 * check-worthy (1); the sentences they read and passed over are not (0).
 * Matching (CLEF-2020 task 2): each claim with a confirmed or rejected match
 * is a query; the candidates are the verified claims; a confirmed duplicate
 * is relevant (1), a rejected match is not (0). Both decisions are audited, so
 * the audit log is the record.
 */
import type { Prisma } from "@claimdesk/db";
import { splitSentences } from "./sentences.ts";

export interface DeskLabels {
  /** One CLEF task 1 document per article: `line\tspeaker\ttext\tlabel` rows. */
  checkworthiness: { articleId: string; tsv: string }[];
  matching: { claims: string; queries: string; qrels: string };
}

const clean = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();

export async function exportDeskLabels(prisma: Prisma.TransactionClient): Promise<DeskLabels> {
  const articles = await prisma.article.findMany({
    where: { appearances: { some: {} } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      body: true,
      appearances: { select: { spanStart: true, spanEnd: true, claim: { select: { speaker: { select: { name: true } } } } } },
    },
  });
  const checkworthiness = articles.map((article) => {
    const rows = splitSentences(article.body).map((s, i) => {
      const covering = article.appearances.find((a) => a.spanStart < s.end && a.spanEnd > s.start);
      return `${i + 1}\t${clean(covering?.claim.speaker?.name ?? "")}\t${clean(s.text)}\t${covering ? 1 : 0}`;
    });
    return { articleId: article.id, tsv: `${rows.join("\n")}\n` };
  });

  const decisions = await prisma.auditEvent.findMany({
    where: { action: { in: ["claim.duplicate.confirm", "claim.duplicate.reject"] }, entityType: "Claim" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, entityId: true, after: true },
  });
  // The latest decision on a pair wins (a rejection can be revisited).
  const pairs = new Map<string, { query: string; candidate: string; relevant: boolean }>();
  for (const d of decisions) {
    const after = (d.after ?? {}) as { duplicateOfId?: string; candidateId?: string };
    const candidate = d.action === "claim.duplicate.confirm" ? after.duplicateOfId : after.candidateId;
    if (candidate)
      pairs.set(`${d.entityId} ${candidate}`, { query: d.entityId, candidate, relevant: d.action === "claim.duplicate.confirm" });
  }
  const ids = [...new Set([...pairs.values()].flatMap((p) => [p.query, p.candidate]))];
  const claims = await prisma.claim.findMany({
    where: { id: { in: ids } },
    select: { id: true, claimReviewed: true, quote: true, factCheck: { select: { headline: true } } },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const known = [...pairs.values()].filter((p) => byId.has(p.query) && byId.has(p.candidate));
  const queryIds = [...new Set(known.map((p) => p.query))];
  const candidateIds = [...new Set(known.map((p) => p.candidate))];
  return {
    checkworthiness,
    matching: {
      claims: `\tvclaim\ttitle\n${candidateIds.map((id) => `${id}\t${clean(byId.get(id)!.claimReviewed)}\t${clean(byId.get(id)!.factCheck?.headline ?? "")}`).join("\n")}${candidateIds.length ? "\n" : ""}`,
      queries: `\ttweet_content\n${queryIds.map((id) => `${id}\t${clean(byId.get(id)!.quote || byId.get(id)!.claimReviewed)}`).join("\n")}${queryIds.length ? "\n" : ""}`,
      qrels: known.map((p) => `${p.query}\t0\t${p.candidate}\t${p.relevant ? 1 : 0}\n`).join(""),
    },
  };
}
