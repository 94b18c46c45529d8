-- CreateTable
CREATE TABLE "ExternalFactCheck" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "publisherName" TEXT NOT NULL,
    "ratingLabel" TEXT NOT NULL,
    "ratingValue" DOUBLE PRECISION,
    "bestRating" DOUBLE PRECISION,
    "worstRating" DOUBLE PRECISION,
    "ratingId" TEXT,
    "claimAuthor" TEXT,
    "datePublished" TIMESTAMPTZ(3),
    "raw" JSONB NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalFactCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExternalFactCheck_url_key" ON "ExternalFactCheck"("url");

-- CreateIndex
CREATE INDEX "ExternalFactCheck_datePublished_idx" ON "ExternalFactCheck"("datePublished");

-- AddForeignKey
ALTER TABLE "ExternalFactCheck" ADD CONSTRAINT "ExternalFactCheck_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalFactCheck" ADD CONSTRAINT "ExternalFactCheck_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (see prisma/manual-objects.json): trigram matching of imported claims.
CREATE INDEX "ExternalFactCheck_claimReviewed_trgm_idx" ON "ExternalFactCheck" USING gin ("claimReviewed" gin_trgm_ops);
