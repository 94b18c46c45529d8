/**
 * Why a page or feed could not be taken in. `code` is stable (clients switch
 * on it); `message` is written for the editor who pasted the link.
 */
export type IntakeErrorCode =
  | "INVALID_URL"
  | "UNSUPPORTED_SCHEME"
  | "ADDRESS_NOT_ALLOWED"
  | "DNS_FAILED"
  | "CONNECT_TIMEOUT"
  | "TIMEOUT"
  | "NETWORK"
  | "TOO_MANY_REDIRECTS"
  | "REDIRECT_LOOP"
  | "HTTP_STATUS"
  | "TOO_LARGE"
  | "NOT_HTML"
  | "NOT_A_FEED"
  | "NO_ARTICLE";

export class IntakeError extends Error {
  override name = "IntakeError";
  constructor(
    readonly code: IntakeErrorCode,
    message: string,
    /** The HTTP status, for HTTP_STATUS. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
