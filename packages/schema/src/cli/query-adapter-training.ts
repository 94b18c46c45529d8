/**
 * Learns the query adapter (intelligence/query-adapter.ts) from tweets and
 * the fact-checks that answer them. Each tweet's candidates are the ones the
 * matcher re-ranks by meaning; the loss is pairwise logistic on the matcher's
 * own rank score (words plus the adapted relevance, unclamped: it stays well
 * below 1), every answering fact-check against every candidate that does not
 * answer, with W kept near the identity.
 * Full-batch gradient descent from W = I: the same examples give the same W.
 * W − I is then cut to its leading singular directions (ml-matrix's SVD).
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";

export interface AdapterExample {
  query: Float32Array;
  candidates: {
    /** The words' part of the rank score (fusion-weighted, unnormalised). */
    lexical: number;
    /** Unit vectors of the claim and of the quote or headline; null when there is no text. */
    claim: Float32Array | null;
    other: Float32Array | null;
    relevant: boolean;
  }[];
}

export const adapterTraining = { epochs: 60, learningRate: 2, l2: 0.001, temperature: 10, rank: 32 } as const;

/** W (row-major, dim × dim) after gradient descent. */
export function trainAdapterMatrix(examples: AdapterExample[], semanticWeight: number, log = (_: string) => {}): Float64Array {
  const { epochs, learningRate, l2, temperature } = adapterTraining;
  const dim = examples[0]?.query.length ?? 0;
  const w = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) w[i * dim + i] = 1;
  const usable = examples.filter((e) => e.candidates.some((c) => c.relevant) && e.candidates.some((c) => !c.relevant));
  if (usable.length === 0) throw new Error("No tweet has both an answering and a non-answering candidate: nothing to learn from");
  const wq = new Float64Array(dim);
  const a = new Float64Array(dim);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = new Float64Array(dim * dim);
    let pairs = 0;
    let loss = 0;
    for (const { query, candidates } of usable) {
      for (let i = 0; i < dim; i++) {
        let sum = 0;
        for (let j = 0; j < dim; j++) sum += w[i * dim + j]! * query[j]!;
        wq[i] = sum;
      }
      // Each candidate's better text under the current W, and its rank score.
      const chosen = candidates.map((c) => {
        const [sc, sh] = [c.claim, c.other].map((v) => (v ? v.reduce((s, x, i) => s + x * wq[i]!, 0) : 0));
        return { c, vector: (sc! >= sh! ? c.claim : c.other) ?? null, score: c.lexical + semanticWeight * Math.max(sc!, sh!) };
      });
      const negatives = chosen.filter((x) => !x.c.relevant);
      for (const p of chosen.filter((x) => x.c.relevant)) {
        // a = Σ_n g_n (d_p − d_n), with g_n the loss's slope at margin score_p − score_n.
        a.fill(0);
        for (const n of negatives) {
          const margin = temperature * (p.score - n.score);
          loss += Math.log1p(Math.exp(-margin));
          const g = (-temperature / (1 + Math.exp(margin))) * semanticWeight;
          for (let i = 0; i < dim; i++) a[i]! += g * ((p.vector?.[i] ?? 0) - (n.vector?.[i] ?? 0));
        }
        pairs += negatives.length;
        for (let i = 0; i < dim; i++) {
          const ai = a[i]!;
          if (ai === 0) continue;
          const row = i * dim;
          for (let j = 0; j < dim; j++) grad[row + j]! += ai * query[j]!;
        }
      }
    }
    for (let i = 0; i < dim; i++)
      for (let j = 0; j < dim; j++) {
        const k = i * dim + j;
        w[k]! -= learningRate * (grad[k]! / pairs + l2 * (w[k]! - (i === j ? 1 : 0)));
      }
    if (epoch % 10 === 0) log(`  epoch ${epoch} of ${epochs}: pairwise loss ${(loss / pairs).toFixed(4)} over ${pairs} pairs`);
  }
  return w;
}

/** W − I ≈ U Vᵀ with `rank` columns each (U carries the singular values), rounded for the committed file. */
export function factorise(w: Float64Array, dim: number, rank: number = adapterTraining.rank) {
  const m = new Matrix(dim, dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) m.set(i, j, w[i * dim + j]! - (i === j ? 1 : 0));
  const svd = new SingularValueDecomposition(m, { autoTranspose: true });
  const s = svd.diagonal;
  const [left, right] = [svd.leftSingularVectors, svd.rightSingularVectors];
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const u = Array.from({ length: dim }, (_, i) => Array.from({ length: rank }, (_, k) => round(left.get(i, k) * s[k]!)));
  const v = Array.from({ length: dim }, (_, i) => Array.from({ length: rank }, (_, k) => round(right.get(i, k))));
  const energy = s.slice(0, rank).reduce((t, x) => t + x * x, 0) / s.reduce((t, x) => t + x * x, 0);
  return { u, v, energy };
}
