import { ConflictError } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ArticleRef } from "./article.ts";
import { ClaimRef } from "./claim.ts";
import { ErrorInterface } from "./common.ts";
import { FactCheckRef } from "./fact-check.ts";
import { SourceRef } from "./source.ts";

const VersionedRecord = builder.unionType("VersionedRecord", {
  types: [ClaimRef, ArticleRef, SourceRef, FactCheckRef],
  resolveType: (value) => (value as unknown as { __typename: "Claim" | "Article" | "Source" | "FactCheck" }).__typename,
});

/** The one conflict answer of every versioned save: claims, articles, sources and fact-checks. */
builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({
    entity: t.string({ description: "What changed: Claim, Article, Source or FactCheck", resolve: (error) => error.entity }),
    currentVersion: t.int({ resolve: (error) => error.current.version }),
    current: t.field({
      type: ClaimRef,
      nullable: true,
      description: "The claim as it is now (when the conflict is on a claim)",
      resolve: (error) => (error.entity === "Claim" ? (error.current as never) : null),
    }),
    currentRecord: t.field({
      type: VersionedRecord,
      description: "The record as it is now",
      resolve: (error) => ({ ...error.current, __typename: error.entity }) as never,
    }),
  }),
});
