import { ForbiddenError, ValidationError, trustPages } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { findPublishedFactCheckId } from "../public-fact-check.ts";
import { selection } from "../query.ts";

builder.queryField("publicFactCheck", (t) =>
  t.prismaField({
    type: "FactCheck",
    nullable: true,
    description:
      "The published fact-check a public path names: its slug (the one URL), or an older form (id, GraphQL id, a reworded slug with the same short id). Compare `slug` to redirect.",
    args: { path: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const found = await findPublishedFactCheckId(ctx.prisma, args.path);
      return found ? ctx.prisma.factCheck.findUnique({ ...selection(query), where: { id: found.id } }) : null;
    },
  }),
);

const NewsroomRef = builder.objectRef<{ name: string; url: string }>("Newsroom").implement({
  description: "Who publishes: the public site's name and address",
  fields: (t) => ({ name: t.exposeString("name"), url: t.exposeString("url", { description: "The public site's base URL" }) }),
});

builder.queryField("newsroom", (t) => t.field({ type: NewsroomRef, resolve: (_root, _args, ctx) => ctx.newsroom }));

// ---------------------------------------------------------------- trust pages

const TrustPageSlugEnum = builder.enumType("TrustPageSlug", {
  values: {
    METHODOLOGY: { value: "methodology" },
    CORRECTIONS_POLICY: { value: "corrections-policy" },
    OWNERSHIP_AND_FUNDING: { value: "ownership-and-funding" },
  } as const,
});

const TrustPageVersionRef = builder
  .objectRef<{ id: string; title: string; body: string; savedAt: Date; savedBy: string | null }>("TrustPageVersion")
  .implement({
    description: "One saved version of a trust page, from the audit trail",
    fields: (t) => ({
      title: t.exposeString("title"),
      body: t.exposeString("body", { description: "Markdown" }),
      savedAt: t.expose("savedAt", { type: "DateTime" }),
      savedBy: t.exposeString("savedBy", { nullable: true }),
    }),
  });

const TrustPageRef = builder.objectRef<trustPages.TrustPageView>("TrustPage").implement({
  description: "A public page about how the newsroom works: methodology, corrections policy, ownership and funding",
  fields: (t) => ({
    slug: t.field({ type: TrustPageSlugEnum, resolve: (p) => p.slug }),
    path: t.string({ description: "Where it is published on the public site", resolve: (p) => `/${p.slug}` }),
    title: t.exposeString("title"),
    body: t.exposeString("body", { description: "Markdown" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", nullable: true, description: "Null while it shows the default text" }),
    versions: t.field({
      type: [TrustPageVersionRef],
      authScopes: { staff: true },
      description: "Every saved version, newest first",
      resolve: (p, _a, ctx) => trustPages.trustPageVersions(ctx, p.slug),
    }),
  }),
});

builder.queryField("trustPage", (t) =>
  t.field({
    type: TrustPageRef,
    args: { slug: t.arg({ type: TrustPageSlugEnum, required: true }) },
    resolve: (_root, args, ctx) => trustPages.readTrustPage(ctx, args.slug),
  }),
);

builder.queryField("trustPages", (t) =>
  t.field({
    type: [TrustPageRef],
    resolve: (_root, _args, ctx) => Promise.all(trustPages.trustPageSlugs.map((slug) => trustPages.readTrustPage(ctx, slug))),
  }),
);

builder.mutationField("updateTrustPage", (t) =>
  t.field({
    type: TrustPageRef,
    description: "Rewrites a trust page (admins). The previous text stays in the audit trail.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      slug: t.arg({ type: TrustPageSlugEnum, required: true }),
      title: t.arg.string({ required: true }),
      body: t.arg.string({ required: true, description: "Markdown" }),
    },
    resolve: async (_root, args, ctx) => {
      await trustPages.updateTrustPage(ctx, args.slug, { title: args.title, body: args.body });
      return trustPages.readTrustPage(ctx, args.slug);
    },
  }),
);
