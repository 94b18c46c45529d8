/**
 * Claim spans count Unicode code points (as PostgreSQL's substr does and as
 * Python strings do), end exclusive. Browsers count UTF-16 units: convert at
 * the edge with these helpers.
 */
export function spanText(body: string, start: number, end: number): string {
  return Array.from(body).slice(start, end).join("");
}

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Code-point offset of a UTF-16 index. */
export function toCodePointOffset(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, utf16Index));
}

/** UTF-16 index of a code-point offset. */
export function toUtf16Index(text: string, codePointOffset: number): number {
  return Array.from(text).slice(0, codePointOffset).join("").length;
}

/** The span of the `occurrence`-th (0-based) appearance of `quote` in `body`, or null. */
export function findSpan(body: string, quote: string, occurrence = 0): { start: number; end: number } | null {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = body.indexOf(quote, index + 1);
    if (index < 0) return null;
  }
  const start = toCodePointOffset(body, index);
  return { start, end: start + codePointLength(quote) };
}
