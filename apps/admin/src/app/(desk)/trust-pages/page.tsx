import { redirect } from "next/navigation";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";
import { TrustPageEditor } from "./TrustPageEditor";

export const metadata = { title: "Trust pages" };

const TrustPagesQuery = graphql(`
  query TrustPagesAdmin {
    me {
      role
    }
    trustPages {
      slug
      path
      title
      body
      updatedAt
      versions {
        title
        body
        savedAt
        savedBy
      }
    }
  }
`);

/** Admins write the public methodology, corrections policy and ownership and funding pages. */
export default async function TrustPagesAdmin() {
  const data = await serverQuery(TrustPagesQuery, {});
  if (data.me?.role !== "ADMIN") redirect("/");
  return (
    <>
      <h1>Trust pages</h1>
      <p className="muted">
        Public pages about how the newsroom works, linked from every published fact-check. Markdown; every saved version is kept.
      </p>
      {data.trustPages.map((p) => (
        <TrustPageEditor key={p.slug} page={p} />
      ))}
    </>
  );
}
