/**
 * The public path segment of a fact-check: the claim's words (ASCII, at most
 * 60 characters, cut at a word) then the last 8 letters and digits of its id,
 * so two reviews of the same words still differ and the id part alone finds it.
 */
export function factCheckSlug(claimReviewed: string, id: string): string {
  const words = claimReviewed
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = words.length > 60 ? words.slice(0, 60).replace(/-[^-]*$/, "") : words;
  return `${cut || "fact-check"}-${shortId(id)}`;
}

/** The id part of a slug: the id's last 8 letters and digits, lower-cased. */
export function shortId(id: string): string {
  return id
    .replace(/[^a-zA-Z0-9]/g, "")
    .slice(-8)
    .toLowerCase();
}
