import { graphql } from "@/gql";
import { plural } from "@/lib/format";
import type { SourceType } from "@/gql/graphql";
import { serverQuery } from "@/lib/server";

export const metadata = { title: "Sources" };

const SourcesQuery = graphql(`
  query SourcesLibrary($filter: SourceFilter) {
    sources(first: 50, filter: $filter) {
      totalCount
      edges {
        node {
          id
          title
          url
          publisher
          type
          accessedAt
          citations(first: 5) {
            totalCount
            edges {
              node {
                id
                stance
                claim {
                  id
                  claimReviewed
                }
              }
            }
          }
        }
      }
    }
  }
`);

const types = ["PRIMARY_DOCUMENT", "OFFICIAL_STATISTIC", "DATASET", "NEWS_REPORT", "EXPERT", "ACADEMIC", "OTHER"];

export default async function SourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const type = params.type && types.includes(params.type) ? (params.type as SourceType) : undefined;
  const data = await serverQuery(SourcesQuery, {
    filter: { query: params.q || undefined, type, publisher: params.publisher || undefined },
  });
  return (
    <>
      <h1>Sources</h1>
      <form className="row" role="search">
        <input name="q" defaultValue={params.q ?? ""} placeholder="Search title, publisher, notes" aria-label="Search sources" />
        <select name="type" defaultValue={params.type ?? ""} aria-label="Type">
          <option value="">Any type</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t.replace(/_/g, " ").toLowerCase()}
            </option>
          ))}
        </select>
        <input name="publisher" defaultValue={params.publisher ?? ""} placeholder="Publisher" aria-label="Publisher" />
        <button type="submit">Filter</button>
      </form>
      <p className="muted">{plural(data.sources.totalCount, "source")}</p>
      {data.sources.edges.length === 0 ? <p className="empty">No sources. Sources are added from a claim's page.</p> : null}
      <div className="table-wrap" role="region" aria-label="Sources" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Type</th>
              <th>Cited by</th>
            </tr>
          </thead>
          <tbody>
            {data.sources.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  {node.url ? (
                    <a href={node.url} target="_blank" rel="noopener noreferrer">
                      {node.title}
                    </a>
                  ) : (
                    node.title
                  )}
                  <div className="muted">{node.publisher}</div>
                </td>
                <td>{node.type.replace(/_/g, " ").toLowerCase()}</td>
                <td>
                  {node.citations.totalCount === 0 ? (
                    "—"
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                      {node.citations.edges.map(({ node: c }) => (
                        <li key={c.id}>
                          <a href={`/claims/${encodeURIComponent(c.claim.id)}`}>{c.claim.claimReviewed}</a>{" "}
                          <span className="muted">({c.stance.toLowerCase()})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
