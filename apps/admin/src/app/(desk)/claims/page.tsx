import Link from "next/link";
import { RatingBadge, StatusBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import type { ClaimStatus } from "@/gql/graphql";
import { formatDate, statusLabels, plural } from "@/lib/format";
import { serverQuery } from "@/lib/server";

export const metadata = { title: "Claims" };

const ClaimsQuery = graphql(`
  query Claims($filter: ClaimFilter, $after: String) {
    claims(first: 25, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          claimReviewed
          status
          updatedAt
          assignee {
            name
          }
          rating {
            label
            color
          }
          speaker {
            name
          }
        }
      }
    }
  }
`);

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const status = params.status && params.status in statusLabels ? [params.status as ClaimStatus] : undefined;
  const data = await serverQuery(ClaimsQuery, { filter: { status, query: params.q || undefined }, after: params.after });
  return (
    <>
      <h1>Claims{status ? `: ${statusLabels[status[0]!]}` : ""}</h1>
      <form className="row" role="search">
        <input name="q" defaultValue={params.q ?? ""} placeholder="Search claims" aria-label="Search claims" />
        <select name="status" defaultValue={params.status ?? ""} aria-label="Status">
          <option value="">Any status</option>
          {Object.entries(statusLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <p className="muted">{plural(data.claims.totalCount, "claim")}</p>
      <div className="table-wrap" role="region" aria-label="Claims" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>Claim</th>
              <th>Status</th>
              <th>Verdict</th>
              <th>Assignee</th>
              <th>Changed</th>
            </tr>
          </thead>
          <tbody>
            {data.claims.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link href={`/claims/${encodeURIComponent(node.id)}`}>{node.claimReviewed}</Link>
                  <div className="muted">{node.speaker?.name}</div>
                </td>
                <td>
                  <StatusBadge status={node.status} />
                </td>
                <td>
                  <RatingBadge rating={node.rating} />
                </td>
                <td>{node.assignee?.name ?? "—"}</td>
                <td>{formatDate(node.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.claims.pageInfo.hasNextPage ? (
        <div className="pager">
          <Link
            href={`/claims?${new URLSearchParams({ ...(params.status ? { status: params.status } : {}), ...(params.q ? { q: params.q } : {}), after: data.claims.pageInfo.endCursor ?? "" })}`}
          >
            Next page →
          </Link>
        </div>
      ) : null}
    </>
  );
}
