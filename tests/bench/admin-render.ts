/**
 * The admin's article page with 50 marked claims, rendered on the server by
 * the built app (`next start`) against the running API: time to the full
 * HTML, and how much of it is the page's own GraphQL query.
 */
import { openDatabase, type DatabaseTarget } from "@claimdesk/db";
import { startAdmin } from "../support/admin.ts";
import { median } from "./harness.ts";

const claims = 50;
const articleId = "bench-article-50-claims";

/** An article whose body holds 50 claims, each marked at its exact span with a speaker and a verdict. */
async function createArticle(target: DatabaseTarget): Promise<void> {
  const db = await openDatabase(target);
  try {
    if (await db.prisma.article.findUnique({ where: { id: articleId } })) return;
    const sentences = Array.from(
      { length: claims },
      (_, i) => `The minister said exports to China rose ${i + 3}% in 2024, the fastest pace in ${i + 2} years.`,
    );
    const body = sentences.join(" ");
    await db.prisma.article.create({
      data: {
        id: articleId,
        title: "Fifty claims in one interview",
        body,
        outletId: "seed-outlet-urdupoint",
        publishedAt: new Date("2025-03-11T00:00:00Z"),
      },
    });
    let offset = 0;
    for (const [i, sentence] of sentences.entries()) {
      const start = [...body.slice(0, body.indexOf(sentence, offset))].length; // spans count code points
      offset = body.indexOf(sentence, offset) + sentence.length;
      await db.prisma.claim.create({
        data: {
          quote: sentence,
          claimReviewed: sentence,
          speakerId: "seed-person-khalil-hashmi",
          ratingId: i % 2 ? "seed-rating-false" : "seed-rating-true",
          appearances: { create: { articleId, spanStart: start, spanEnd: start + [...sentence].length, quote: sentence } },
        },
      });
    }
  } finally {
    await db.close();
  }
}

export interface RenderFigures {
  samples: number;
  /** Until the article and its 50 claims have arrived. */
  articleP50: number;
  /** Until the whole page, streamed panels included, has arrived. */
  pageP50: number;
  pageP90: number;
  queryP50: number;
  htmlKb: number;
}

/** Renders the page `samples` times after a warm-up; the API must be serving `target`'s database at `apiUrl`. */
export async function measureAdminRender(target: DatabaseTarget, apiUrl: string, samples: number): Promise<RenderFigures> {
  await createArticle(target);
  const admin = await startAdmin(apiUrl);
  try {
    const login = await fetch(`${admin.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { login(email: "editor@claimdesk.local", password: "claimdesk-editor") { __typename } }` }),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`could not sign in through the admin app (HTTP ${login.status})`);
    const gid = Buffer.from(`Article:${articleId}`).toString("base64");
    const pageUrl = `${admin.url}/articles/${encodeURIComponent(gid)}`;
    // The page streams: the article with its 50 claims first, slower panels after.
    const render = async () => {
      const started = performance.now();
      const res = await fetch(pageUrl, { headers: { cookie } });
      const decoder = new TextDecoder();
      let html = "";
      let articleMs = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        html += decoder.decode(chunk, { stream: true });
        // React separates text parts with <!-- --> markers.
        if (!articleMs && html.replaceAll("<!-- -->", "").includes(`Claims in this article (${claims})`))
          articleMs = performance.now() - started;
      }
      const ms = performance.now() - started;
      if (res.status !== 200 || !articleMs || !html.includes("Fifty claims in one interview")) {
        throw new Error(`the article page did not render its 50 claims (HTTP ${res.status})`);
      }
      return { ms, articleMs, bytes: html.length };
    };
    // The page's own query, sent straight to the API, for the share of the time it takes.
    const pageQuery = `query($id: ID!) { node(id: $id) { ... on Article { id title body claims(first: 100) { totalCount edges { node { id spanStart spanEnd quote claim { id claimReviewed status rating { label color } speaker { name } } } } } suggestions(first: 6) { text score } recurringClaims { sentence score } } } people(first: 100) { edges { node { id name } } } }`;
    const query = async () => {
      const started = performance.now();
      const res = await fetch(`${apiUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ query: pageQuery, variables: { id: gid } }),
      });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`page query failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 3; i++) await render();
    const pages: number[] = [];
    const articles: number[] = [];
    const queries: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples; i++) {
      const r = await render();
      pages.push(r.ms);
      articles.push(r.articleMs);
      bytes = r.bytes;
      queries.push(await query());
    }
    pages.sort((a, b) => a - b);
    return {
      samples,
      articleP50: median(articles),
      pageP50: median(pages),
      pageP90: pages[Math.floor(pages.length * 0.9)]!,
      queryP50: median(queries),
      htmlKb: bytes / 1024,
    };
  } finally {
    await admin.stop();
  }
}
