import { createHash } from "node:crypto";
import type { Database, PrismaClient } from "@claimdesk/db";
import { decodeText } from "./decode.ts";
import { IntakeError } from "./errors.ts";
import { canonicalise } from "./extract.ts";
import { parseFeedText } from "./feeds.ts";
import { type FetchOptions, safeFetch } from "./fetch.ts";
import { fetchArticle } from "./page.ts";
import { createBoss, ensureQueue } from "./queue.ts";
import { isUniqueViolation, storeArticle } from "./store.ts";

/** What the desk's claim intelligence says about a new article (injected: intake does not know how it is computed). */
export interface ArticleAnalysis {
  topCheckworthiness: number | null;
  recurringClaims: number;
}
export type AnalyseArticle = (prisma: PrismaClient, body: string) => Promise<ArticleAnalysis>;

export interface IntakeSettings {
  fetch: FetchOptions;
  /** How often each worker looks for feeds that are due (ms). */
  scheduleEveryMs: number;
  /** How often a worker asks the queue for a job (s, at least 0.5). */
  pollingIntervalSeconds: number;
  /** A job still active after this long is taken to have lost its worker and is retried (s). */
  jobTimeoutSeconds: number;
  maintenanceIntervalSeconds: number;
  /** Article ingests one process runs at a time. */
  concurrency: number;
  /** Ingest attempts of one item before it is marked failed. */
  maxAttempts: number;
  /** Longest wait between polls of a failing feed (s). */
  maxBackoffSeconds: number;
}

