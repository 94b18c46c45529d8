/**
 * A deterministic newsroom at any scale (1 = 10,000 articles of ~2.5 KB,
 * 50,000 claims, 2,000 sources, 150,000 claim-source links), bulk-loaded
 * through multi-row INSERTs, with a progress bar.
 */
import { type SqlRunner, factCheckSlug } from "@claimdesk/db";

export interface Sizes {
  articles: number;
  claimsPerArticle: number;
  sources: number;
  linksPerClaim: number;
  people: number;
  outlets: number;
  publishedEvery: number;
}

export function sizesFor(scale: number): Sizes {
  return {
    articles: Math.max(20, Math.round(10_000 * scale)),
    claimsPerArticle: 5,
    sources: Math.max(20, Math.round(2_000 * scale)),
    linksPerClaim: 3,
    people: Math.max(10, Math.round(500 * scale)),
    outlets: Math.max(5, Math.round(50 * scale)),
    publishedEvery: 10,
  };
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  "Inflation",
  "Exports",
  "Wheat output",
  "Power tariffs",
  "Remittances",
  "Tax revenue",
  "Polio cases",
  "Literacy",
  "Foreign reserves",
  "Road deaths",
];
const verbs = ["rose", "fell", "reached", "doubled", "declined", "grew"];
const fillers = [
  "Officials described the situation as stable and said more work was needed.",
  "Residents in several districts said they had not noticed any change.",
  "The opposition criticised the figures and demanded an inquiry.",
  "Analysts expect the trend to continue into the next quarter.",
  "The ministry said it would publish detailed data next month.",
];

export const ids = {
  article: (i: number) => `ba${String(i).padStart(6, "0")}`,
  claim: (i: number) => `bc${String(i).padStart(7, "0")}`,
  source: (i: number) => `bs${String(i).padStart(5, "0")}`,
  person: (i: number) => `bp${String(i).padStart(5, "0")}`,
  outlet: (i: number) => `bo${String(i).padStart(4, "0")}`,
};

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(",")}]::text[]`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

async function insert(sql: SqlRunner, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await sql.exec(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(",")}) VALUES ${chunk.map((r) => `(${r.map(literal).join(",")})`).join(",")}`,
    );
  }
}

function progress(label: string, done: number, total: number): void {
  const width = 30;
  const bar = `${label.padEnd(28)} [${"#".repeat(Math.round((done / total) * width)).padEnd(width, ".")}] ${done}/${total}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${bar}${done === total ? "\n" : ""}`);
  else if (done === total || done % Math.ceil(total / 4) < 200) process.stderr.write(`${bar}\n`); // a log: quarter steps
}

