import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";
import "./types/common.ts";
import "./types/outlet.ts";
import "./types/person.ts";
import "./types/user.ts";
import "./types/rating.ts";
import "./types/article.ts";
import "./types/source.ts";
import "./types/claim.ts";
import "./types/fact-check.ts";
import "./types/publication-preview.ts";
import "./types/conflict.ts";
import "./types/comment.ts";
import "./types/audit-event.ts";
import "./types/search.ts";
import "./types/intelligence.ts";
import "./types/public-site.ts";
import "./types/claim-review-import.ts";
import "./types/review.ts";
import "./types/assignment.ts";
import "./types/inbox.ts";
import "./types/stats.ts";
import "./types/intake.ts";

export const schema = builder.toSchema();

/** The SDL committed as schema.graphql (sorted, so diffs stay small). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export type { Context, Viewer, SessionControl } from "./context.ts";
export { analyseArticle } from "./intake/analysis.ts";
