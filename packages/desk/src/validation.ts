import type { z } from "zod";
import { ValidationError } from "./errors.ts";

/**
 * Parses input with a zod schema; failures become a ValidationError per field.
 * `at` is where the value sits in the operation's arguments (e.g. ["input"]),
 * so every field error's path starts at the argument name.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, at: string[]): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((issue) => ({ path: [...at, ...issue.path.map(String)], message: issue.message })));
}
