import Link from "next/link";
import { graphql } from "@/gql";
import { formatDate, plural } from "@/lib/format";
import { serverQuery } from "@/lib/server";

export const metadata = { title: "Articles" };

const ArticlesQuery = graphql(`
  query Articles($filter: ArticleFilter, $after: String) {
    articles(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          publishedAt
          byline
          outlet {
            name
          }
          tags
          claims(first: 1) {
            totalCount
          }
        }
      }
    }
  }
`);

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const data = await serverQuery(ArticlesQuery, {
    filter: { query: params.q || undefined, tag: params.tag || undefined },
    after: params.after,
  });
  const next = new URLSearchParams({
    ...(params.q ? { q: params.q } : {}),
    ...(params.tag ? { tag: params.tag } : {}),
    after: data.articles.pageInfo.endCursor ?? "",
  });
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Articles</h1>
        <Link href="/articles/new">+ New article</Link>
      </div>
      <form className="row" role="search">
        <input name="q" defaultValue={params.q ?? ""} placeholder="Search title and text" aria-label="Search articles" />
        <input name="tag" defaultValue={params.tag ?? ""} placeholder="Tag" aria-label="Tag" />
        <button type="submit">Search</button>
        {params.q || params.tag ? <Link href="/articles">Clear</Link> : null}
      </form>
      <p className="muted">{plural(data.articles.totalCount, "article")}</p>
      {data.articles.edges.length === 0 ? (
        <p className="empty">
          No articles {params.q ? "match your search" : "yet"}. <Link href="/articles/new">Paste one in</Link> to start marking claims.
        </p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Articles" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>Title</th>
                <th>Outlet</th>
                <th>Published</th>
                <th>Claims</th>
              </tr>
            </thead>
            <tbody>
              {data.articles.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <Link href={`/articles/${encodeURIComponent(node.id)}`}>{node.title}</Link>
                    <div className="muted">{node.tags.join(", ")}</div>
                  </td>
                  <td>{node.outlet?.name ?? "—"}</td>
                  <td>{formatDate(node.publishedAt)}</td>
                  <td>{node.claims.totalCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.articles.pageInfo.hasNextPage ? (
        <div className="pager">
          <Link href={`/articles?${next}`}>Next page →</Link>
        </div>
      ) : null}
    </>
  );
}
