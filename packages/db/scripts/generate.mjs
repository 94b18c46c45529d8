// Generates the Prisma client and Pothos types when they are missing or older
// than their inputs, and does nothing otherwise: every command that needs the
// generated client runs this first (postinstall, db:* commands, turbo's
// db:generate). Offline: prisma generate with the JS engine downloads nothing.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const prismaDir = path.dirname(require.resolve("prisma/package.json"));
const inputs = ["prisma/schema.prisma", "prisma.config.ts"];
const outputs = ["src/generated/prisma/client.ts", "src/generated/pothos-types.ts"];
const stamp = path.join(root, "src/generated/.inputs.sha256");

const hash = createHash("sha256");
for (const file of inputs) hash.update(fs.readFileSync(path.join(root, file)));
hash.update(JSON.parse(fs.readFileSync(path.join(prismaDir, "package.json"), "utf8")).version);
const digest = hash.digest("hex");

const fresh =
  !process.argv.includes("--force") &&
  outputs.every((file) => fs.existsSync(path.join(root, file))) &&
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, "utf8") === digest;
if (!fresh) {
  const result = spawnSync(process.execPath, [path.join(prismaDir, "build/index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) {
    console.error("error: prisma generate failed (see above)");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stamp, digest);
}
