import { formatDate, statusLabels } from "../../../../lib/format";
import { priorityLabels } from "../../../../lib/planning";

/**
 * An audit event in the desk's words: "changed the verdict from Mostly true
 * to True", not "ratingId: seed-rating-mostly-true". Ids are resolved to
 * names where the page knows them, and bookkeeping fields (offsets, ids of
 * created rows) are left out.
 */
export interface HistoryEvent {
  action: string;
  before: unknown;
  after: unknown;
}

export interface Names {
  ratings: { id: string; label: string }[];
  users: { id: string; name: string }[];
}

const actionText: Record<string, string> = {
  "claim.create": "marked the claim",
  "claim.update": "edited the claim",
  "claim.move": "moved it",
  "claim.assign": "assigned it",
  "claim.plan": "planned it",
  "claim.requestChanges": "requested changes",
  "evidence.attach": "cited a source",
  "evidence.update": "edited a citation",
  "evidence.detach": "removed a source",
  "comment.add": "commented",
  "factCheck.publish": "published the fact-check",
  "factCheck.unpublish": "unpublished the fact-check",
  "factCheck.correct": "corrected the fact-check",
  "factCheck.retractCorrection": "retracted a correction",
  "claim.duplicate.confirm": "marked it a duplicate",
  "claim.duplicate.reject": "rejected a suggested match",
};

const fieldNames: Record<string, string> = {
  claimReviewed: "wording",
  quote: "quote",
  tags: "tags",
  explanation: "explanation",
  ratingId: "verdict",
  speakerId: "speaker",
  claimDate: "claim date",
  headline: "headline",
  summary: "summary",
  stance: "stance",
  passage: "quoted passage",
  location: "location in the source",
  whatChanged: "what changed",
  reason: "reason",
  body: "comment",
  note: "note",
  reviewerId: "reviewer",
  priority: "priority",
  dueDate: "due date",
};

/** The page knows records by their global ids ("Rating:…" in base64); the audit trail stores database ids. */
function localId(id: string): string {
  try {
    const decoded = atob(id);
    const colon = decoded.indexOf(":");
    return colon > 0 && /^[A-Za-z]+$/.test(decoded.slice(0, colon)) ? decoded.slice(colon + 1) : id;
  } catch {
    return id;
  }
}
const sameRecord = (known: string, stored: unknown) => known === stored || localId(known) === stored;

const short = (v: string) => (v.length > 80 ? `${v.slice(0, 80)}…` : v);

function show(key: string, value: unknown, names: Names): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return "none";
  if (key === "ratingId") return names.ratings.find((r) => sameRecord(r.id, value))?.label ?? "a verdict no longer on the scale";
  if (key === "reviewerId" || key === "assigneeId") return names.users.find((u) => sameRecord(u.id, value))?.name ?? "someone";
  if (key === "status") return statusLabels[String(value)] ?? String(value);
  if (key === "priority") return priorityLabels[String(value)] ?? String(value);
  if (key === "dueDate") return formatDate(String(value));
  if (key === "stance") return String(value).toLowerCase();
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "string") return short(value);
  return short(JSON.stringify(value));
}

export function describeEvent(event: HistoryEvent, names: Names): { summary: string; details: string[] } {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  const summary = actionText[event.action] ?? event.action.replace(/[.]/g, " ");
  switch (event.action) {
    case "claim.move":
    case "factCheck.unpublish":
      return {
        summary: `moved it from ${show("status", before.status, names)} to ${show("status", after.status, names)}`,
        details: after.reason ? [`Reason: ${show("reason", after.reason, names)}`] : [],
      };
    case "claim.assign":
      return {
        summary: after.assigneeId ? `assigned it to ${show("assigneeId", after.assigneeId, names)}` : "unassigned it",
        details: after.bulk ? ["With other claims, from the claims list"] : [],
      };
    case "claim.requestChanges":
      return { summary: "returned it for changes", details: after.note ? [`“${show("note", after.note, names)}”`] : [] };
    case "comment.add":
      return { summary, details: [] };
    case "claim.create":
      return {
        summary,
        details:
          after.claimReviewed && after.claimReviewed !== after.quote
            ? [`Wording: ${show("claimReviewed", after.claimReviewed, names)}`]
            : [],
      };
    case "factCheck.correct": {
      const details = [`${show("whatChanged", after.whatChanged, names)} (${show("reason", after.reason, names)})`];
      // A correction that keeps the verdict sends none: say so rather than "verdict removed".
      if (after.ratingId && after.ratingId !== before.ratingId)
        details.push(`Verdict: ${show("ratingId", before.ratingId, names)} → ${show("ratingId", after.ratingId, names)}`);
      else details.push("Verdict unchanged");
      if (after.explanation) details.push("Explanation rewritten");
      return { summary, details };
    }
    case "factCheck.retractCorrection": {
      const details = [`“${show("whatChanged", after.whatChanged, names)}” (${show("reason", after.reason, names)})`];
      if (after.ratingId && after.ratingId !== before.ratingId)
        details.push(`Verdict back: ${show("ratingId", before.ratingId, names)} → ${show("ratingId", after.ratingId, names)}`);
      if (after.explanation !== undefined && after.explanation !== before.explanation) details.push("Explanation restored");
      return { summary, details };
    }
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k in fieldNames);
  const details = keys.map((k) => {
    const name = fieldNames[k]!;
    if (k === "explanation" || k === "passage" || k === "body")
      return `${name[0]!.toUpperCase()}${name.slice(1)} ${k in before && before[k] ? "rewritten" : "written"}`;
    const label = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    return k in before ? `${label}: ${show(k, before[k], names)} → ${show(k, after[k], names)}` : `${label}: ${show(k, after[k], names)}`;
  });
  return { summary, details };
}
