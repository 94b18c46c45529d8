/**
 * `npm run train:checkworthiness [-- --labels FILE.tsv|DIR ...] [--check]`
 *
 * Trains the check-worthiness model on all shared labelled data (CLEF-2019
 * training debates and ClaimBuster), plus any desk labels exported by
 * `npm run export:labels` (CLEF format), and writes the committed weights.
 * The same data gives byte-identical weights; --check fails if they differ
 * from the committed file instead of writing it.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { trainCheckworthiness } from "./checkworthiness-training.ts";
import { checkworthinessData, readClefDocument, readClefFolder } from "./shared-data.ts";

const { values } = parseArgs({ options: { labels: { type: "string", multiple: true }, check: { type: "boolean" } } });
const out = new URL("../intelligence/checkworthiness-model.json", import.meta.url);

const data = checkworthinessData();
// A file, or a folder of them (what `npm run export:labels` writes to DIR/checkworthiness).
const desk = (values.labels ?? []).flatMap((file) =>
  fs.statSync(file).isDirectory() ? readClefFolder(file).flatMap((d) => d.sentences) : readClefDocument(file).sentences,
);
const model = trainCheckworthiness({ ...data, desk });
const file = {
  trainedOn: {
    clef2019TrainDebates: data.debates.length,
    clef2019TrainSentences: data.debates.reduce((n, d) => n + d.sentences.length, 0),
    claimBusterSentences: data.claimBuster.length,
    deskSentences: desk.length,
  },
  ...model,
};
const json = `${JSON.stringify(file, null, 0).replace(/,"(?=[fbw]:)/g, ',\n"')}\n`;
if (values.check) {
  const same = fs.existsSync(out) && fs.readFileSync(out, "utf8") === json;
  console.log(same ? "The committed weights are reproduced exactly." : "The trained weights differ from the committed file.");
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(out, json);
console.log(
  `Wrote ${out.pathname}: ${Object.keys(model.full.weights).length} weights (${Object.keys(model.neutral.weights).length} language-neutral), ${(json.length / 1024).toFixed(0)} KB`,
);
