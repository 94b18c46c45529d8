import type { Role } from "@claimdesk/db";

/** Who is asking. `null` viewer: an anonymous client. */
export interface Viewer {
  id: string;
  role: Role;
  name: string;
  /** How they authenticated: a session cookie, or an API token with scopes. */
  via: { kind: "session"; sessionId: string } | { kind: "token"; tokenId: string; scopes: string[] };
}
