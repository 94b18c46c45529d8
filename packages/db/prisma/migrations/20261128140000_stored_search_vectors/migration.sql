-- Search ranks every match with ts_rank_cd, which needs each match's tsvector.
-- With expression indexes only, PostgreSQL re-parsed every matching article
-- to rank it: 485 of 489 ms for a two-word search over 10,000 articles
-- (1,489 matches). Stored vectors make it 6 ms. The columns are generated, so
-- no write path can let them drift, and they are not in schema.prisma: the
-- client never reads or writes them (listed in manual-objects.json).
ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "title" || ' ' || "body")) STORED;
ALTER TABLE "Claim" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "quote" || ' ' || "claimReviewed")) STORED;
ALTER TABLE "Source" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "title" || ' ' || coalesce("publisher", '') || ' ' || coalesce("notes", ''))) STORED;

DROP INDEX "Article_fts_idx";
DROP INDEX "Claim_fts_idx";
DROP INDEX "Source_fts_idx";
CREATE INDEX "Article_fts_idx" ON "Article" USING gin ("searchVector");
CREATE INDEX "Claim_fts_idx" ON "Claim" USING gin ("searchVector");
CREATE INDEX "Source_fts_idx" ON "Source" USING gin ("searchVector");
