/**
 * Splits news text into sentences with their exact spans (Unicode code
 * points, end exclusive, as claim spans are stored).
 *
 * A full stop ends a sentence unless it belongs to an abbreviation (Mr., U.S.,
 * Jan.), an initial, or a number ($600.5, 5.2%); a closing quote after the
 * stop stays with its sentence; paragraph breaks always end one. A dateline
 * opening a paragraph ("LAHORE:", "BEIJING, (APP - ...)", "WASHINGTON (Reuters) -")
 * is not part of its first sentence, and a wire service's sign-off ("APP/asg",
 * "(Reporting by ...)") is not a sentence at all.
 */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const abbreviations = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "gen",
  "col",
  "lt",
  "sgt",
  "capt",
  "gov",
  "sen",
  "rep",
  "rev",
  "hon",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "vs",
  "etc",
  "approx",
  "dept",
  "est",
  "fig",
  "vol",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "e.g",
  "i.e",
  "u.s",
  "u.k",
  "u.n",
  "u.s.a",
  "a.m",
  "p.m",
]);

const closers = new Set(['"', "'", "”", "’", ")", "]"]);

// A place in capitals, perhaps a date, perhaps the agency in brackets, then a colon or dash
// (or, without one, a comma before the bracketed agency). A leading ISO date is page metadata.
const dateline =
  /^(?:date\s+)?(?:\d{4}-\d{2}-\d{2}\s+)?\p{Lu}[\p{Lu}.'-]{2,}(?:\s+\p{Lu}[\p{Lu}.'-]+){0,3}(?:(?:,\s*[\p{L}\d .]{0,30})?\s*(?:\([^()\n]{1,120}\))?\s*(?::|—|–|--?)\s+|,\s*\([^()\n]{1,120}\)\s*(?:[:—–-]\s*)?)(?=\S)/u;
const signOff =
  /^(?:\p{Lu}{2,8}(?:\s*\/\s*\p{L}{1,8})+|\((?:reporting|writing|editing|additional reporting)\b[^)]*\)|#{2,}|-?\s*ends?\s*-?|\(\p{Lu}{2,8}\)|[-—]\s*\p{Lu}{2,8})\.?$/iu;

/** Code points of a dateline opening `text`, or 0. */
export function datelineLength(text: string): number {
  const m = dateline.exec(text);
  return m ? Array.from(m[0]).length : 0;
}

export const isSignOff = (text: string) => signOff.test(text);

export function splitSentences(text: string): Sentence[] {
  const chars = Array.from(text);
  const sentences: Sentence[] = [];
  let start = 0;
  let paragraphStart = true;

  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(chars[s]!)) s++;
    while (e > s && /\s/.test(chars[e - 1]!)) e--;
    if (paragraphStart && e > s) s += datelineLength(chars.slice(s, Math.min(e, s + 240)).join(""));
    const sentence = chars.slice(s, e).join("");
    if (e > s && !isSignOff(sentence)) sentences.push({ text: sentence, start: s, end: e });
    if (e > s) paragraphStart = false;
    start = end;
  };

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "\n" && chars[i + 1] === "\n") {
      push(i);
      paragraphStart = true;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    // Keep runs of terminators and closing quotes together: `feat."`, `?!`
    let end = i + 1;
    while (end < chars.length && (closers.has(chars[end]!) || chars[end] === "." || chars[end] === "!" || chars[end] === "?")) end++;
    const next = chars[end];
    if (next !== undefined && !/\s/.test(next)) continue; // 5.2, U.S.-China, example.com
    if (c === "." && !endsSentence(chars, i, end)) continue;
    push(end);
    i = end - 1;
  }
  push(chars.length);
  return sentences;
}

function endsSentence(chars: string[], dot: number, after: number): boolean {
  // The word before the dot.
  let w = dot;
  while (w > 0 && /[\p{L}.]/u.test(chars[w - 1]!)) w--;
  const word = chars.slice(w, dot).join("").toLowerCase();
  if (abbreviations.has(word)) return false;
  if (/^\p{Lu}$/u.test(chars.slice(w, dot).join(""))) return false; // an initial: "John F. Kennedy"
  // The next word: a lower-case start means the sentence goes on.
  let n = after;
  while (n < chars.length && /\s/.test(chars[n]!)) n++;
  const next = chars[n];
  if (next === undefined) return true;
  return !/\p{Ll}/u.test(next);
}
