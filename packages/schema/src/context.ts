import type { DeskContext, Viewer } from "@claimdesk/desk";

export type { Viewer };

/** What the HTTP layer lets resolvers do to the response (cookies). */
export interface SessionControl {
  /** Starts a session for this user (and makes them the viewer); the HTTP layer sets the cookie. */
  startSession(userId: string): Promise<void>;
  /** Ends the current session and clears the cookie. */
  endSession(): Promise<void>;
}

export interface Context extends DeskContext {
  /** Changes when login/logout run in this request. */
  session: SessionControl;
  /** Address of the client, for login rate limits. */
  clientAddress: string;
}
