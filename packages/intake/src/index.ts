export { IntakeError, type IntakeErrorCode } from "./errors.ts";
export { safeFetch, parseHttpUrl, isPublicAddress, fetchDefaults, type FetchOptions, type FetchedResource } from "./fetch.ts";
export { decodeText } from "./decode.ts";
export { extractArticle, canonicalise, type ExtractedArticle } from "./extract.ts";
export { fetchArticle } from "./page.ts";
export { parseFeedText, type FeedEntry, type ParsedFeed } from "./feeds.ts";
