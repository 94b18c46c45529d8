/**
 * Every input the desk accepts, validated one way: these zod schemas, with
 * the enums taken from Prisma's, so a new enum value needs no second edit.
 */
import { ClaimPriority, ClaimStatus, PersonKind, Role, SourceType, Stance } from "@claimdesk/db";
import { z } from "zod";

const tag = z.string().trim().min(1).max(60);
const tags = z.array(tag).max(30);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), "must be an http(s) URL");
const sourceUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/\S+$/i.test(value), "must be an http(s) URL");

export const enums = {
  claimStatus: z.enum(ClaimStatus),
  priority: z.enum(ClaimPriority),
  personKind: z.enum(PersonKind),
  role: z.enum(Role),
  sourceType: z.enum(SourceType),
  stance: z.enum(Stance),
};

export const required = (max: number) => z.string().trim().min(1, "is required").max(max);

export const personSchema = z.object({
  name: required(200),
  /** A person, or an organisation or group (the ClaimReview claimant type); default PERSON. */
  kind: z
    .enum(PersonKind)
    .nullish()
    .transform((k) => k ?? undefined),
  title: z.string().trim().max(300).nullish(),
  affiliation: z.string().trim().max(300).nullish(),
  sameAs: z
    .array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .max(20)
    .default([]),
});

export const trustPageSchema = z.object({ title: required(200), body: required(100_000) });

export const createClaimSchema = z
  .object({
    spanStart: z.number().int().min(0, "must be 0 or more").nullish(),
    spanEnd: z.number().int().min(1).nullish(),
    quote: z.string().min(1, "is required").max(5000),
    claimReviewed: z.string().trim().max(5000).nullish(),
    claimDate: z.date().nullish(),
    tags: tags.default([]),
    checkworthiness: z.number().min(0).max(1).nullish(),
    checkworthinessReasons: z.array(z.string().max(200)).max(30).nullish(),
  })
  .refine((v) => (v.spanStart == null) === (v.spanEnd == null), {
    path: ["spanEnd"],
    message: "give both spanStart and spanEnd, or neither",
  })
  .refine((v) => v.spanStart == null || v.spanEnd == null || v.spanEnd > v.spanStart, {
    path: ["spanEnd"],
    message: "must be after spanStart",
  });

export const updateClaimSchema = z.object({
  claimReviewed: z.string().trim().min(1, "cannot be empty").max(5000).optional(),
  claimDate: z.date().nullish(),
  tags: tags.optional(),
  explanation: z.string().max(50_000).nullish(),
});

/** Due dates are calendar days; a year range keeps typos (year 20026) out. */
export const dueDateSchema = z
  .date()
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "must be a day between the years 2000 and 2100")
  .transform((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

export const evidenceSchema = z.object({
  passage: z.string().max(10_000).nullish(),
  location: z.string().trim().max(300).nullish(),
});

export const sourceSchema = z.object({
  url: sourceUrl.nullish().or(z.literal("").transform(() => null)),
  title: required(500),
  publisher: z.string().trim().max(300).nullish(),
  type: enums.sourceType.default("OTHER"),
  accessedAt: z.date().nullish(),
  archivedUrl: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/\S+$/i.test(value), "must be an http(s) URL")
    .nullish()
    .or(z.literal("").transform(() => null)),
  notes: z.string().max(10_000).nullish(),
});

const articleFields = {
  title: required(500),
  canonicalUrl: httpUrl.nullish().or(z.literal("").transform(() => null)),
  outletName: optionalText(200),
  byline: optionalText(300),
  dateline: optionalText(200),
  publishedAt: z.date().nullish(),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "must be a language code such as en or ur")
    .default("en"),
  body: z.string().min(1, "is required").max(500_000, "is longer than 500,000 characters"),
  tags: tags.default([]),
};
export const createArticleSchema = z.object(articleFields);
export const updateArticleSchema = z.object(articleFields).partial().extend({ version: z.number().int().positive() });

export const publishSchema = z.object({ headline: required(300), summary: z.string().trim().max(2000).nullish() });
export const reasonSchema = required(2000);
export const correctionSchema = z.object({
  whatChanged: required(2000),
  reason: required(2000),
  explanation: z.string().trim().min(1).max(50_000).nullish(),
});

export const commentSchema = required(10_000);

export const ratingSchema = z.object({
  label: required(60),
  description: required(1000),
  value: z.number().int().min(0).max(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour such as #1a7f37"),
});

const password = z.string().min(12, "must be at least 12 characters").max(1024);
export const createUserSchema = z.object({
  email: z.email("must be an e-mail address").transform((v) => v.toLowerCase()),
  name: required(200),
  role: enums.role,
  password,
});
export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  role: enums.role.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});
export const tokenNameSchema = required(100);

export const searchSchema = {
  query: z.string().trim().min(1, "is required").max(500, "is longer than 500 characters"),
  first: z.number().int().min(1, "must be at least 1").max(100, "must be 100 or less"),
};
