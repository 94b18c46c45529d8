import type { z } from "zod";
import { ValidationError } from "./errors.ts";

/** Parses input with a zod schema; failures become a ValidationError per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })));
}
