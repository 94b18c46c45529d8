/**
 * A learned turn of the query's sentence embedding before it is compared with
 * the candidates' (`relevance = d · W q`, W = I + U Vᵀ). The general-purpose
 * encoder puts two texts on the same topic close together; what matching
 * needs is "this fact-check answers this text". W is learned from tweets and
 * the fact-checks that answer them (`npm run train:matching`, training split
 * only): gradient descent on a pairwise loss over each tweet's candidates,
 * kept near the identity, then cut to its leading singular directions so the
 * committed file stays small. The cosine itself ("meaning") stays what the
 * likely-duplicate flag and editors see; the adapter only ranks.
 */
import adapterFile from "./query-adapter.json" with { type: "json" };

export interface QueryAdapter {
  /** The encoder whose vectors it was learned on: another encoder's are left as they are. */
  readonly model: string;
  /** 512 × rank each: W = I + U Vᵀ. */
  readonly u: number[][];
  readonly v: number[][];
}

export const queryAdapter: QueryAdapter = adapterFile;

/** W q for a unit query vector (the encoder's, or the vector unchanged if the adapter is another encoder's). */
export function adaptQuery(q: Float32Array, model: string, adapter: QueryAdapter = queryAdapter): Float32Array {
  if (adapter.model !== model || adapter.u.length !== q.length || adapter.v.length !== q.length) return q;
  const rank = adapter.v[0]?.length ?? 0;
  const projected = new Float64Array(rank); // Vᵀ q
  adapter.v.forEach((row, i) => {
    for (let k = 0; k < rank; k++) projected[k]! += row[k]! * q[i]!;
  });
  const out = Float32Array.from(q);
  adapter.u.forEach((row, i) => {
    let sum = 0;
    for (let k = 0; k < rank; k++) sum += row[k]! * projected[k]!;
    out[i]! += sum;
  });
  return out;
}
