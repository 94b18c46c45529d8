-- AlterTable
ALTER TABLE "Correction" ADD COLUMN     "previousSnapshot" JSONB,
ADD COLUMN     "retractedAt" TIMESTAMPTZ(3),
ADD COLUMN     "retractedById" TEXT,
ADD COLUMN     "retractionReason" TEXT;

-- CreateIndex
CREATE INDEX "Claim_createdAt_status_idx" ON "Claim"("createdAt", "status");

-- CreateIndex
CREATE INDEX "FactCheck_status_ratingId_idx" ON "FactCheck"("status", "ratingId");

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_retractedById_fkey" FOREIGN KEY ("retractedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A retraction is dated and gives its reason, or it is not a retraction.
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_retraction_complete"
  CHECK (("retractedAt" IS NULL) = ("retractionReason" IS NULL));
