/**
 * Binary logistic regression over sparse named features, trained
 * deterministically: a seeded shuffle, AdaGrad steps and L2 shrinkage, the
 * same numbers in the same order on every run, so the committed weights can
 * be reproduced exactly. Small enough to read: a model is a bias and a map
 * from feature name to weight.
 */
import type { Features } from "./checkworthiness-features.ts";

export interface LinearModel {
  bias: number;
  weights: Record<string, number>;
}

export interface Example {
  features: Features;
  label: 0 | 1;
  /** Importance of the example in the loss (default 1). */
  weight?: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Drop features seen in fewer examples than this (keeps the model small and general). */
  minCount: number;
  /** Decimal places kept in the weights, so that JSON round trips are exact. */
  precision: number;
}

export const defaultTrainOptions: TrainOptions = { epochs: 12, learningRate: 0.1, l2: 1e-5, seed: 16, minCount: 3, precision: 4 };

/** mulberry32: a tiny seeded generator, the same sequence everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function train(examples: Example[], options: Partial<TrainOptions> = {}): LinearModel {
  const o = { ...defaultTrainOptions, ...options };
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.features.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keys = [...counts.keys()].filter((k) => k.startsWith("f:") || counts.get(k)! >= o.minCount).sort();
  const index = new Map(keys.map((k, i) => [k, i]));
  const rows = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of e.features) {
      const i = index.get(k);
      if (i !== undefined) {
        idx.push(i);
        val.push(v);
      }
    }
    return { idx, val, y: e.label, w: e.weight ?? 1 };
  });
  const w = new Float64Array(keys.length);
  const g2 = new Float64Array(keys.length).fill(1e-8);
  let b = 0;
  let gb2 = 1e-8;
  const rand = random(o.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const row = rows[r]!;
      let z = b;
      for (let k = 0; k < row.idx.length; k++) z += w[row.idx[k]!]! * row.val[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - row.y) * row.w;
      gb2 += err * err;
      b -= (o.learningRate * err) / Math.sqrt(gb2);
      for (let k = 0; k < row.idx.length; k++) {
        const i = row.idx[k]!;
        const g = err * row.val[k]! + o.l2 * w[i]!;
        g2[i]! += g * g;
        w[i]! -= (o.learningRate * g) / Math.sqrt(g2[i]!);
      }
    }
  }
  const round = (x: number) => Number(x.toFixed(o.precision));
  const weights: Record<string, number> = {};
  keys.forEach((k, i) => {
    const v = round(w[i]!);
    if (v !== 0) weights[k] = v;
  });
  return { bias: round(b), weights };
}

/** The linear score and each feature's contribution to it. */
export function contributions(model: LinearModel, features: Features): { z: number; parts: [string, number][] } {
  let z = model.bias;
  const parts: [string, number][] = [];
  const map = model.weights instanceof Map ? (model.weights as Map<string, number>) : null;
  for (const [k, v] of features) {
    const wk = map ? map.get(k) : model.weights[k];
    if (wk === undefined) continue;
    z += wk * v;
    parts.push([k, wk * v]);
  }
  return { z, parts };
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
