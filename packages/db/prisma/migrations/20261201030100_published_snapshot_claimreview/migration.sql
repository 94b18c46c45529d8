-- ClaimReview reads only the published record, so the snapshot carries what
-- it emits: the rating's definition (ratingExplanation), the speaker's kind
-- (Person or Organization) and each appearance's outlet URL.
CREATE OR REPLACE FUNCTION published_rating(rating_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', r.id, 'label', r.label, 'value', r.value, 'color', r.color, 'definition', r.description,
    'best', (SELECT max(o.value) FROM "Rating" o WHERE o."scaleId" = r."scaleId"),
    'worst', (SELECT min(o.value) FROM "Rating" o WHERE o."scaleId" = r."scaleId"))
  FROM "Rating" r WHERE r.id = rating_id
$$;

CREATE OR REPLACE FUNCTION published_snapshot(claim_id text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'claimVersion', c.version,
    'quote', c.quote,
    'claimReviewed', c."claimReviewed",
    'explanation', c.explanation,
    'claimDate', published_utc(c."claimDate"),
    'tags', to_jsonb(c.tags),
    'rating', published_rating(c."ratingId"),
    'speaker', (SELECT jsonb_build_object('name', p.name, 'kind', p.kind::text, 'title', p.title, 'affiliation', p.affiliation, 'sameAs', to_jsonb(p."sameAs"))
                FROM "Person" p WHERE p.id = c."speakerId"),
    'appearances', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'quote', a.quote, 'spanStart', a."spanStart", 'spanEnd', a."spanEnd",
        'article', jsonb_build_object('title', ar.title, 'canonicalUrl', ar."canonicalUrl", 'publishedAt', published_utc(ar."publishedAt"), 'outlet', o.name, 'outletUrl', o.url)
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

-- Snapshots already stored get their verdict's definition; the speaker kind
-- defaults to PERSON when absent (every person was one before kind existed).
UPDATE "FactCheck" fc SET "snapshot" = jsonb_set(fc."snapshot", '{rating,definition}', to_jsonb(r.description))
FROM "Rating" r
WHERE fc."snapshot" IS NOT NULL AND jsonb_typeof(fc."snapshot"->'rating') = 'object' AND r.id = fc."snapshot"->'rating'->>'id';
