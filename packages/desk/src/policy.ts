/**
 * Who may see and do what, in one place.
 *
 * - Anonymous clients and VIEWERs read published fact-checks and what they
 *   cite (through granted scopes), the rating scales and outlets.
 * - FACT_CHECKERs work the desk and edit the claims assigned to them.
 * - EDITORs run the desk: assign, plan (reviewer, priority, due date), move
 *   any claim, publish, correct. A claim with a reviewer is approved or
 *   returned by that reviewer (or an admin); without one, by any editor.
 * - ADMINs do everything, and manage users and rating scales.
 *
 * `permissions` answer yes/no; `visible` returns Prisma filters, so lists,
 * counts and node look-ups all hide the same rows.
 */
import type { Claim, Prisma, Role } from "@claimdesk/db";
import type { Viewer } from "./viewer.ts";
import { type Actor, availableMoves } from "./workflow.ts";

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

/** Who may be assigned claims: active newsroom staff. */
export const assignable = (user: { role: Role; active: boolean }): boolean => user.active && staffRoles.includes(user.role);

/** Who may review claims: active editors and admins. */
export const canReview = (user: { role: Role; active: boolean }): boolean =>
  user.active && (user.role === "EDITOR" || user.role === "ADMIN");

export const permissions = {
  write: (viewer: Viewer | null): viewer is Viewer => !!viewer && tokenAllowsWrites(viewer),
  /** Ingest articles, mark claims, add sources and people, comment. */
  workTheDesk: (viewer: Viewer | null): viewer is Viewer => isStaff(viewer) && tokenAllowsWrites(viewer),
  /** Edit a claim's wording, verdict and explanation, and its evidence. */
  editClaim: (viewer: Viewer | null, claim: Pick<Claim, "assigneeId">): viewer is Viewer =>
    isStaff(viewer) && tokenAllowsWrites(viewer) && (isEditor(viewer) || claim.assigneeId === viewer.id),
  runTheDesk: (viewer: Viewer | null): viewer is Viewer => !!viewer && isEditor(viewer) && tokenAllowsWrites(viewer),
  administer: (viewer: Viewer | null): viewer is Viewer => !!viewer && isAdmin(viewer) && tokenAllowsWrites(viewer),
  /** Publish, unpublish, correct, assign: editors' moves. */
  publish: (viewer: Viewer | null): viewer is Viewer => permissions.runTheDesk(viewer),
  correct: (viewer: Viewer | null): viewer is Viewer => permissions.runTheDesk(viewer),
  assign: (viewer: Viewer | null): viewer is Viewer => permissions.runTheDesk(viewer),
  /** Set a claim's reviewer, priority and due date. */
  plan: (viewer: Viewer | null): viewer is Viewer => permissions.runTheDesk(viewer),
  /** Approve (publish) or return a claim in review: its reviewer, an admin, or any editor when it has none. */
  review: (viewer: Viewer | null, claim: { reviewerId?: string | null }): viewer is Viewer =>
    permissions.runTheDesk(viewer) && (!claim.reviewerId || claim.reviewerId === viewer.id || isAdmin(viewer)),
  /** Read and mark one's own inbox. */
  readInbox: (viewer: Viewer | null): viewer is Viewer => isStaff(viewer),
  markInbox: (viewer: Viewer | null): viewer is Viewer => isStaff(viewer) && tokenAllowsWrites(viewer),
  /** See the public page and social card a claim would publish as: whoever may read the draft (staff). */
  previewPublication: (viewer: Viewer | null): viewer is Viewer => isStaff(viewer),
};

/** What the viewer may do on the desk as a whole: clients show pages and controls from this, never from roles. */
export function deskPermissions(viewer: Viewer | null) {
  return {
    /** Read the desk at all (staff). */
    readTheDesk: isStaff(viewer),
    workTheDesk: permissions.workTheDesk(viewer),
    assign: permissions.assign(viewer),
    plan: permissions.plan(viewer),
    publish: permissions.publish(viewer),
    correct: permissions.correct(viewer),
    administer: permissions.administer(viewer),
    readInbox: permissions.readInbox(viewer),
  };
}

