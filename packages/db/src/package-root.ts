import { createRequire } from "node:module";
import path from "node:path";

/**
 * This package's folder (migrations, sample data live under it). Resolved
 * through the package's own name rather than this file's location, so it
 * still holds when the API is bundled into one file.
 */
export const packageRoot = path.dirname(createRequire(import.meta.url).resolve("@claimdesk/db/package.json"));
