-- Published means frozen: a fact-check stores what the public reads at
-- publication, and only corrections change it.
ALTER TABLE "FactCheck" ADD COLUMN "snapshot" JSONB,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- Instants as ISO-8601 UTC, the way the API prints them.
CREATE FUNCTION published_utc(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- A verdict as published: its label and value, and its scale's bounds.
CREATE FUNCTION published_rating(rating_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', r.id, 'label', r.label, 'value', r.value, 'color', r.color,
    'best', (SELECT max(o.value) FROM "Rating" o WHERE o."scaleId" = r."scaleId"),
    'worst', (SELECT min(o.value) FROM "Rating" o WHERE o."scaleId" = r."scaleId"))
  FROM "Rating" r WHERE r.id = rating_id
$$;

-- What the public sees of a claim now: one statement (a STABLE function reads
-- with its caller's snapshot), so it is always a state the desk really had.
CREATE FUNCTION published_snapshot(claim_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'claimVersion', c.version,
    'quote', c.quote,
    'claimReviewed', c."claimReviewed",
    'explanation', c.explanation,
    'claimDate', published_utc(c."claimDate"),
    'tags', to_jsonb(c.tags),
    'rating', published_rating(c."ratingId"),
    'speaker', (SELECT jsonb_build_object('name', p.name, 'title', p.title, 'affiliation', p.affiliation, 'sameAs', to_jsonb(p."sameAs"))
                FROM "Person" p WHERE p.id = c."speakerId"),
    'appearances', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'quote', a.quote, 'spanStart', a."spanStart", 'spanEnd', a."spanEnd",
        'article', jsonb_build_object('title', ar.title, 'canonicalUrl', ar."canonicalUrl", 'publishedAt', published_utc(ar."publishedAt"), 'outlet', o.name)
      ) ORDER BY a."createdAt", a.id)
      FROM "ClaimAppearance" a JOIN "Article" ar ON ar.id = a."articleId" LEFT JOIN "Outlet" o ON o.id = ar."outletId"
      WHERE a."claimId" = c.id), '[]'::jsonb),
    'evidence', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'stance', cs.stance::text, 'passage', cs.passage, 'location', cs.location,
        'source', jsonb_build_object('url', s.url, 'title', s.title, 'publisher', s.publisher, 'archivedUrl', s."archivedUrl", 'type', s.type::text)
      ) ORDER BY cs."createdAt", cs.id)
      FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId"
      WHERE cs."claimId" = c.id), '[]'::jsonb))
  FROM "Claim" c WHERE c.id = claim_id
$$;

-- Fact-checks published before this migration: their verdict and explanation
-- as published, the rest as the desk has it now.
UPDATE "FactCheck" SET "snapshot" = published_snapshot("claimId")
  || jsonb_build_object('rating', published_rating("ratingId"), 'explanation', "explanation")
WHERE "snapshot" IS NULL;
