/**
 * Races on PostgreSQL (real concurrent transactions): whatever the timing,
 * the published snapshot equals a state the claim really had, and the loser
 * of a race is told (ConflictError), never silently overwritten.
 */
import { ConflictError, type PublishedSnapshot, claims, currentSnapshot, evidence, factChecks, sources } from "@claimdesk/desk";
import { seed } from "@claimdesk/db";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { deskAs } from "./support.ts";

const rounds = 100;
const kinds = databaseKinds().filter((kind) => kind === "postgres");

describe.runIf(kinds.length)("desk races on postgres", () => {
  let db: TestDatabase;
  const editor = () => deskAs(db, "editor");
  const checker = () => deskAs(db, "checker");
  const figures: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    await seed(db.prisma);
  });
  afterAll(async () => {
    console.log(`race figures (${rounds} rounds each): ${JSON.stringify(figures)}`);
    await db?.destroy();
  });

  const claim = async (id: string) => db.prisma.claim.findUniqueOrThrow({ where: { id } });
  const factCheck = async (claimId: string) => db.prisma.factCheck.findUniqueOrThrow({ where: { claimId } });
  const snapshotOf = async (claimId: string) => (await factCheck(claimId)).snapshot as unknown as PublishedSnapshot;
  const ratingIds = async () =>
    (await db.prisma.rating.findMany({ where: { scale: { isDefault: true } }, orderBy: { position: "asc" } })).map((r) => r.id);
  const count = (name: string, key: string) => {
    figures[name] ??= {};
    figures[name][key] = (figures[name][key] ?? 0) + 1;
  };
  /** The loser must be told with ConflictError; anything else fails the test. */
  const conflictOf = (result: PromiseSettledResult<unknown>) => {
    if (result.status === "fulfilled") return null;
    if (result.reason instanceof ConflictError) return result.reason;
    throw result.reason;
  };

  async function claimInReview(tag: string): Promise<{ id: string; sourceId: string }> {
    const id = await claims.createClaim(editor(), { quote: `Race claim (${tag})`, tags: [tag] }, async (_tx, id) => id);
    await claims.assignClaim(editor(), id, "seed-user-checker");
    await claims.moveClaim(editor(), id, "SELECTED");
    await claims.moveClaim(checker(), id, "RESEARCHING");
    const evidenceId = await evidence.attachSource(checker(), {
      claimId: id,
      source: { title: `Source ${tag}`, url: `https://race.example/${tag}` },
      stance: "SUPPORTS",
    });
    const [rating] = await ratingIds();
    await claims.updateClaim(checker(), {
      id,
      version: (await claim(id)).version,
      ratingId: rating!,
      explanation: `First explanation (${tag})`,
    });
    await claims.moveClaim(checker(), id, "IN_REVIEW");
    const { sourceId } = await db.prisma.claimSource.findUniqueOrThrow({ where: { id: evidenceId } });
    return { id, sourceId };
  }

  it(`publish vs save of the same version, ${rounds} times`, async () => {
    const { id } = await claimInReview("publish-vs-save");
    const ratings = await ratingIds();
    for (let round = 0; round < rounds; round++) {
      const before = await claim(id);
      const state = (await currentSnapshot(db.prisma, id))!;
      const previous = await db.prisma.factCheck.findUnique({ where: { claimId: id } });
      const [save, publish] = await Promise.allSettled([
        claims.updateClaim(checker(), {
          id,
          version: before.version,
          ratingId: ratings[round % ratings.length]!,
          explanation: `Saved in round ${round}`,
        }),
        factChecks.publishFactCheck(editor(), { claimId: id, version: before.version, headline: `Round ${round}` }),
      ]);
      const saveLost = conflictOf(save);
      const publishLost = conflictOf(publish);
      expect([saveLost, publishLost].filter(Boolean), `round ${round}: exactly one loses`).toHaveLength(1);
      expect((saveLost ?? publishLost)!.current.version, "the loser is told the version that won").toBe(before.version + 1);
      const after = await claim(id);
      if (publishLost) {
        count("publish vs save", "save won");
        expect(after).toMatchObject({ status: "IN_REVIEW", explanation: `Saved in round ${round}`, version: before.version + 1 });
        // Nothing was published: the fact-check (if any) is as it was.
        expect(await db.prisma.factCheck.findUnique({ where: { claimId: id } })).toEqual(previous);
      } else {
        count("publish vs save", "publish won");
        // The snapshot is exactly the reviewed version; the save did not slip in on either side.
        // (It names the version publishing saved: the reviewed one, moved to PUBLISHED.)
        expect(await snapshotOf(id)).toEqual({ ...state, claimVersion: before.version + 1 });
        expect(after).toMatchObject({
          status: "PUBLISHED",
          explanation: before.explanation,
          ratingId: before.ratingId,
          version: before.version + 1,
        });
        await factChecks.unpublishFactCheck(editor(), (await factCheck(id)).id, "next round");
      }
    }
  }, 300_000);

  it(`correction (republishing the desk) vs save of a published claim, ${rounds} times`, async () => {
    const { id } = await claimInReview("correction-vs-save");
    await factChecks.publishFactCheck(editor(), { claimId: id, version: (await claim(id)).version, headline: "Published" });
    const fc = await factCheck(id);
    for (let round = 0; round < rounds; round++) {
      const before = await claim(id);
      const [save, correct] = await Promise.allSettled([
        claims.updateClaim(checker(), { id, version: before.version, tags: [`round-${round}`] }),
        factChecks.addCorrection(editor(), {
          factCheckId: fc.id,
          whatChanged: `Explanation ${round}`,
          reason: "Race",
          explanation: `Corrected in round ${round}`,
          republish: true,
        }),
      ]);
      expect(correct.status, `round ${round}: a correction without a version waits its turn`).toBe("fulfilled");
      const saveLost = conflictOf(save);
      count("correction vs save", saveLost ? "save told to reload" : "both applied");
      const after = await claim(id);
      // The correction is never overwritten by the save, and the save is never silently dropped.
      expect(after.explanation).toBe(`Corrected in round ${round}`);
      expect(after.tags).toEqual(saveLost ? before.tags : [`round-${round}`]);
      // The publication equals the desk's state the correction saw: the state the claim has now.
      const state = (await currentSnapshot(db.prisma, id))!;
      expect(await snapshotOf(id)).toEqual(state);
      expect(state.claimVersion).toBe(saveLost ? before.version + 1 : before.version + 2);
    }
    expect(await db.prisma.correction.count({ where: { factCheckId: fc.id } })).toBe(rounds);
  }, 300_000);

  it(`two corrections of the same fact-check version, ${rounds} times`, async () => {
    const { id } = await claimInReview("two-corrections");
    await factChecks.publishFactCheck(editor(), { claimId: id, version: (await claim(id)).version, headline: "Published" });
    const fcId = (await factCheck(id)).id;
    for (let round = 0; round < rounds; round++) {
      const { version } = await factCheck(id);
      const corrections = await db.prisma.correction.count({ where: { factCheckId: fcId } });
      const results = await Promise.allSettled(
        ["a", "b"].map((who) =>
          factChecks.addCorrection(editor(), {
            factCheckId: fcId,
            version,
            whatChanged: `${who} ${round}`,
            reason: "Race",
            explanation: `Correction ${who} ${round}`,
          }),
        ),
      );
      const lost = results.map(conflictOf);
      expect(lost.filter(Boolean), `round ${round}: exactly one loses`).toHaveLength(1);
      const winner = lost[0] ? "b" : "a";
      count("two corrections", `${winner} won`);
      expect(lost.find(Boolean)).toMatchObject({ entity: "FactCheck", current: { version: version + 1 } });
      expect((await snapshotOf(id)).explanation).toBe(`Correction ${winner} ${round}`);
      expect((await claim(id)).explanation).toBe(`Correction ${winner} ${round}`);
      expect(await db.prisma.correction.count({ where: { factCheckId: fcId } })).toBe(corrections + 1);
    }
  }, 300_000);

  it(`source update vs publish, ${rounds} times: the publication cites the source as it was or as it became, never a mix`, async () => {
    const { id, sourceId } = await claimInReview("source-vs-publish");
    for (let round = 0; round < rounds; round++) {
      const source = await db.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
      const version = (await claim(id)).version;
      const [update, publish] = await Promise.allSettled([
        sources.updateSource(checker(), {
          id: sourceId,
          version: source.version,
          title: `Title ${round}`,
          url: `https://race.example/source/${round}`,
        }),
        factChecks.publishFactCheck(editor(), { claimId: id, version, headline: `Round ${round}` }),
      ]);
      // Neither writes the other's record: both succeed, the library edit changes the desk only.
      expect([update.status, publish.status]).toEqual(["fulfilled", "fulfilled"]);
      const cited = (await snapshotOf(id)).evidence[0]!.source;
      const old = { title: source.title, url: source.url };
      const now = { title: `Title ${round}`, url: `https://race.example/source/${round}` };
      const seen = { title: cited.title, url: cited.url };
      expect([old, now]).toContainEqual(seen);
      count("source update vs publish", seen.title === now.title ? "published the new source" : "published the old source");
      const after = await currentSnapshot(db.prisma, id);
      expect(after!.evidence[0]!.source).toMatchObject(now);
      await factChecks.unpublishFactCheck(editor(), (await factCheck(id)).id, "next round");
    }
  }, 300_000);
});
