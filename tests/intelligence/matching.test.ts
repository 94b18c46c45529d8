import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";
import { exportDeskLabels } from "../../packages/schema/src/intelligence/desk-labels.ts";
import { normalizeQuery } from "../../packages/schema/src/intelligence/matching.ts";

describe.each(databaseKinds())("claim intelligence over the API on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it("suggests the sample article's check-worthy sentences with exact spans and reasons", async () => {
    const data = await editor.ok(
      `query($id: ID!) { node(id: $id) { ... on Article { body suggestions(first: 3) { text spanStart spanEnd score reasons alreadyMarked } } } }`,
      {
        id: globalId("Article", "seed-article-cpec-two-sessions"),
      },
    );
    const { body, suggestions } = data.node;
    expect(suggestions[0].text).toContain("45 new MOUs worth over $600 million");
    expect(suggestions[0].reasons).toContain("gives a figure");
    expect(suggestions[0].alreadyMarked).toBe(true);
    for (const s of suggestions)
      expect(
        Array.from(body as string)
          .slice(s.spanStart, s.spanEnd)
          .join(""),
      ).toBe(s.text);
  });

  it("ranks every sentence without a score cut, so the admin can page through them", async () => {
    const data = await editor.ok(`query($id: ID!) { node(id: $id) { ... on Article { suggestions(first: 100) { text score } } } }`, {
      id: globalId("Article", "seed-article-cpec-two-sessions"),
    });
    const { suggestions } = data.node;
    expect(suggestions.length).toBeGreaterThanOrEqual(18);
    const scores = suggestions.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(suggestions.some((s: { text: string }) => s.text.includes("first astronauts set to join"))).toBe(true);
    expect(suggestions.some((s: { text: string }) => s.text === "APP/asg" || s.text.startsWith("date 2025"))).toBe(false);
  });

  it("matches a near-duplicate an editor types to the existing claim and its published fact-check", async () => {
    const data = await editor.ok(
      `query($text: String!) { similarClaims(text: $text) { score level claim { id claimReviewed } publishedFactCheck { headline } } }`,
      {
        text: "China has sustained economic growth of 5 percent a year",
      },
    );
    expect(data.similarClaims[0]).toMatchObject({ level: "LIKELY_DUPLICATE", claim: { id: globalId("Claim", "seed-claim-china-growth") } });
    expect(data.similarClaims[0].score).toBeGreaterThanOrEqual(0.6);
    expect(data.similarClaims[0].publishedFactCheck.headline).toMatch(/5% growth/);
    const unrelated = await editor.ok(`query { similarClaims(text: "The river discharge reached 550,000 cusecs at Guddu") { score } }`);
    expect(unrelated.similarClaims).toEqual([]);
  });

  it("confirms a duplicate, reusing the canonical verdict, and audits the decision", async () => {
    const created = await editor.ok(
      `mutation { createClaim(input: { quote: "China's economy keeps growing at 5% every year" }) { ... on MutationCreateClaimSuccess { data { id matches { level claim { id } } } } } }`,
    );
    const claim = created.createClaim.data;
    expect(claim.matches[0].claim.id).toBe(globalId("Claim", "seed-claim-china-growth"));
    const confirmed = await editor.ok(
      `mutation($id: ID!, $c: ID!) { confirmDuplicate(claimId: $id, canonicalId: $c, reuseVerdict: true) { __typename ... on MutationConfirmDuplicateSuccess { data { duplicateOf { id } rating { label } } } } }`,
      { id: claim.id, c: globalId("Claim", "seed-claim-china-growth") },
    );
    expect(confirmed.confirmDuplicate.data).toEqual({
      duplicateOf: { id: globalId("Claim", "seed-claim-china-growth") },
      rating: { label: "Mostly true" },
    });
    const rawId = Buffer.from(claim.id, "base64").toString().split(":")[1];
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: rawId, action: "claim.duplicate.confirm" } });
    expect(audit.after).toMatchObject({ reusedVerdict: true });
  });

  it("alerts when a published fact-check's claim reappears in a newly imported article", async () => {
    const body = "Officials repeated on Monday that China has sustained economic growth of about 5% a year. Markets were calm.";
    const created = await editor.ok(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on MutationCreateArticleSuccess { data { id recurringClaims { sentence score factCheck { id headline } } } } } }`,
      {
        input: { title: "Growth claims repeated", body },
      },
    );
    const alerts = created.createArticle.data.recurringClaims;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].factCheck.headline).toMatch(/5% growth/);

    // Only published fact-checks alert: once it is taken down, the sentence is quiet.
    await editor.ok(`mutation($id: ID!) { unpublishFactCheck(id: $id, reason: "Under re-review") { __typename } }`, {
      id: alerts[0].factCheck.id,
    });
    const after = await editor.ok(`query($id: ID!) { node(id: $id) { ... on Article { recurringClaims { sentence } } } }`, {
      id: created.createArticle.data.id,
    });
    expect(after.node.recurringClaims).toEqual([]);
  });

  it("ranks imported fact-checks for a tweet by full-text and trigram evidence, with scores, top k", async () => {
    const raw = (headline: string) => ({ "@type": "ClaimReview", headline });
    await t.db.prisma.externalFactCheck.createMany({
      data: [
        {
          id: "ext-emoluments",
          url: "https://example.org/fc/1",
          claimReviewed: "Iran could target Trump hotels worldwide, threatening his businesses.",
          publisherName: "Example",
          ratingLabel: "Unproven",
          raw: raw("Could Iran Threaten Trump's Hotels?"),
        },
        {
          id: "ext-draft",
          url: "https://example.org/fc/2",
          claimReviewed: "Text messages say recipients were selected for a military draft.",
          publisherName: "Example",
          ratingLabel: "False",
          raw: raw("Military Draft Text Messages"),
        },
        {
          id: "ext-vacunas",
          url: "https://example.org/fc/3",
          claimReviewed: "El gobierno compró 30 millones de vacunas defectuosas.",
          publisherName: "Ejemplo",
          ratingLabel: "Falso",
          raw: raw("Vacunas defectuosas"),
        },
        {
          id: "ext-crowd",
          url: "https://example.org/fc/4",
          claimReviewed: "A photograph shows a huge crowd at a rally this summer.",
          publisherName: "Example",
          ratingLabel: "Miscaptioned",
          raw: raw("Is This Crowd Photo from the Glastonbury Festival?"),
        },
      ],
    });
    const tweet = "Fraudulent #TextMessages say you were selected for a #MilitaryDraft https://t.co/abc via @ArmyRecruiting";
    expect(normalizeQuery(tweet)).toBe("Fraudulent Text Messages say you were selected for a Military Draft via Army Recruiting");
    // An embedded tweet: the picture link glued to a hashtag goes, the author's name and handle stay (as words).
    expect(normalizeQuery("Drone strike caught on camera.#IranUsapic.twitter.com/TvRk — Jane Roe (@JaneRoe_News) January 6, 2020")).toBe(
      "Drone strike caught on camera. Iran Usa — Jane Roe ( Jane Roe News ) January 6, 2020",
    );
    const data = await editor.ok(
      `query($text: String!) { similarClaims(text: $text, first: 2) { score evidence level externalFactCheck { url } } }`,
      { text: tweet },
    );
    expect(data.similarClaims[0].externalFactCheck.url).toBe("https://example.org/fc/2");
    expect(data.similarClaims.length).toBeLessThanOrEqual(2);
    expect(data.similarClaims[0].score).toBeGreaterThan(0);
    expect(data.similarClaims[0].score).toBeLessThanOrEqual(1);
    // The headline is indexed with the claim: a tweet in the headline's words finds the fact-check.
    const byHeadline = await editor.ok(`query { similarClaims(text: "Glastonbury festival this year") { externalFactCheck { url } } }`);
    expect(byHeadline.similarClaims[0].externalFactCheck.url).toBe("https://example.org/fc/4");
    // The 'simple' configuration matches words of any language, unstemmed.
    const es = await editor.ok(
      `query { similarClaims(text: "¿Compró el gobierno vacunas defectuosas?") { level externalFactCheck { url } } }`,
    );
    expect(es.similarClaims[0].externalFactCheck.url).toBe("https://example.org/fc/3");
  });

  it("re-ranks by meaning: the paraphrase that shares one word comes first, and each text is embedded once", async () => {
    const raw = (headline: string) => ({ "@type": "ClaimReview", headline });
    const facts = [
      ["ext-warm-drinks", "Drinking warm water kills the COVID-19 virus in the throat.", "Do Warm Drinks Kill the Virus?"],
      ["ext-hot-springs", "Hot water from the springs of the town can heat every home.", "Hot Springs Power Claim"],
      ["ext-tap-water", "Boiling tap water every morning removes lead from city pipes.", "Boiling Water and Lead"],
      ["ext-president-water", "A video shows the president drinking water with both hands.", "Two-Handed Drinking Video"],
    ];
    await t.db.prisma.externalFactCheck.createMany({
      data: facts.map(([id, claimReviewed, headline]) => ({
        id: id!,
        url: `https://example.org/meaning/${id}`,
        claimReviewed: claimReviewed!,
        publisherName: "Example",
        ratingLabel: "False",
        raw: raw(headline!),
      })),
    });
    const text = "Drinking hot water every few minutes will wash the coronavirus out of your body";
    const ask = () =>
      editor.ok(
        `query($text: String!) { similarClaims(text: $text, first: 3) { score evidence meaning level externalFactCheck { url } } }`,
        { text },
      );
    const stored = () => t.db.prisma.textEmbedding.count();

    const before = await stored();
    const ranked = (await ask()).similarClaims;
    expect(ranked[0].externalFactCheck.url).toBe("https://example.org/meaning/ext-warm-drinks");
    expect(ranked[0].meaning).toBeGreaterThan(0.5);
    const afterFirst = await stored();
    expect(afterFirst).toBeGreaterThan(before);
    await ask();
    expect(await stored()).toBe(afterFirst); // known texts are read back, not embedded again

    // Words alone rank the sentence that shares the most of them first: the re-ranking is what finds it.
    process.env.CLAIMDESK_SEMANTIC_MATCHING = "off";
    try {
      const byWords = (await ask()).similarClaims;
      expect(byWords[0].externalFactCheck.url).not.toBe("https://example.org/meaning/ext-warm-drinks");
      expect(byWords.every((m: { meaning: number | null }) => m.meaning === null)).toBe(true);
    } finally {
      delete process.env.CLAIMDESK_SEMANTIC_MATCHING;
    }
  });

  it("shows a fact-check its publisher republished once, as the original, and keeps a changed verdict apart", async () => {
    const claim = "A photo shows pink flamingos parading through Lagos.";
    const record = (
      id: string,
      claimReviewed: string,
      more: { publisherName?: string; ratingLabel?: string; createdAt: string; datePublished?: string },
    ) => ({
      id,
      url: `https://example.org/twins/${id}`,
      claimReviewed,
      publisherName: more.publisherName ?? "Example",
      ratingLabel: more.ratingLabel ?? "False",
      raw: { "@type": "ClaimReview", headline: "Flamingo Parade Photo" },
      createdAt: new Date(more.createdAt),
      datePublished: more.datePublished ? new Date(more.datePublished) : null,
    });
    await t.db.prisma.externalFactCheck.createMany({
      data: [
        // Imported first, but the copy: it was published later. Neither the smaller id nor the quote marks decide.
        record("ext-a-copy", claim.replace("pink", "“pink”"), { createdAt: "2021-03-01T00:00:00Z", datePublished: "2021-02-10T00:00:00Z" }),
        record("ext-z-original", claim.replace("pink", '"pink"'), {
          createdAt: "2021-03-02T00:00:00Z",
          datePublished: "2021-02-01T00:00:00Z",
        }),
        record("ext-m-undated", claim, { createdAt: "2021-01-01T00:00:00Z" }),
        // The same words with another verdict, or from another publisher, are another fact-check.
        record("ext-rerated", claim, { ratingLabel: "Mostly false", createdAt: "2021-03-03T00:00:00Z" }),
        record("ext-elsewhere", claim, { publisherName: "Elsewhere", createdAt: "2021-03-04T00:00:00Z" }),
      ],
    });
    const data = await editor.ok(
      `query { similarClaims(text: "pink flamingos parading through Lagos", first: 3) { externalFactCheck { url } } }`,
    );
    const urls = data.similarClaims.map((m: { externalFactCheck: { url: string } | null }) => m.externalFactCheck?.url).sort();
    // Three records are one fact-check: the other two fill the top 3.
    expect(urls).toEqual(["ext-elsewhere", "ext-rerated", "ext-z-original"].map((id) => `https://example.org/twins/${id}`));
  });

  it("exports editors' decisions as labels in the benchmarks' formats", async () => {
    const created = await editor.ok(
      `mutation { createClaim(input: { quote: "Growth in China is running at five percent" }) { ... on MutationCreateClaimSuccess { data { id } } } }`,
    );
    const id = created.createClaim.data.id;
    await editor.ok(`mutation($id: ID!, $c: ID!) { rejectMatch(claimId: $id, candidateId: $c) { __typename } }`, {
      id,
      c: globalId("Claim", "seed-claim-china-growth"),
    });
    const rawId = Buffer.from(id, "base64").toString().split(":")[1];
    const labels = await exportDeskLabels(t.db.prisma);
    expect(labels.matching.qrels).toContain(`${rawId}\t0\tseed-claim-china-growth\t0\n`);
    expect(labels.matching.qrels).toMatch(/\t0\tseed-claim-china-growth\t1\n/); // the duplicate confirmed above
    expect(labels.matching.claims.split("\n")[0]).toBe("\tvclaim\ttitle");
    const sample = labels.checkworthiness.find((d) => d.articleId === "seed-article-cpec-two-sessions")!;
    const rows = sample.tsv
      .trim()
      .split("\n")
      .map((l) => l.split("\t"));
    expect(rows.every((r) => r.length === 4 && /^[01]$/.test(r[3]!))).toBe(true);
    expect(rows.find((r) => r[2]!.includes("45 new MOUs"))![3]).toBe("1");
    expect(rows.find((r) => r[2]!.startsWith("Experts believe"))![3]).toBe("0");
  });
});
