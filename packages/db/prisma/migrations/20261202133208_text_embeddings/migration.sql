-- CreateTable
CREATE TABLE "TextEmbedding" (
    "model" VARCHAR(100) NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "vector" REAL[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TextEmbedding_pkey" PRIMARY KEY ("model","hash")
);

