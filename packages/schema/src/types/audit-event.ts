import { selection } from "../query.ts";
import { visible } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ClaimRef } from "./claim.ts";

/** The audit trail: who did what to which record, with the changed fields. Staff only. */
export const AuditEventRef = builder.prismaNode("AuditEvent", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId"),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    actor: t.relation("actor", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.prismaObjectField(ClaimRef, "history", (t) =>
  t.prismaField({
    type: ["AuditEvent"],
    description: "What happened to this claim, oldest first",
    select: { id: true },
    resolve: (query, claim, _args, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...selection(query),
        where: { entityType: "Claim", entityId: claim.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
      }),
  }),
);
