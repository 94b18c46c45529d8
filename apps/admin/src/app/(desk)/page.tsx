import Link from "next/link";
import { StatusBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import { badgeStyle, formatDate, statusLabels } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { Dashboard } from "./Dashboard";
import { ArrivedFromFeeds } from "./ArrivedFromFeeds";

export const metadata = { title: "Desk" };

const DeskQuery = graphql(`
  query Desk {
    claimCounts {
      status
      count
    }
    claimQueue(first: 20, status: [SELECTED, RESEARCHING, IN_REVIEW]) {
      totalCount
      edges {
        node {
          id
          claimReviewed
          status
          updatedAt
          speaker {
            name
          }
        }
      }
    }
    inReview: claims(first: 10, filter: { status: [IN_REVIEW] }) {
      totalCount
      edges {
        node {
          id
          claimReviewed
          assignee {
            name
          }
          updatedAt
        }
      }
    }
    deskStats(weeks: 12) {
      unassignedOpen
      recurringTotal
      weeks {
        weekStart
        published
        medianHoursToPublish
        recurring
        marked {
          status
          count
        }
      }
      verdicts {
        ratingId
        label
        color
        count
      }
      openWork {
        userId
        name
        selected
        researching
        inReview
      }
    }
    factChecks(first: 5) {
      edges {
        node {
          id
          headline
          publishedAt
          rating {
            label
            color
          }
        }
      }
    }
  }
`);

export default async function DeskPage() {
  const data = await serverQuery(DeskQuery, {});
  return (
    <>
      <h1>Desk</h1>
      <ArrivedFromFeeds />
      <nav className="counts" aria-label="Claims per status">
        {data.claimCounts.map((c) => (
          <Link key={c.status} href={`/claims?status=${c.status}`} className="count">
            <strong>{c.count}</strong>
            {statusLabels[c.status]}
          </Link>
        ))}
      </nav>
      <div className="grid">
        <section className="card">
          <h2>My queue ({data.claimQueue.totalCount})</h2>
          {data.claimQueue.edges.length === 0 ? (
            <p className="empty">
              Nothing assigned to you. Open an <Link href="/articles">article</Link> and select a sentence to mark a claim, or ask an editor
              to assign one.
            </p>
          ) : (
            <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
              {data.claimQueue.edges.map(({ node }) => (
                <li key={node.id}>
                  <StatusBadge status={node.status} /> <Link href={`/claims/${encodeURIComponent(node.id)}`}>{node.claimReviewed}</Link>
                  <div className="muted">
                    {node.speaker?.name ?? "Unattributed"} · changed {formatDate(node.updatedAt)}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>Waiting for review ({data.inReview.totalCount})</h2>
          {data.inReview.edges.length === 0 ? (
            <p className="empty">No claims are waiting for review.</p>
          ) : (
            <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
              {data.inReview.edges.map(({ node }) => (
                <li key={node.id}>
                  <Link href={`/claims/${encodeURIComponent(node.id)}`}>{node.claimReviewed}</Link>
                  <div className="muted">{node.assignee?.name ?? "Unassigned"}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>Recently published</h2>
          {data.factChecks.edges.length === 0 ? (
            <p className="empty">Nothing published yet.</p>
          ) : (
            <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
              {data.factChecks.edges.map(({ node }) => (
                <li key={node.id}>
                  <span className="badge" style={badgeStyle(node.rating.color)}>
                    {node.rating.label}
                  </span>{" "}
                  <Link href={`/fact-checks/${encodeURIComponent(node.id)}`}>{node.headline}</Link>
                  <div className="muted">{formatDate(node.publishedAt)}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <Dashboard stats={data.deskStats} />
    </>
  );
}