/** Loads the dataset (after migrations and the sample seed) and returns its sizes. */
export async function loadDataset(sql: SqlRunner, scale: number, label: string): Promise<Sizes & { claims: number; links: number }> {
  const sizes = sizesFor(scale);
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const now = new Date("2025-06-01T00:00:00Z");

  await insert(
    sql,
    "Outlet",
    ["id", "name", "updatedAt"],
    Array.from({ length: sizes.outlets }, (_, i) => [ids.outlet(i), `Bench Outlet ${i}`, now]),
  );
  await insert(
    sql,
    "Person",
    ["id", "name", "title", "updatedAt"],
    Array.from({ length: sizes.people }, (_, i) => [ids.person(i), `Speaker ${i}`, "Minister", now]),
  );
  await insert(
    sql,
    "Source",
    ["id", "url", "title", "publisher", "type", "updatedAt"],
    Array.from({ length: sizes.sources }, (_, i) => [
      ids.source(i),
      `https://data.example.org/${i}`,
      `Statistical release ${i} on ${pick(subjects).toLowerCase()}`,
      "Bureau of Statistics",
      "OFFICIAL_STATISTIC",
      now,
    ]),
  );
  const ratings = (await sql.query<{ id: string }>(`SELECT id FROM "Rating" ORDER BY position`)).map((r) => r.id);

  const batch = 200;
  let claimNo = 0;
  for (let start = 0; start < sizes.articles; start += batch) {
    const articles: unknown[][] = [];
    const claims: unknown[][] = [];
    const appearances: unknown[][] = [];
    const links: unknown[][] = [];
    const factChecks: unknown[][] = [];
    for (let a = start; a < Math.min(start + batch, sizes.articles); a++) {
      const quotes = Array.from(
        { length: sizes.claimsPerArticle },
        () => `${pick(subjects)} ${pick(verbs)} ${(random() * 40).toFixed(1)}% in ${2015 + Math.floor(random() * 10)}`,
      );
      let body = "";
      const spans: [number, number][] = [];
      for (const quote of quotes) {
        body += `${pick(fillers)} ${pick(fillers)} The minister said that `;
        spans.push([body.length, body.length + quote.length]);
        body += `${quote}. ${pick(fillers)} ${pick(fillers)} ${pick(fillers)}\n\n`;
      }
      const articleId = ids.article(a);
      articles.push([
        articleId,
        `${quotes[0]}: bench report ${a}`,
        ids.outlet(a % sizes.outlets),
        body,
        new Date(now.getTime() - a * 3_600_000),
        now,
      ]);
      quotes.forEach((quote, q) => {
        const claimId = ids.claim(claimNo);
        const published = claimNo % sizes.publishedEvery === 0;
        const ratingId = published || claimNo % 3 === 0 ? pick(ratings) : null;
        claims.push([
          claimId,
          quote,
          quote,
          ids.person(claimNo % sizes.people),
          published ? "PUBLISHED" : pick(["UNREVIEWED", "SELECTED", "RESEARCHING", "IN_REVIEW"]),
          ratingId,
          published ? "Checked against the release." : null,
          now,
        ]);
        appearances.push([`bx${claimNo}`, claimId, articleId, spans[q]![0], spans[q]![1], quote]);
        const used = new Set<number>();
        while (used.size < sizes.linksPerClaim) used.add(Math.floor(random() * sizes.sources));
        for (const s of used) links.push([`bl${claimNo}_${s}`, claimId, ids.source(s), pick(["SUPPORTS", "REFUTES", "CONTEXT"]), now]);
        if (published)
          factChecks.push([
            `bf${claimNo}`,
            claimId,
            factCheckSlug(quote, `bf${claimNo}`),
            `Fact-check: ${quote}`,
            ratingId,
            "Checked against the release.",
            "Claimdesk",
            now,
            now,
          ]);
        claimNo++;
      });
    }
    await sql.transaction(async (tx) => {
      await insert(tx, "Article", ["id", "title", "outletId", "body", "publishedAt", "updatedAt"], articles);
      await insert(tx, "Claim", ["id", "quote", "claimReviewed", "speakerId", "status", "ratingId", "explanation", "updatedAt"], claims);
      await insert(tx, "ClaimAppearance", ["id", "claimId", "articleId", "spanStart", "spanEnd", "quote"], appearances);
      await insert(tx, "ClaimSource", ["id", "claimId", "sourceId", "stance", "updatedAt"], links);
      await insert(
        tx,
        "FactCheck",
        ["id", "claimId", "slug", "headline", "ratingId", "explanation", "publisherName", "publishedAt", "updatedAt"],
        factChecks,
      );
    });
    progress(`loading ${label}`, Math.min(start + batch, sizes.articles), sizes.articles);
  }
  // Published fact-checks carry what the public reads, as publishing stores it.
  await sql.query(`UPDATE "FactCheck" SET "snapshot" = published_snapshot("claimId") WHERE "snapshot" IS NULL`);
  // As after any bulk load: statistics for the planner, and the visibility map
  // set so that counts can be index-only instead of reading every heap page
  // (until autovacuum got to it, the first runs measured that difference).
  await sql.exec(`VACUUM ANALYZE`);
  return { ...sizes, claims: claimNo, links: claimNo * sizes.linksPerClaim };
}
