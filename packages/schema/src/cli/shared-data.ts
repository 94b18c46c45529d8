/**
 * Reads the public labelled data used for training and evaluation (never at
 * run time): CLEF-2019 check-worthiness debates, ClaimBuster's crowdsourced
 * sentences, CLEF-2020 claim retrieval. Found at `CLAIMDESK_SHARED_DATA`, or
 * in a `shared/data` folder beside the repository or one level further up.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { wordsOf } from "../intelligence/words.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

export function sharedDataDir(): string {
  const candidates = [
    process.env.CLAIMDESK_SHARED_DATA,
    path.join(repoRoot, "../shared/data"),
    path.join(repoRoot, "../../shared/data"),
  ].filter(Boolean) as string[];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "checkworthiness")));
  if (!found) throw new Error(`The shared labelled data was not found (looked in ${candidates.join(", ")}); set CLAIMDESK_SHARED_DATA`);
  return found;
}

export interface LabelledSentence {
  text: string;
  label: 0 | 1;
}

export interface LabelledDocument {
  id: string;
  sentences: LabelledSentence[];
}

/** A CLEF task 1 file: `line<TAB>speaker<TAB>text<TAB>label`. */
export function readClefDocument(file: string): LabelledDocument {
  const sentences = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, i) => {
      const cols = line.split("\t");
      if (cols.length < 4) throw new Error(`${file}:${i + 1}: expected line, speaker, text and label separated by tabs`);
      return { text: cols[2]!, label: (cols[3]!.trim() === "1" ? 1 : 0) as 0 | 1 };
    });
  return { id: path.basename(file, ".tsv"), sentences };
}

export function readClefFolder(dir: string): LabelledDocument[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort();
  if (files.length === 0) throw new Error(`${dir}: no .tsv files`);
  return files.map((f) => readClefDocument(path.join(dir, f)));
}

/**
 * CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), or
 * tab-separated with `delimiter: "\t"`. Quotes inside an unquoted field (a
 * tweet quoting someone) are kept as text; blank lines are skipped.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  return parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, bom: true });
}

/** ClaimBuster crowdsourced: `sentence_id,screening,label,text`. */
export function readClaimBuster(file: string): LabelledSentence[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8"));
  const t = header!.indexOf("text");
  const l = header!.indexOf("label");
  return rows.map((r) => ({ text: r[t]!, label: (r[l] === "1" ? 1 : 0) as 0 | 1 }));
}

export function checkworthinessData() {
  const dir = sharedDataDir();
  return {
    debates: readClefFolder(path.join(dir, "checkworthiness/clef2019-train")),
    claimBuster: readClaimBuster(path.join(dir, "checkworthiness/claimbuster/crowdsourced-kfold_25ncs.csv")),
  };
}

/** Sentences compared across sources: case, spacing and punctuation ignored. */
export const sentenceKey = wordsOf;
