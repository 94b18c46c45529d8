import Link from "next/link";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";

export const metadata = { title: "Outlets and feeds" };

const OutletsQuery = graphql(`
  query OutletsWithFeeds {
    outlets {
      id
      name
      url
      feeds {
        id
        active
        lastError
      }
    }
  }
`);

export default async function OutletsPage() {
  const { outlets } = await serverQuery(OutletsQuery, {});
  return (
    <>
      <h1>Outlets and feeds</h1>
      <p className="muted">
        Add an outlet's RSS, Atom or JSON feed and its new articles arrive on the desk by themselves, with their suggestions and
        recurring-claim alerts.
      </p>
      {outlets.length === 0 ? (
        <p className="empty">No outlets yet. An outlet is created with its first article.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Outlet</th>
              <th>Feeds</th>
              <th>Failing</th>
            </tr>
          </thead>
          <tbody>
            {outlets.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/outlets/${encodeURIComponent(o.id)}/feeds`}>{o.name}</Link>
                </td>
                <td>
                  {o.feeds.filter((f) => f.active).length} active
                  {o.feeds.some((f) => !f.active) ? `, ${o.feeds.filter((f) => !f.active).length} paused` : ""}
                </td>
                <td>{o.feeds.filter((f) => f.lastError).length || ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
