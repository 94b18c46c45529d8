import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "../package-root.ts";

export interface CorpusArticle {
  publishedAt: Date;
  dateline: string;
  byline: string;
  outlet: string;
  body: string;
}

const dataDir = path.join(packageRoot, "src", "seed", "data");

/**
 * Reads a wire story saved as plain text, whose first line starts with
 * `date YYYY-MM-DD DATELINE, (AGENCY - OUTLET - date) `.
 */
export function readCorpusArticle(file: string): CorpusArticle {
  const text = fs.readFileSync(path.join(dataDir, file), "utf8");
  const header = /^\s*date (\d{4}-\d{2}-\d{2}) ([A-Z][A-Za-z ]+), \(([^)]+?) - (.+?) - [^)]*\)\s*/.exec(text);
  if (!header) throw new Error(`${file}: no "date … DATELINE, (AGENCY - OUTLET - …)" header`);
  const [, date, dateline, byline, outlet] = header as unknown as [string, string, string, string, string];
  return {
    publishedAt: new Date(`${date}T00:00:00Z`),
    dateline,
    byline,
    outlet,
    body: text.slice(header[0].length).trimEnd(),
  };
}
