export { IntakeError, type IntakeErrorCode } from "./errors.ts";
export { safeFetch, parseHttpUrl, isPublicAddress, fetchDefaults, type FetchOptions, type FetchedResource } from "./fetch.ts";
export { decodeText } from "./decode.ts";
export { extractArticle, canonicalise, type ExtractedArticle } from "./extract.ts";
export { fetchArticle } from "./page.ts";
export { parseFeedText, type FeedEntry, type ParsedFeed } from "./feeds.ts";
export { storeArticle, isUniqueViolation, type ArticleToStore } from "./store.ts";
export {
  startIntakeWorker,
  intakeSettings,
  queues,
  type IntakeWorker,
  type IntakeSettings,
  type AnalyseArticle,
  type ArticleAnalysis,
  type IntakeLogger,
} from "./worker.ts";
