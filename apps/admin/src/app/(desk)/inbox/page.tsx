import Link from "next/link";
import { graphql } from "@/gql";
import { plural } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { InboxList } from "./InboxList";

export const metadata = { title: "Inbox" };

const InboxQuery = graphql(`
  query Inbox($unreadOnly: Boolean) {
    inboxUnreadCount
    inbox(first: 50, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        node {
          id
          kind
          read
          createdAt
          actor {
            name
          }
          comment {
            body
          }
          claim {
            id
            claimReviewed
            status
          }
        }
      }
    }
  }
`);

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const unreadOnly = params.show === "unread";
  const data = await serverQuery(InboxQuery, { unreadOnly });
  return (
    <>
      <h1>Inbox</h1>
      <nav className="row" aria-label="Inbox views">
        <Link href="/inbox" aria-current={unreadOnly ? undefined : "page"}>
          Everything
        </Link>
        <Link href="/inbox?show=unread" aria-current={unreadOnly ? "page" : undefined}>
          Unread ({data.inboxUnreadCount})
        </Link>
      </nav>
      <p className="muted">
        {plural(data.inbox.totalCount, "item")}
        {unreadOnly ? " unread" : ""}: claims assigned to you, sent to you for review, returned to you, published, and comments that mention
        you.
      </p>
      <InboxList items={data.inbox.edges.map((e) => e.node)} unread={data.inboxUnreadCount} />
    </>
  );
}
