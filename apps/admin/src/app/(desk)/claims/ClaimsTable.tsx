"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DueDate, PriorityBadge } from "@/components/PriorityBadge";
import { RatingBadge, StatusBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import type { ClaimsQuery } from "@/gql/graphql";
import { formatDate, plural } from "@/lib/format";
import { request } from "@/lib/graphql";
import { useSubmit } from "@/lib/useSubmit";

type Row = ClaimsQuery["claims"]["edges"][number]["node"];

const BulkAssign = graphql(`
  mutation BulkAssignClaims($claims: [BulkClaimRef!]!, $assigneeId: ID) {
    bulkAssignClaims(claims: $claims, assigneeId: $assigneeId) {
      __typename
      ... on MutationBulkAssignClaimsSuccess {
        data {
          id
        }
      }
      ... on BulkRefusedError {
        message
        failures {
          claimId
          error {
            __typename
            message
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** Why one claim could not be assigned, in the desk's words. */
function failureText(error: { __typename: string; message: string }): string {
  if (error.__typename === "ConflictError") return "Changed by someone else since this list was loaded: reload and try again.";
  if (error.__typename === "NotFoundError") return "This claim no longer exists.";
  if (error.__typename === "ValidationError") return "The chosen fact-checker is this claim's reviewer.";
  return error.message;
}

/** The claims list; editors select claims and assign them to one fact-checker at once (all or none). */
export function ClaimsTable({
  claims,
  canAssign,
  assignees,
}: {
  claims: Row[];
  canAssign: boolean;
  assignees: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [assigneeId, setAssigneeId] = useState("");
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "alert" | "ok"; text: string } | null>(null);
  const { busy, run } = useSubmit();
  const allSelected = claims.length > 0 && selected.length === claims.length;
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  function assign() {
    setMessage(null);
    setFailures({});
    const chosen = claims.filter((c) => selected.includes(c.id));
    const who = assignees.find((u) => u.id === assigneeId)?.name ?? "nobody";
    void run(async (idempotencyKey) => {
      try {
        const { bulkAssignClaims: r } = await request(
          BulkAssign,
          { claims: chosen.map((c) => ({ id: c.id, version: c.version })), assigneeId: assigneeId || null },
          { idempotencyKey },
        );
        if (r.__typename === "MutationBulkAssignClaimsSuccess") {
          setSelected([]);
          setMessage({
            kind: "ok",
            text: assigneeId ? `Assigned ${plural(r.data.length, "claim")} to ${who}.` : `Unassigned ${plural(r.data.length, "claim")}.`,
          });
          router.refresh();
        } else if (r.__typename === "BulkRefusedError") {
          setFailures(Object.fromEntries(r.failures.map((f) => [f.claimId, failureText(f.error)])));
          setMessage({
            kind: "alert",
            text: `Nothing was assigned: ${plural(r.failures.length, "claim")} could not be. See the marked rows.`,
          });
        } else setMessage({ kind: "alert", text: "message" in r ? r.message : "Could not assign the claims" });
      } catch (e) {
        setMessage({ kind: "alert", text: (e as Error).message });
      }
    });
  }

  return (
    <>
      {canAssign ? (
        <form
          className="row bulk-bar"
          aria-label="Assign selected claims"
          aria-busy={busy}
          onSubmit={(e) => {
            e.preventDefault();
            assign();
          }}
        >
          <span>{selected.length ? `${plural(selected.length, "claim")} selected` : "Select claims to assign them at once"}</span>
          <label>
            Fact-checker
            <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">Unassigned</option>
              {assignees.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!selected.length || busy}>
            {busy ? "Assigning…" : selected.length ? `Assign ${selected.length} selected` : "Assign selected"}
          </button>
        </form>
      ) : null}
      {message ? (
        <p className={message.kind} role={message.kind === "alert" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <div className="table-wrap" role="region" aria-label="Claims" tabIndex={0}>
        <table className="claims-table">
          <thead>
            <tr>
              {canAssign ? (
                <th>
                  <input
                    type="checkbox"
                    aria-label="Select all claims on this page"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? [] : claims.map((c) => c.id))}
                  />
                </th>
              ) : null}
              <th>Claim</th>
              <th>Status</th>
              <th>Priority</th>
              <th>Due</th>
              <th>Verdict</th>
              <th>Assignee</th>
              <th>Reviewer</th>
              <th>Changed</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((node) => (
              <tr key={node.id} data-failed={failures[node.id] ? true : undefined}>
                {canAssign ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select: ${node.claimReviewed}`}
                      checked={selected.includes(node.id)}
                      onChange={() => toggle(node.id)}
                    />
                  </td>
                ) : null}
                <td className="claim-cell">
                  <Link href={`/claims/${encodeURIComponent(node.id)}`}>{node.claimReviewed}</Link>
                  <div className="muted">{node.speaker?.name}</div>
                  {node.changesRequestedAt ? <div className="muted">Changes requested {formatDate(node.changesRequestedAt)}</div> : null}
                  {failures[node.id] ? <div className="field-error">{failures[node.id]}</div> : null}
                </td>
                <td>
                  <StatusBadge status={node.status} />
                </td>
                <td>
                  <PriorityBadge priority={node.priority} />
                </td>
                <td>
                  <DueDate day={node.dueDate} open={node.status !== "PUBLISHED" && node.status !== "DISMISSED"} />
                </td>
                <td>
                  <RatingBadge rating={node.rating} />
                </td>
                <td>{node.assignee?.name ?? "—"}</td>
                <td>{node.reviewer?.name ?? "—"}</td>
                <td>{formatDate(node.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
