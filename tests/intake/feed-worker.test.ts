/** Feeds polled by the intake worker (in this process), on a real database of each kind. */
import { seed } from "@claimdesk/db";
import { type TestDatabase, createTestDatabase } from "@claimdesk/db/testing";
import { type IntakeWorker, startIntakeWorker } from "@claimdesk/intake";
import { analyseArticle } from "@claimdesk/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { fastSettings, until } from "../support/intake.ts";
import { type NewsServer, startNewsServer, wireParagraphs } from "../support/news-server.ts";

describe.each(databaseKinds())("feed intake on %s", (kind) => {
  let db: TestDatabase;
  let site: NewsServer;
  let worker: IntakeWorker;
  let outletId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.prisma);
    site = await startNewsServer({ initialItems: 3 });
    // A published fact-check that wire story 4 repeats: it must raise an alert on arrival.
    const rating = await db.prisma.rating.findFirstOrThrow({ where: { scale: { isDefault: true } }, orderBy: { position: "asc" } });
    const quote = wireParagraphs(4)[3]!;
    const claim = await db.prisma.claim.create({ data: { quote, claimReviewed: quote, status: "PUBLISHED", ratingId: rating.id } });
    await db.prisma.factCheck.create({
      data: {
        claimId: claim.id,
        headline: "Unemployment claim checked",
        ratingId: rating.id,
        explanation: "Checked.",
        publisherName: "Claimdesk",
        publishedAt: new Date(),
      },
    });
    const outlet = await db.prisma.outlet.create({ data: { name: "The Wire" } });
    outletId = outlet.id;
    // The same stories in two feeds: each must become one article.
    await db.prisma.feed.createMany({
      data: [
        { outletId, url: `${site.url}/feeds/rss.xml`, intervalSeconds: 1 },
        { outletId, url: `${site.url}/feeds/atom.xml`, intervalSeconds: 1 },
        { outletId, url: `${site.url}/feeds/broken.xml`, intervalSeconds: 1 },
      ],
    });
    worker = await startIntakeWorker(db, { analyse: analyseArticle, settings: fastSettings() });
  });
  afterAll(async () => {
    await worker?.stop();
    await site?.close();
    await db?.destroy();
  });

  const wireArticles = () =>
    db.prisma.article.findMany({
      where: { outletId },
      orderBy: { publishedAt: "asc" },
      select: { id: true, title: true, canonicalUrl: true, body: true },
    });

  it("takes a feed's items in once, across polls and across two feeds of the same stories", async () => {
    const started = Date.now();
    await until(
      "3 articles",
      async () => (await wireArticles()).length === 3 && (await db.prisma.feedItem.count({ where: { status: "PENDING" } })) === 0,
    );
    const firstArrival = Date.now() - started;

    site.publish(2);
    const published = Date.now();
    await until(
      "5 articles",
      async () => (await wireArticles()).length === 5 && (await db.prisma.feedItem.count({ where: { status: "PENDING" } })) === 0,
    );
    const newArrival = Date.now() - published;

    // More polls with nothing new: conditional requests answered 304, nothing ingested again.
    const before = site.notModified;
    await until("two more polls of each feed", async () => site.notModified >= before + 4, 15_000);

    const articles = await wireArticles();
    expect(articles.map((a) => a.canonicalUrl)).toEqual([1, 2, 3, 4, 5].map((n) => `${site.url}/wire/story-${n}.html`));
    expect(articles[0]!.body).toBe(wireParagraphs(1).join("\n\n"));
    const items = await db.prisma.feedItem.findMany({ where: { feed: { url: { not: { contains: "broken" } } } }, orderBy: { url: "asc" } });
    expect(items).toHaveLength(10);
    expect(items.filter((i) => i.status === "INGESTED")).toHaveLength(5);
    expect(items.filter((i) => i.status === "DUPLICATE")).toHaveLength(5);
    expect(new Set(items.map((i) => i.articleId)).size).toBe(5);
    const feeds = await db.prisma.feed.findMany({ where: { url: { not: { contains: "broken" } } } });
    expect(feeds.map((f) => f.itemsTaken)).toEqual([5, 5]);
    expect(await db.prisma.auditEvent.count({ where: { action: "article.intake" } })).toBe(5);
    console.log(
      `[${kind}] poll timings: first 3 items in ${firstArrival} ms from worker start; 2 new items in ${newArrival} ms after publication (feeds every 1 s, scheduler every 100 ms); 304 answers: ${site.notModified}`,
    );
  });

  it("scores each new article and flags the one repeating a published fact-check", async () => {
    const items = await db.prisma.feedItem.findMany({ where: { status: "INGESTED" }, include: { article: { select: { title: true } } } });
    for (const item of items) expect(item.topCheckworthiness).toBeGreaterThan(0.3);
    const flagged = items.filter((i) => (i.recurringClaims ?? 0) > 0).map((i) => i.article!.title);
    expect(flagged).toEqual([expect.stringContaining("Wire story 4:")]);
  });

  it("a feed that fails is backed off and says why", async () => {
    const broken = await until("the broken feed to fail twice", async () => {
      const feed = await db.prisma.feed.findFirstOrThrow({ where: { url: { contains: "broken" } } });
      return feed.consecutiveErrors >= 2 && feed;
    });
    expect(broken.lastErrorCode).toBe("NOT_A_FEED");
    expect(broken.lastError).toBe("This address does not serve an RSS, Atom or JSON feed");
    // 1 s interval doubled per error: the next poll is at least 4 s after the last.
    expect(broken.nextPollAt.getTime() - broken.lastPolledAt!.getTime()).toBeGreaterThanOrEqual(3_900);
    expect(await db.prisma.feedItem.count({ where: { feedId: broken.id } })).toBe(0);
  });
});
