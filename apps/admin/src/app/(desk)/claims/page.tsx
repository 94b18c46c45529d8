import Link from "next/link";
import { graphql } from "@/gql";
import type { ClaimFilter, ClaimStatus } from "@/gql/graphql";
import { statusLabels, plural } from "@/lib/format";
import { serverQuery } from "@/lib/server";
import { ClaimsTable } from "./ClaimsTable";

export const metadata = { title: "Claims" };

const ClaimsQuery = graphql(`
  query Claims($filter: ClaimFilter, $after: String, $orderBy: ClaimOrder) {
    claims(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          version
          claimReviewed
          status
          updatedAt
          priority
          dueDate
          changesRequestedAt
          assignee {
            id
            name
          }
          reviewer {
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
    viewerCan {
      assign
    }
    users {
      id
      name
      canBeAssigned
    }
  }
`);

/** The list's own parameters, kept by the pager. */
const kept = ["q", "status", "due", "returned"] as const;

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const status = params.status && params.status in statusLabels ? [params.status as ClaimStatus] : undefined;
  const dueSoon = params.due === "soon";
  const returnedToMe = params.returned === "me";
  const filter: ClaimFilter = {
    status,
    query: params.q || undefined,
    dueSoon: dueSoon || undefined,
    returnedToMe: returnedToMe || undefined,
  };
  const data = await serverQuery(ClaimsQuery, {
    filter,
    after: params.after,
    // What is due soonest comes first when the list is about due dates.
    orderBy: dueSoon ? { field: "DUE_DATE", direction: "ASC" } : undefined,
  });
  const title = [status ? statusLabels[status[0]!] : null, dueSoon ? "due soon" : null, returnedToMe ? "returned to me" : null].filter(
    Boolean,
  );
  const next = new URLSearchParams();
  for (const key of kept) if (params[key]) next.set(key, params[key]!);
  next.set("after", data.claims.pageInfo.endCursor ?? "");
  return (
    <>
      <h1>Claims{title.length ? `: ${title.join(", ")}` : ""}</h1>
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
        <label className="row" style={{ flexDirection: "row", fontWeight: 400 }}>
          <input type="checkbox" name="due" value="soon" defaultChecked={dueSoon} /> Due soon
        </label>
        <label className="row" style={{ flexDirection: "row", fontWeight: 400 }}>
          <input type="checkbox" name="returned" value="me" defaultChecked={returnedToMe} /> Returned to me
        </label>
        <button type="submit">Filter</button>
      </form>
      <p className="muted">
        {plural(data.claims.totalCount, "claim")}
        {dueSoon ? " due within three days or overdue" : ""}
        {returnedToMe ? " returned to you with changes requested" : ""}
      </p>
      <ClaimsTable
        claims={data.claims.edges.map((e) => e.node)}
        canAssign={data.viewerCan.assign}
        assignees={data.users.filter((u) => u.canBeAssigned)}
      />
      {data.claims.pageInfo.hasNextPage ? (
        <div className="pager">
          <Link href={`/claims?${next}`}>Next page →</Link>
        </div>
      ) : null}
    </>
  );
}
