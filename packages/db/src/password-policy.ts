import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as common } from "@zxcvbn-ts/language-common";
import { dictionary as english, translations } from "@zxcvbn-ts/language-en";
import { sampleUsers } from "./seed/sample.ts";

// zxcvbn-ts with its common-passwords dictionary (lists from public breaches)
// judges guessability; a length rule alone lets "password1234" through.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common, ...english }, graphs: adjacencyGraphs, translations });

export const minPasswordLength = 12;
const maxPasswordLength = 256;
/** zxcvbn's score: 3 is "safely unguessable: moderate protection from offline attacks". */
const minScore = 3;

/**
 * Why a password may not be used, in words, or null when it may.
 * `userInputs` (e-mail, name) count as guessable words.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < minPasswordLength) return `The password must have at least ${minPasswordLength} characters.`;
  if (password.length > maxPasswordLength) return `The password may have at most ${maxPasswordLength} characters.`;
  if (sampleUsers.some((user) => user.password === password)) return "That is a sample password published in the README; choose another.";
  // The e-mail's and name's words count as guessable on their own too ("chief", "newsroom").
  const words = userInputs.flatMap((input) => [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 2);
  const result = zxcvbn.check(password, words);
  if (result.score < minScore) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0];
    return `The password is too easy to guess${hint ? ` (${hint.replace(/\.$/, "")})` : ""}; use a longer passphrase of unrelated words.`;
  }
  return null;
}
