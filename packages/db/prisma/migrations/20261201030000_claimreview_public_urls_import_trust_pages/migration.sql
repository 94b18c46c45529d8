-- CreateEnum
CREATE TYPE "PersonKind" AS ENUM ('PERSON', 'ORGANIZATION');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "kind" "PersonKind" NOT NULL DEFAULT 'PERSON';

-- AlterTable
ALTER TABLE "FactCheck" ADD COLUMN     "slug" TEXT;

-- AlterTable
ALTER TABLE "ExternalFactCheck" ADD COLUMN     "reviewAuthor" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "RatingLabelMapping" (
    "id" TEXT NOT NULL,
    "publisherName" TEXT NOT NULL,
    "ratingLabel" TEXT NOT NULL,
    "ratingId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RatingLabelMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustPage" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustPage_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingLabelMapping_publisherName_ratingLabel_key" ON "RatingLabelMapping"("publisherName", "ratingLabel");

-- CreateIndex
CREATE UNIQUE INDEX "FactCheck_slug_key" ON "FactCheck"("slug");

-- CreateIndex
CREATE INDEX "ExternalFactCheck_publisherName_ratingLabel_idx" ON "ExternalFactCheck"("publisherName", "ratingLabel");

-- AddForeignKey
ALTER TABLE "RatingLabelMapping" ADD CONSTRAINT "RatingLabelMapping_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingLabelMapping" ADD CONSTRAINT "RatingLabelMapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: every fact-check gets its public slug (the claim's words, then a short id).
UPDATE "FactCheck" AS fc SET "slug" = (
  SELECT CASE WHEN words = '' THEN 'fact-check' ELSE words END || '-' || lower(right(regexp_replace(fc."id", '[^a-zA-Z0-9]', '', 'g'), 8))
  FROM (SELECT trim(both '-' from left(trim(both '-' from regexp_replace(lower(c."claimReviewed"), '[^a-z0-9]+', '-', 'g')), 60)) AS words
        FROM "Claim" c WHERE c."id" = fc."claimId") AS w
);
