import { pageAndCount, selection, startedCount } from "../query.ts";
import { ForbiddenError, ValidationError, people, visible } from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import { searchText } from "../search-text.ts";

export const PersonKindEnum = builder.enumType("PersonKind", { values: ["PERSON", "ORGANIZATION"] as const });

/** Speakers and claimants. Public only as the speaker of a published fact-check. */
export const PersonRef = builder.prismaNode("Person", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true, $granted: "readPublished" },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: PersonKindEnum, description: "A person, or an organisation or group (ClaimReview claimant type)" }),
    title: t.exposeString("title", { nullable: true }),
    affiliation: t.exposeString("affiliation", { nullable: true }),
    sameAs: t.exposeStringList("sameAs", { description: "Links identifying this person elsewhere (ClaimReview sameAs)" }),
    claims: t.relatedConnection("claims", { complexity: pageCost, authScopes: { staff: true }, cursor: "id", totalCount: true }),
  }),
});

builder.queryField("people", (t) =>
  t.prismaConnection({
    type: "Person",
    cursor: "id",
    complexity: pageCost,
    authScopes: { staff: true },
    args: { query: t.arg.string({ required: false, description: "Part of the name", validate: searchText }) },
    totalCount: (_p, args, ctx) => startedCount(args, () => ctx.prisma.person.count({ where: personWhere(args.query) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        personWhere(args.query),
        (where) => ctx.prisma.person.findMany({ ...selection(query), where, orderBy: [{ name: "asc" }, { id: "asc" }] }),
        (where) => ctx.prisma.person.count({ where }),
      ),
  }),
);

function personWhere(query: string | null | undefined) {
  return query?.trim() ? { name: { contains: query.trim(), mode: "insensitive" as const } } : {};
}

export const PersonInput = builder.inputType("PersonInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    kind: t.field({ type: PersonKindEnum, required: false, description: "Default PERSON" }),
    title: t.string({ required: false }),
    affiliation: t.string({ required: false }),
    sameAs: t.stringList({ required: false }),
  }),
});

builder.mutationField("createPerson", (t) =>
  t.prismaField({
    type: "Person",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: { input: t.arg({ type: PersonInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await people.createPerson(ctx, input);
      return ctx.prisma.person.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
