/**
 * The language of a text (ISO 639-3), for deciding whether word features
 * trained on English apply. franc's trigram profiles for longer text; the
 * script alone settles non-Latin text; very short Latin text is taken as English
 * (too little to tell, and the desk's default).
 */
import { francAll } from "franc-min";

export function detectLanguage(text: string): string {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return "eng";
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (latin / letters.length < 0.5) {
    const top = francAll(text, { minLength: 1 })[0]?.[0];
    return top && top !== "und" ? top : "und";
  }
  if (letters.length < 40) return "eng";
  const ranked = francAll(text.slice(0, 2000));
  const eng = ranked.find(([code]) => code === "eng")?.[1] ?? 0;
  // franc confuses English with Scots and the like on short text: English when near the top.
  return eng >= 0.85 ? "eng" : ranked[0]![0];
}
