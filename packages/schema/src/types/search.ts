import { searchAll, searchSchema } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ArticleRef } from "./article.ts";
import { ClaimRef } from "./claim.ts";
import { SourceRef } from "./source.ts";

interface Hit {
  kind: "Article" | "Claim" | "Source";
  id: string;
  rank: number;
}

const SearchResult = builder.unionType("SearchResult", {
  types: [ArticleRef, ClaimRef, SourceRef],
  resolveType: (value) => (value as unknown as { __kind: string }).__kind,
});

const SearchHit = builder.objectRef<Hit & { node: object }>("SearchHit").implement({
  fields: (t) => ({
    rank: t.exposeFloat("rank", { description: "ts_rank_cd; higher is better" }),
    node: t.field({ type: SearchResult, resolve: (hit) => hit.node as never }),
  }),
});

/**
 * Full-text search across articles, claims and sources, one ranked list.
 * Each table's "searchVector" is a stored, generated column (see the
 * stored_search_vectors migration), indexed by its *_fts_idx.
 */
builder.queryField("search", (t) =>
  t.field({
    type: [SearchHit],
    authScopes: { staff: true },
    args: {
      query: t.arg.string({ required: true, validate: searchSchema.query }),
      first: t.arg.int({ required: false, defaultValue: 20, validate: searchSchema.first }),
    },
    resolve: async (_root, args, ctx) => {
      const query = args.query.trim();
      const first = args.first ?? 20;
      const hits = await searchAll(ctx.prisma, query, first);
      const ids = (kind: Hit["kind"]) => hits.filter((hit) => hit.kind === kind).map((hit) => hit.id);
      const [articles, claims, sources] = await Promise.all([
        ctx.prisma.article.findMany({ where: { id: { in: ids("Article") } } }),
        ctx.prisma.claim.findMany({ where: { id: { in: ids("Claim") } } }),
        ctx.prisma.source.findMany({ where: { id: { in: ids("Source") } } }),
      ]);
      const byId = new Map<string, object>([
        ...articles.map((a) => [a.id, { ...a, __kind: "Article" }] as const),
        ...claims.map((c) => [c.id, { ...c, __kind: "Claim" }] as const),
        ...sources.map((s) => [s.id, { ...s, __kind: "Source" }] as const),
      ]);
      return hits.flatMap((hit) => (byId.has(hit.id) ? [{ ...hit, node: byId.get(hit.id)! }] : []));
    },
  }),
);
