-- Recurring-claim alerts match an article's sentences against claims' exact
-- quotes as well as their wording; without this index every alert was a
-- sequential scan of all claims per sentence.
CREATE INDEX "Claim_quote_trgm_idx" ON "Claim" USING gin ("quote" gin_trgm_ops);
