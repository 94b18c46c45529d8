import type { PrismaClient, Role } from "@claimdesk/db";

/** Who is asking. `null` viewer: an anonymous client. */
export interface Viewer {
  id: string;
  role: Role;
  name: string;
  /** How they authenticated: a session cookie, or an API token with scopes. */
  via: { kind: "session"; sessionId: string } | { kind: "token"; tokenId: string; scopes: string[] };
}

/** What the HTTP layer lets resolvers do to the response (cookies). */
export interface SessionControl {
  /** Starts a session for this user (and makes them the viewer); the HTTP layer sets the cookie. */
  startSession(userId: string): Promise<void>;
  /** Ends the current session and clears the cookie. */
  endSession(): Promise<void>;
}

export interface Context {
  prisma: PrismaClient;
  viewer: Viewer | null;
  /** Changes when login/logout run in this request. */
  session: SessionControl;
  requestId: string;
  /** Address of the client, for login rate limits. */
  clientAddress: string;
  /**
   * The request's Idempotency-Key, if the client sent one: the first write
   * transaction reserves it, so a retried request cannot write twice.
   */
  idempotency?: { key: string; requestHash: string; reserved?: boolean } | null;
  /** The newsroom that publishes (ClaimReview author); its public site's base URL. */
  newsroom: { name: string; url: string };
}
