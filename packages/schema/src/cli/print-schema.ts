import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { printedSchema } from "../index.ts";

// `--check` fails when the committed schema.graphql is stale (for CI and tests);
// `--file <path>` names another file (the tests prove the check can fail).
const fileArg = process.argv.indexOf("--file");
const target = fileArg > 0 ? process.argv[fileArg + 1]! : fileURLToPath(new URL("../../schema.graphql", import.meta.url));
const header = "# Generated from packages/schema/src by `npm run schema:print`. Do not edit.\n\n";
const printed = header + printedSchema();
if (process.argv.includes("--check")) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (committed !== printed) {
    console.error("schema.graphql is stale: run npm run schema:print and commit it");
    process.exit(1);
  }
  console.log("schema.graphql is up to date");
} else {
  fs.writeFileSync(target, printed);
  console.log(`wrote ${target}`);
}
