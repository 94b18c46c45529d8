import { selection } from "../query.ts";
import { ForbiddenError, NotFoundError, ValidationError, ratings } from "@claimdesk/desk";
import { builder } from "../builder.ts";

/** Verdict scales are public: readers need the definitions (methodology). */
export const RatingScaleRef = builder.prismaNode("RatingScale", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  fields: (t) => ({
    name: t.exposeString("name"),
    isDefault: t.exposeBoolean("isDefault"),
    ratings: t.relation("ratings", { query: { orderBy: { position: "asc" } } }),
    bestRating: t.int({
      select: { ratings: { select: { value: true } } },
      resolve: (scale) => Math.max(...scale.ratings.map((r) => r.value)),
    }),
    worstRating: t.int({
      select: { ratings: { select: { value: true } } },
      resolve: (scale) => Math.min(...scale.ratings.map((r) => r.value)),
    }),
  }),
});

export const RatingRef = builder.prismaNode("Rating", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  fields: (t) => ({
    label: t.exposeString("label", { description: "ClaimReview alternateName" }),
    description: t.exposeString("description"),
    value: t.exposeInt("value", { description: "ClaimReview ratingValue" }),
    position: t.exposeInt("position"),
    color: t.exposeString("color"),
    scale: t.relation("scale"),
  }),
});

builder.queryField("ratingScales", (t) =>
  t.prismaField({
    type: ["RatingScale"],
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.ratingScale.findMany({ ...selection(query), orderBy: [{ isDefault: "desc" }, { name: "asc" }] }),
  }),
);

builder.queryField("defaultRatingScale", (t) =>
  t.prismaField({
    type: "RatingScale",
    nullable: true,
    resolve: (query, _root, _args, ctx) => ctx.prisma.ratingScale.findFirst({ ...selection(query), where: { isDefault: true } }),
  }),
);

const RatingInput = builder.inputType("RatingInput", {
  fields: (t) => ({
    label: t.string({ required: true }),
    description: t.string({ required: true }),
    value: t.int({ required: true }),
    color: t.string({ required: true }),
  }),
});

builder.mutationField("updateRating", (t) =>
  t.prismaField({
    type: "Rating",
    description: "Edits one step of a rating scale (admins).",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { id: t.arg.globalID({ for: RatingRef, required: true }), input: t.arg({ type: RatingInput, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await ratings.updateRating(ctx, args.id.id, args.input);
      return ctx.prisma.rating.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
