import { decodeText } from "./decode.ts";
import { IntakeError } from "./errors.ts";
import { type ExtractedArticle, extractArticle } from "./extract.ts";
import { type FetchOptions, safeFetch } from "./fetch.ts";

const htmlTypes = new Set(["text/html", "application/xhtml+xml"]);

/** Fetches a page and reads the article in it; every failure is an IntakeError. */
export async function fetchArticle(url: string, options: FetchOptions = {}): Promise<ExtractedArticle & { fetchedUrl: string }> {
  const page = await safeFetch(url, options);
  if (page.mediaType && !htmlTypes.has(page.mediaType)) {
    throw new IntakeError("NOT_HTML", `This address is not an HTML page (it serves ${page.mediaType})`);
  }
  const html = decodeText(page.body, page.charset);
  if (!page.mediaType && !/<html|<body|<article|<p[\s>]/i.test(html.slice(0, 4096))) {
    throw new IntakeError("NOT_HTML", "This address is not an HTML page");
  }
  return { ...extractArticle(html, page.url), fetchedUrl: page.url };
}