export function intakeSettings(env: NodeJS.ProcessEnv = process.env): IntakeSettings {
  const num = (name: string, fallback: number) => {
    const value = env[name] === undefined || env[name] === "" ? fallback : Number(env[name]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${env[name]}")`);
    return value;
  };
  return {
    fetch: {
      allowPrivateAddresses: env.CLAIMDESK_INTAKE_ALLOW_PRIVATE === "true",
      totalTimeoutMs: num("CLAIMDESK_INTAKE_TIMEOUT_MS", 10_000),
      connectTimeoutMs: num("CLAIMDESK_INTAKE_CONNECT_TIMEOUT_MS", 5_000),
      maxBytes: num("CLAIMDESK_INTAKE_MAX_BYTES", 5 * 1024 * 1024),
    },
    scheduleEveryMs: num("CLAIMDESK_INTAKE_SCHEDULE_MS", 5_000),
    pollingIntervalSeconds: Math.max(0.5, num("CLAIMDESK_INTAKE_POLLING_SECONDS", 2)),
    jobTimeoutSeconds: Math.max(1, num("CLAIMDESK_INTAKE_JOB_TIMEOUT_SECONDS", 120)),
    maintenanceIntervalSeconds: Math.max(1, num("CLAIMDESK_INTAKE_MAINTENANCE_SECONDS", 60)),
    concurrency: Math.max(1, num("CLAIMDESK_INTAKE_CONCURRENCY", 2)),
    maxAttempts: Math.max(1, num("CLAIMDESK_INTAKE_MAX_ATTEMPTS", 3)),
    maxBackoffSeconds: num("CLAIMDESK_INTAKE_MAX_BACKOFF_SECONDS", 6 * 3600),
  };
}

export const queues = { poll: "feed-poll", ingest: "article-ingest" } as const;

export interface IntakeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface IntakeWorker {
  /** Runs the scheduler once now (tests, and after adding a feed). */
  scheduleNow(): Promise<number>;
  stop(): Promise<void>;
}

const feedAccept =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

/**
 * The intake worker: a scheduler that turns due feeds into poll jobs, and the
 * handlers of the two queues. Every handler can run twice for one job (a
 * worker killed after its write, before the queue heard back) and writes once.
 */
export async function startIntakeWorker(
  db: Database,
  options: { analyse: AnalyseArticle; settings?: IntakeSettings; logger?: IntakeLogger },
): Promise<IntakeWorker> {
  const settings = options.settings ?? intakeSettings();
  const log = options.logger ?? { info() {}, warn() {}, error() {} };
  const prisma = db.prisma;
  const boss = createBoss(db, { maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds });
  boss.on("error", (error) => log.error({ err: error }, "intake queue error"));
  await boss.start();
  await ensureQueue(boss, queues.poll, { retryLimit: 1, retryDelay: 5, expireInSeconds: settings.jobTimeoutSeconds });
  await ensureQueue(boss, queues.ingest, {
    retryLimit: settings.maxAttempts + 1,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: settings.jobTimeoutSeconds,
  });

  const work = { pollingIntervalSeconds: settings.pollingIntervalSeconds, batchSize: 1 };
  await boss.work<{ feedId: string }>(queues.poll, work, async ([job]) => {
    if (job) await pollFeed(job.data.feedId);
  });
  for (let i = 0; i < settings.concurrency; i++) {
    await boss.work<{ itemId: string }>(queues.ingest, work, async ([job]) => {
      if (job) await ingestItem(job.data.itemId);
    });
  }

  /** Claims feeds that are due (one worker wins each) and queues their polls. */
  async function scheduleNow(): Promise<number> {
    // The claim pushes nextPollAt past a lease: if this process dies before the
    // job is queued, the feed comes due again after it.
    const lease = settings.jobTimeoutSeconds * 2;
    const due = await db.sql.query<{ id: string }>(
      `UPDATE "Feed" SET "nextPollAt" = now() + make_interval(secs => $1), "updatedAt" = now()
       WHERE id IN (SELECT id FROM "Feed" WHERE active AND "nextPollAt" <= now() ORDER BY "nextPollAt" LIMIT 50 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [lease],
    );
    for (const { id } of due) await boss.send(queues.poll, { feedId: id });
    return due.length;
  }

  async function pollFeed(feedId: string): Promise<void> {
    const feed = await prisma.feed.findUnique({ where: { id: feedId } });
    if (!feed || !feed.active) return;
    const started = new Date();
    try {
      const headers: Record<string, string> = {};
      if (feed.etag) headers["if-none-match"] = feed.etag;
      if (feed.lastModified) headers["if-modified-since"] = feed.lastModified;
      const response = await safeFetch(feed.url, { ...settings.fetch, headers, accept: feedAccept });
      let taken = 0;
      if (response.status !== 304) {
        const parsed = parseFeedText(decodeText(response.body, response.charset), response.url);
        await prisma.$transaction(async (tx) => {
          const inserted = await tx.feedItem.createMany({
            data: parsed.entries.map((e) => ({
              feedId,
              guid: e.guid.slice(0, 2000),
              url: e.url,
              title: e.title?.slice(0, 500) ?? null,
              publishedAt: e.publishedAt,
            })),
            skipDuplicates: true,
          });
          taken = inserted.count;
          await tx.feed.update({
            where: { id: feedId },
            data: {
              title: feed.title ?? parsed.title,
              etag: header(response.headers.etag),
              lastModified: header(response.headers["last-modified"]),
              itemsTaken: { increment: taken },
            },
          });
        });
      }
      await prisma.feed.update({
        where: { id: feedId },
        data: {
          lastPolledAt: started,
          lastSuccessAt: new Date(),
          lastError: null,
          lastErrorCode: null,
          consecutiveErrors: 0,
          nextPollAt: new Date(Date.now() + feed.intervalSeconds * 1000),
        },
      });
      // Queue every item not yet ingested, also ones a crash left without a job:
      // a job's id is derived from its item, so an item already queued is not queued twice.
      const pending = await prisma.feedItem.findMany({
        where: { feedId, status: "PENDING" },
        select: { id: true },
        orderBy: { discoveredAt: "asc" },
      });
      for (const item of pending) await boss.send(queues.ingest, { itemId: item.id }, { id: jobId(item.id) });
      log.info({ feedId, status: response.status, taken, queued: pending.length }, "feed polled");
    } catch (error) {
      const known = error instanceof IntakeError ? error : new IntakeError("NETWORK", "The feed could not be read");
      const errors = feed.consecutiveErrors + 1;
      const wait = Math.min(feed.intervalSeconds * 2 ** Math.min(errors, 10), Math.max(settings.maxBackoffSeconds, feed.intervalSeconds));
      await prisma.feed.update({
        where: { id: feedId },
        data: {
          lastPolledAt: started,
          lastError: known.message,
          lastErrorCode: known.code,
          consecutiveErrors: errors,
          nextPollAt: new Date(Date.now() + wait * 1000),
        },
      });
      log.warn({ feedId, code: known.code, err: error instanceof IntakeError ? undefined : error }, "feed poll failed");
    }
  }

  async function ingestItem(itemId: string): Promise<void> {
    const item = await prisma.feedItem.findUnique({ where: { id: itemId }, include: { feed: { select: { outletId: true } } } });
    if (!item || item.status !== "PENDING") return; // done before: a redelivered job writes nothing
    const attempt = await prisma.feedItem.update({
      where: { id: itemId },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    });
    const itemUrl = canonicalise(item.url);
    // An article already known by the item's own address needs no fetch.
    const known = await prisma.article.findUnique({ where: { canonicalUrl: itemUrl }, select: { id: true } });
    if (known) return linkDuplicate(itemId, known.id);
    let extracted: Awaited<ReturnType<typeof fetchArticle>>;
    try {
      extracted = await fetchArticle(item.url, settings.fetch);
    } catch (error) {
      const known = error instanceof IntakeError ? error : null;
      const retriable =
        !known ||
        ["TIMEOUT", "CONNECT_TIMEOUT", "NETWORK", "DNS_FAILED"].includes(known.code) ||
        (known.code === "HTTP_STATUS" && (known.status ?? 0) >= 500);
      const final = !retriable || attempt.attempts >= settings.maxAttempts;
      await prisma.feedItem.update({
        where: { id: itemId },
        data: {
          error: known?.message ?? "The article could not be read",
          errorCode: known?.code ?? "NETWORK",
          status: final ? "FAILED" : "PENDING",
        },
      });
      if (final) return;
      throw error; // the queue retries it, with backoff
    }
    const analysis = await options.analyse(prisma, extracted.body);
    const data = {
      title: extracted.title.slice(0, 500),
      canonicalUrl: extracted.canonicalUrl ?? itemUrl,
      byline: extracted.byline?.slice(0, 300) ?? null,
      publishedAt: extracted.publishedAt ?? item.publishedAt,
      language: extracted.language,
      body: extracted.body.slice(0, 500_000),
    };
    try {
      const outcome = await prisma.$transaction(async (tx) => {
        const current = await tx.feedItem.findUnique({ where: { id: itemId }, select: { status: true } });
        if (current?.status !== "PENDING") return null;
        const article = await storeArticle(tx, data, { id: item.feed.outletId });
        await tx.feedItem.update({
          where: { id: itemId },
          data: {
            status: article.created ? "INGESTED" : "DUPLICATE",
            articleId: article.id,
            ingestedAt: new Date(),
            error: null,
            errorCode: null,
            ...(article.created ? analysis : {}),
          },
        });
        if (article.created) {
          await tx.auditEvent.create({
            data: {
              action: "article.intake",
              entityType: "Article",
              entityId: article.id,
              after: { feedItemId: itemId, url: item.url, title: data.title, ...analysis },
            },
          });
        }
        return article;
      });
      if (outcome) log.info({ itemId, articleId: outcome.id, created: outcome.created, pid: process.pid }, "feed item ingested");
    } catch (error) {
      // Another item (say the same story in the outlet's RSS and Atom feeds) saved this URL first.
      if (!isUniqueViolation(error)) throw error;
      const winner = await prisma.article.findUnique({ where: { canonicalUrl: data.canonicalUrl }, select: { id: true } });
      if (!winner) throw error;
      await linkDuplicate(itemId, winner.id);
    }
  }

  async function linkDuplicate(itemId: string, articleId: string): Promise<void> {
    await prisma.feedItem.updateMany({
      where: { id: itemId, status: "PENDING" },
      data: { status: "DUPLICATE", articleId, ingestedAt: new Date(), error: null, errorCode: null },
    });
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const loop = async () => {
    if (stopped) return;
    await scheduleNow().catch((error: unknown) => log.error({ err: error }, "feed scheduling failed"));
    if (!stopped) timer = setTimeout(() => void loop(), settings.scheduleEveryMs);
  };
  timer = setTimeout(() => void loop(), 0);

  return {
    scheduleNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      // Finish the jobs in hand, then leave the database connection to its owner.
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 15_000 });
    },
  };
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value)?.slice(0, 500) ?? null;
}

/** A UUID derived from the item, so sending an item's job twice queues it once. */
function jobId(itemId: string): string {
  const hex = createHash("sha256").update(`ingest:${itemId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
