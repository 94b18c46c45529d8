import { builder } from "../builder.ts";
import { findPublishedFactCheckId } from "../public-fact-check.ts";
import { selection } from "../query.ts";

builder.queryField("publicFactCheck", (t) =>
  t.prismaField({
    type: "FactCheck",
    nullable: true,
    description: "The published fact-check a public path names: its slug (the one URL), or an older form (id, GraphQL id, a reworded slug with the same short id). Compare `slug` to redirect.",
    args: { path: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const found = await findPublishedFactCheckId(ctx.prisma, args.path);
      return found ? ctx.prisma.factCheck.findUnique({ ...selection(query), where: { id: found.id } }) : null;
    },
  }),
);
