/**
 * The editorial workflow of a claim, and who may make each move.
 *
 *   UNREVIEWED → SELECTED → RESEARCHING → IN_REVIEW → PUBLISHED
 *        ↘ DISMISSED ↙ (from any unpublished state; an editor can reopen)
 *
 * PUBLISHED is reached only by publishing a fact-check, and left only by
 * unpublishing it; both are editors' moves with their own mutations.
 */
import type { ClaimStatus } from "@claimdesk/db";

type Mover = "editor" | "assignee";

const moves: Record<ClaimStatus, Partial<Record<ClaimStatus, Mover[]>>> = {
  UNREVIEWED: { SELECTED: ["editor"], DISMISSED: ["editor"] },
  SELECTED: { RESEARCHING: ["editor", "assignee"], UNREVIEWED: ["editor"], DISMISSED: ["editor"] },
  RESEARCHING: { IN_REVIEW: ["editor", "assignee"], SELECTED: ["editor"], DISMISSED: ["editor"] },
  IN_REVIEW: { RESEARCHING: ["editor", "assignee"], DISMISSED: ["editor"] },
  PUBLISHED: {},
  DISMISSED: { UNREVIEWED: ["editor"] },
};

export interface Actor {
  isEditor: boolean;
  isAssignee: boolean;
}

export type MoveCheck = { ok: true } | { ok: false; reason: "not-a-move" | "not-allowed" };

export function checkMove(from: ClaimStatus, to: ClaimStatus, actor: Actor): MoveCheck {
  const movers = moves[from][to];
  if (!movers) return { ok: false, reason: "not-a-move" };
  const allowed = (actor.isEditor && movers.includes("editor")) || (actor.isAssignee && movers.includes("assignee"));
  return allowed ? { ok: true } : { ok: false, reason: "not-allowed" };
}

/** The moves this actor may make from `from`, for clients to offer as buttons. */
export function availableMoves(from: ClaimStatus, actor: Actor): ClaimStatus[] {
  return (Object.keys(moves[from]) as ClaimStatus[]).filter((to) => checkMove(from, to, actor).ok);
}

/** What publishing needs; the names are the WorkflowError `missing` codes. */
export function publishPreconditions(claim: { ratingId: string | null; explanation: string | null; sourceCount: number }): string[] {
  const missing: string[] = [];
  if (!claim.ratingId) missing.push("VERDICT");
  if (!claim.explanation?.trim()) missing.push("EXPLANATION");
  if (claim.sourceCount < 1) missing.push("SOURCE");
  return missing;
}
