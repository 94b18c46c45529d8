import type { Prisma } from "@claimdesk/db";
import { selection } from "../query.ts";
import { isStaff } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import type { Viewer } from "../context.ts";

/**
 * Which outlets a viewer may see. Staff: all. Everyone else: those that
 * published an article repeating a published fact-check's claim; the others
 * would tell which publications the newsroom monitors.
 */
export const visibleOutlet = (viewer: Viewer | null): Prisma.OutletWhereInput =>
  isStaff(viewer) ? {} : { articles: { some: { appearances: { some: { claim: { factCheck: { status: "PUBLISHED" } } } } } } };

/** Publishers. Public when they appear on published fact-checks. */
export const OutletRef = builder.prismaNode("Outlet", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  findUnique: (id, ctx) => ({ id, AND: [visibleOutlet(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    url: t.exposeString("url", { nullable: true }),
    country: t.exposeString("country", { nullable: true }),
  }),
});

builder.queryField("outlets", (t) =>
  t.prismaField({
    type: ["Outlet"],
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.outlet.findMany({ ...selection(query), where: visibleOutlet(ctx.viewer), orderBy: { name: "asc" }, take: 1000 }),
  }),
);
