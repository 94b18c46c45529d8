import { describe, expect, it } from "vitest";
import { universalSentenceEncoder } from "../../packages/schema/src/intelligence/embeddings.ts";

describe("sentence encoder", () => {
  it("embeds on its own thread: the API's event loop keeps answering while a cold collection is embedded", async () => {
    await universalSentenceEncoder.embed(["The model is loaded before the measurement."]);
    const texts = Array.from({ length: 96 }, (_, i) => `Claim number ${i}: the ministry says exports rose ${i} per cent in ${2000 + i}.`);
    let last = performance.now();
    let longestGap = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const vectors = await universalSentenceEncoder.embed([...texts, "", "…"]);
    const took = performance.now() - started;
    clearInterval(tick);
    console.log(`embedded ${texts.length} texts in ${took.toFixed(0)} ms; the event loop's longest gap ${longestGap.toFixed(0)} ms`);
    // On the main thread each batch of 8 held the loop for 100–200 ms.
    expect(longestGap).toBeLessThan(80);
    expect(vectors).toHaveLength(texts.length + 2);
    for (const v of vectors.slice(0, texts.length)) expect(Math.hypot(...v!)).toBeCloseTo(1, 4);
    expect(vectors[texts.length]).toBeNull(); // no words, no vector
  });
});
