import Link from "next/link";
import { notFound } from "next/navigation";
import { graphql } from "@/gql";
import { formatDateTime } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { RefreshWhile } from "@/components/RefreshWhile";
import { FeedControls, NewFeedForm } from "./FeedForms";

export const metadata = { title: "Feeds" };

const OutletFeedsQuery = graphql(`
  query OutletFeeds($id: ID!) {
    node(id: $id) {
      ... on Outlet {
        id
        name
        feeds {
          id
          url
          title
          active
          intervalMinutes
          lastPolledAt
          lastSuccessAt
          lastError
          consecutiveErrors
          nextPollAt
          itemsTaken
          items(first: 5) {
            totalCount
            edges {
              node {
                id
                title
                url
                status
                error
                article {
                  id
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);

const itemStatus = { PENDING: "waiting", INGESTED: "new article", DUPLICATE: "already in the desk", FAILED: "failed" } as const;

export default async function OutletFeedsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { node } = await serverQuery(OutletFeedsQuery, { id: decodeURIComponent(id) });
  if (!node || !("feeds" in node)) notFound();
  const now = Date.now();
  const working = node.feeds.some(
    (feed) =>
      feed.active &&
      (!feed.lastPolledAt || Date.parse(feed.nextPollAt) <= now || feed.items.edges.some(({ node: item }) => item.status === "PENDING")),
  );
  return (
    <>
      <p>
        <Link href="/outlets">← Outlets</Link>
      </p>
      <h1>Feeds of {node.name}</h1>
      <NewFeedForm outletId={node.id} />
      <RefreshWhile active={working}>Polling and reading new articles; this page updates by itself.</RefreshWhile>
      {node.feeds.length === 0 ? <p className="empty">No feeds yet.</p> : null}
      {node.feeds.map((feed) => (
        <section key={feed.id} className="card stack" aria-label={feed.title ?? feed.url}>
          <h2>{feed.title ?? feed.url}</h2>
          <div className="muted">{feed.url}</div>
          <dl className="row">
            <div>
              <dt>Last poll</dt>
              <dd>{feed.lastPolledAt ? formatDateTime(feed.lastPolledAt) : "not yet"}</dd>
            </div>
            <div>
              <dt>Items taken</dt>
              <dd>{feed.itemsTaken}</dd>
            </div>
            <div>
              <dt>Every</dt>
              <dd>{feed.intervalMinutes} min</dd>
            </div>
            <div>
              <dt>Next poll</dt>
              <dd>{feed.active ? formatDateTime(feed.nextPollAt) : "paused"}</dd>
            </div>
          </dl>
          {feed.lastError ? (
            <p className="alert" role="alert">
              Last poll failed
              {feed.consecutiveErrors > 1 ? ` (${feed.consecutiveErrors} times in a row; polling less often until it works)` : ""}:{" "}
              {feed.lastError}
            </p>
          ) : null}
          <FeedControls id={feed.id} active={feed.active} intervalMinutes={feed.intervalMinutes} lastPolledAt={feed.lastPolledAt} />
          {feed.items.edges.length ? (
            <ul>
              {feed.items.edges.map(({ node: item }) => (
                <li key={item.id}>
                  {item.article ? (
                    <Link href={`/articles/${encodeURIComponent(item.article.id)}`}>{item.article.title}</Link>
                  ) : (
                    (item.title ?? item.url)
                  )}{" "}
                  <span className="muted">
                    · {itemStatus[item.status]}
                    {item.error ? `: ${item.error}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}