/** What a published claim keeps: these change only through a correction of its fact-check. */
export const publishedLocked = ["ratingId", "explanation", "claimReviewed"] as const;

/** The published lock: which of these changes a published claim refuses (empty: none). */
export function lockedChanges(claim: Pick<Claim, "status">, changedKeys: string[]): string[] {
  return claim.status === "PUBLISHED" ? changedKeys.filter((key) => (publishedLocked as readonly string[]).includes(key)) : [];
}

/** The workflow actor this viewer is for a claim. */
export function actorFor(viewer: Viewer | null, claim: Pick<Claim, "assigneeId">): Actor {
  return {
    isEditor: isEditor(viewer) && permissions.write(viewer),
    isAssignee: permissions.editClaim(viewer, claim) && claim.assigneeId === viewer?.id,
  };
}

/** What the viewer may do with a claim now: clients show controls from this, never from roles. */
export function viewerCan(
  viewer: Viewer | null,
  claim: Pick<Claim, "assigneeId" | "status"> & { reviewerId?: string | null; factCheckStatus?: string | null },
) {
  const edit = permissions.editClaim(viewer, claim);
  const published = claim.status === "PUBLISHED";
  const inReview = claim.status === "IN_REVIEW";
  return {
    /** Wording, verdict and explanation (not while published). */
    edit: edit && !published,
    /** Speaker, claim date and tags: desk data, also while published. */
    editDetails: edit,
    editEvidence: edit && !published,
    assign: permissions.assign(viewer),
    /** Reviewer, priority and due date. */
    plan: permissions.plan(viewer),
    /** Approve or return it: the reviewer's answer to "Submit for review". */
    review: permissions.review(viewer, claim) && inReview,
    publish: permissions.publish(viewer) && permissions.review(viewer, claim) && inReview,
    unpublish: permissions.publish(viewer) && published,
    correct: permissions.correct(viewer) && published,
    comment: permissions.workTheDesk(viewer),
    markDuplicate: edit && !published,
    moves: availableMoves(claim.status, actorFor(viewer, claim)),
  };
}

/**
 * Why a correction cannot be retracted, or null if it can: the fact-check must
 * be published, the correction still standing and the latest one standing (so
 * that what it replaced is what the public record returns to), and stored with
 * the publication it replaced (corrections made before retractions existed were not).
 */
export function retractionRefusal(correction: {
  published: boolean;
  retracted: boolean;
  latest: boolean;
  restorable: boolean;
}): string | null {
  if (!correction.published) return "Only a correction of a published fact-check is retracted";
  if (correction.retracted) return "This correction is already retracted";
  if (!correction.latest) return "Retract the later correction first";
  if (!correction.restorable) return "This correction predates retractions: publish a new correction instead";
  return null;
}

/** What the viewer may do with a correction now. */
export function correctionViewerCan(viewer: Viewer | null, correction: Parameters<typeof retractionRefusal>[0]) {
  return { retract: permissions.correct(viewer) && retractionRefusal(correction) === null };
}

/** A filter that matches no row: what hidden records look like. */
const none = { id: { in: [] as string[] } };

export const visible = {
  factCheck: (viewer: Viewer | null): Prisma.FactCheckWhereInput => (isStaff(viewer) ? {} : { status: "PUBLISHED" }),
  correction: (viewer: Viewer | null): Prisma.CorrectionWhereInput => (isStaff(viewer) ? {} : { factCheck: { status: "PUBLISHED" } }),
  /** Desk records: staff only. The public reaches them through fact-checks. */
  desk: (viewer: Viewer | null): { id?: { in: string[] } } => (isStaff(viewer) ? {} : none),
};
