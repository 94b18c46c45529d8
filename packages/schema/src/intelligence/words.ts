/** Case, spacing and punctuation aside, the words of a text: how two copies of one sentence or claim are told to be the same. */
export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
