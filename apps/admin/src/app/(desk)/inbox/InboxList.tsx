"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { StatusBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import type { InboxQuery } from "@/gql/graphql";
import { formatDateTime } from "@/lib/format";
import { request } from "@/lib/graphql";
import { useSubmit } from "@/lib/useSubmit";

type Item = InboxQuery["inbox"]["edges"][number]["node"];

const MarkRead = graphql(`
  mutation MarkInboxRead($ids: [ID!], $all: Boolean) {
    markInboxRead(ids: $ids, all: $all) {
      __typename
      ... on MutationMarkInboxReadSuccess {
        data {
          unreadCount
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** What happened, in the desk's words, with who did it. */
const what: Record<string, string> = {
  ASSIGNED: "assigned you",
  REVIEW_REQUESTED: "submitted for your review",
  RETURNED: "returned to you with changes requested",
  PUBLISHED: "published",
  MENTIONED: "mentioned you on",
};

const excerpt = (body: string) => (body.length > 160 ? `${body.slice(0, 160)}…` : body);

export function InboxList({ items, unread }: { items: Item[]; unread: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  const mark = (which: { ids: string[] } | { all: true }, name: string) =>
    run(async (idempotencyKey) => {
      setPending(name);
      setError(null);
      try {
        const { markInboxRead: r } = await request(MarkRead, which, { idempotencyKey });
        if (r.__typename !== "MutationMarkInboxReadSuccess") setError("message" in r ? r.message : "Could not mark as read");
        router.refresh();
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setPending(null);
      }
    });

  if (!items.length) return <p className="empty">Nothing here.</p>;
  return (
    <>
      <div className="row">
        <button type="button" disabled={busy || !unread} onClick={() => void mark({ all: true }, "all")}>
          {pending === "all" ? "Marking all read…" : "Mark all as read"}
        </button>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
      <ul className="inbox" aria-label="Inbox items">
        {items.map((item) => (
          <li key={item.id} className={item.read ? undefined : "unread"} data-testid="inbox-item" data-kind={item.kind}>
            <div>
              {item.read ? null : <strong className="badge">New</strong>} <strong>{item.actor?.name ?? "Someone"}</strong>{" "}
              {what[item.kind] ?? item.kind.toLowerCase()}{" "}
              <Link href={`/claims/${encodeURIComponent(item.claim.id)}`}>{item.claim.claimReviewed}</Link>{" "}
              <StatusBadge status={item.claim.status} />
              {item.comment ? <blockquote className="muted">{excerpt(item.comment.body)}</blockquote> : null}
              <div className="muted">{formatDateTime(item.createdAt)}</div>
            </div>
            {item.read ? null : (
              <div>
                <button type="button" disabled={busy} onClick={() => void mark({ ids: [item.id] }, item.id)}>
                  {pending === item.id ? "Marking read…" : "Mark read"}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
