import { selection } from "../query.ts";
import { builder } from "../builder.ts";

/** Publishers. Public: they appear on published fact-checks. */
export const OutletRef = builder.prismaNode("Outlet", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  fields: (t) => ({
    name: t.exposeString("name"),
    url: t.exposeString("url", { nullable: true }),
    country: t.exposeString("country", { nullable: true }),
  }),
});

builder.queryField("outlets", (t) =>
  t.prismaField({
    type: ["Outlet"],
    resolve: (query, _root, _args, ctx) => ctx.prisma.outlet.findMany({ ...selection(query), orderBy: { name: "asc" }, take: 1000 }),
  }),
);
