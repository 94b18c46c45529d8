import { type Prisma, codePointLength } from "@claimdesk/db";
import { suggestClaims } from "../intelligence/checkworthiness.ts";
import { findRecurringFactChecks } from "../intelligence/matching.ts";
import { splitSentences } from "../intelligence/sentences.ts";

/**
 * What the intake worker records about an article that arrived from a feed:
 * its most check-worthy sentence's score, and how many published fact-checks
 * it repeats. The same functions as the article page's suggestions and alerts.
 */
export async function analyseArticle(
  prisma: Prisma.TransactionClient,
  body: string,
): Promise<{ topCheckworthiness: number | null; recurringClaims: number }> {
  const top = suggestClaims(body)[0];
  const sentences = splitSentences(body).filter((s) => codePointLength(s.text) >= 20);
  const recurring = await findRecurringFactChecks(
    prisma,
    sentences.map((s) => s.text),
  );
  return { topCheckworthiness: top?.score ?? null, recurringClaims: new Set(recurring.map((m) => m.factCheckId)).size };
}
