-- Ranked claim matching (hand-written, see manual-objects.json): full-text
-- vectors stored beside the English ones in the language-neutral 'simple'
-- configuration (no stemming, no stop words: usable for any language), and
-- both for imported fact-checks, whose ClaimReview headline counts too.
ALTER TABLE "Claim" ADD COLUMN "simpleVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "quote" || ' ' || "claimReviewed")) STORED;
ALTER TABLE "ExternalFactCheck" ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "claimReviewed" || ' ' || coalesce("raw"->>'headline', "raw"->>'name', ''))) STORED;
ALTER TABLE "ExternalFactCheck" ADD COLUMN "simpleVector" tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "claimReviewed" || ' ' || coalesce("raw"->>'headline', "raw"->>'name', ''))) STORED;

CREATE INDEX "Claim_simple_fts_idx" ON "Claim" USING gin ("simpleVector");
CREATE INDEX "ExternalFactCheck_fts_idx" ON "ExternalFactCheck" USING gin ("searchVector");
CREATE INDEX "ExternalFactCheck_simple_fts_idx" ON "ExternalFactCheck" USING gin ("simpleVector");
