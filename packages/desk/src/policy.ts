/**
 * Who may see and do what, in one place.
 *
 * - Anonymous clients and VIEWERs read published fact-checks and what they
 *   cite (through granted scopes), the rating scales and outlets.
 * - FACT_CHECKERs work the desk and edit the claims assigned to them.
 * - EDITORs run the desk: assign, move any claim, publish, correct.
 * - ADMINs do everything, and manage users and rating scales.
 *
 * `permissions` answer yes/no; `visible` returns Prisma filters, so lists,
 * counts and node look-ups all hide the same rows.
 */
import type { Claim, Prisma, Role } from "@claimdesk/db";
import type { Viewer } from "./viewer.ts";

export interface Scopes {
  /** Any signed-in user. */
  authenticated: boolean;
  /** Newsroom staff: fact-checkers, editors, admins. */
  staff: boolean;
  /**
   * Staff acting with write rights (a session, or a token with the write
   * scope). Every desk mutation requires it up front, so outsiders are refused
   * before any input is read or looked up.
   */
  deskWriter: boolean;
  editor: boolean;
  admin: boolean;
}

const staffRoles: Role[] = ["ADMIN", "EDITOR", "FACT_CHECKER"];

export const isStaff = (viewer: Viewer | null): viewer is Viewer => !!viewer && staffRoles.includes(viewer.role);
export const isEditor = (viewer: Viewer | null): boolean => viewer?.role === "EDITOR" || viewer?.role === "ADMIN";
export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === "ADMIN";

/** API tokens act with their owner's role, narrowed by scopes: `read` or `write`. */
function tokenAllowsWrites(viewer: Viewer): boolean {
  return viewer.via.kind === "session" || viewer.via.scopes.includes("write");
}

export function scopesFor(viewer: Viewer | null): Scopes {
  return {
    authenticated: !!viewer,
    staff: isStaff(viewer),
    deskWriter: isStaff(viewer) && tokenAllowsWrites(viewer),
    editor: isEditor(viewer),
    admin: isAdmin(viewer),
  };
}

export const permissions = {
  write: (viewer: Viewer | null): viewer is Viewer => !!viewer && tokenAllowsWrites(viewer),
  /** Ingest articles, mark claims, add sources and people, comment. */
  workTheDesk: (viewer: Viewer | null): viewer is Viewer => isStaff(viewer) && tokenAllowsWrites(viewer),
  /** Edit a claim's wording, verdict and explanation, and its evidence. */
  editClaim: (viewer: Viewer | null, claim: Pick<Claim, "assigneeId">): viewer is Viewer =>
    isStaff(viewer) && tokenAllowsWrites(viewer) && (isEditor(viewer) || claim.assigneeId === viewer.id),
  runTheDesk: (viewer: Viewer | null): viewer is Viewer => !!viewer && isEditor(viewer) && tokenAllowsWrites(viewer),
  administer: (viewer: Viewer | null): viewer is Viewer => !!viewer && isAdmin(viewer) && tokenAllowsWrites(viewer),
};

/** A filter that matches no row: what hidden records look like. */
const none = { id: { in: [] as string[] } };

export const visible = {
  factCheck: (viewer: Viewer | null): Prisma.FactCheckWhereInput => (isStaff(viewer) ? {} : { status: "PUBLISHED" }),
  correction: (viewer: Viewer | null): Prisma.CorrectionWhereInput => (isStaff(viewer) ? {} : { factCheck: { status: "PUBLISHED" } }),
  /** Desk records: staff only. The public reaches them through fact-checks. */
  desk: (viewer: Viewer | null): { id?: { in: string[] } } => (isStaff(viewer) ? {} : none),
};
