import { describe, expect, it } from "vitest";
import { factorise, trainAdapterMatrix, type AdapterExample } from "../../packages/schema/src/cli/query-adapter-training.ts";
import { universalSentenceEncoder } from "../../packages/schema/src/intelligence/embeddings.ts";
import { adaptQuery, queryAdapter } from "../../packages/schema/src/intelligence/query-adapter.ts";

// Deterministic pseudo-random numbers (mulberry32), so the test is the same every run.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
}
const unit = (v: number[]) => {
  const n = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / n);
};
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/**
 * A world where the fact-check answering a text is not the one closest to it:
 * the answer is the query's coordinates shifted by one (not a symmetric map,
 * so an adapter applied transposed fails), a distractor the query slightly
 * blurred. The cosine prefers the distractor every time.
 */
function world(count: number, seed: number, dim = 8): AdapterExample[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const q = Array.from({ length: dim }, next);
    const answer = [...q.slice(1), q[0]!];
    const distractor = q.map((x) => x + 0.3 * next());
    return {
      query: unit(q),
      candidates: [
        { lexical: 0, claim: unit(answer), other: null, relevant: true },
        { lexical: 0, claim: unit(distractor), other: null, relevant: false },
      ],
    };
  });
}
const answeredFirst = (examples: AdapterExample[], turn: (q: Float32Array) => Float32Array) =>
  examples.filter(({ query, candidates: [answer, distractor] }) => {
    const q = turn(query);
    return dot(q, answer!.claim!) > dot(q, distractor!.claim!);
  }).length / examples.length;

describe("query adapter", () => {
  it("learns to rank the answering fact-check first where the cosine ranks a look-alike first, on texts it was not trained on", () => {
    const heldOut = world(100, 2);
    expect(answeredFirst(heldOut, (q) => q)).toBeLessThan(0.1);
    const w = trainAdapterMatrix(world(300, 1), 1);
    const { u, v } = factorise(w, 8, 8);
    const adapter = { model: "test-encoder", u, v };
    expect(answeredFirst(heldOut, (q) => adaptQuery(q, "test-encoder", adapter))).toBeGreaterThan(0.9);
    // The factors give W q exactly (at full rank).
    const q = heldOut[0]!.query;
    const wq = Array.from({ length: 8 }, (_, i) => q.reduce((s, x, j) => s + w[i * 8 + j]! * x, 0));
    Array.from(adaptQuery(q, "test-encoder", adapter)).forEach((x, i) => expect(x).toBeCloseTo(wq[i]!, 4));
    // Learned on another encoder's vectors, it leaves these alone.
    expect(adaptQuery(q, "another-encoder", adapter)).toBe(q);
  });

  it("ships an adapter learned on the encoder matching uses", () => {
    expect(queryAdapter.model).toBe(universalSentenceEncoder.name);
    expect(queryAdapter.u).toHaveLength(512);
    expect(queryAdapter.v).toHaveLength(512);
    expect(queryAdapter.u[0]!.length).toBeGreaterThan(0);
    expect(queryAdapter.v[0]!.length).toBe(queryAdapter.u[0]!.length);
    expect([...queryAdapter.u, ...queryAdapter.v].flat().every(Number.isFinite)).toBe(true);
  });
});
