import { graphql } from "@/gql";
import type { TrustPageSlug } from "@/gql/graphql";
import { formatDate } from "@/lib/format";
import { publicQuery } from "@/lib/server";
import { TrustMarkdown } from "./TrustMarkdown";

const TrustPageQuery = graphql(`
  query PublicTrustPage($slug: TrustPageSlug!) {
    trustPage(slug: $slug) {
      title
      body
      updatedAt
    }
  }
`);

export async function loadTrustPage(slug: TrustPageSlug) {
  return (await publicQuery(TrustPageQuery, { slug })).trustPage;
}

export async function TrustPageBody({ slug }: { slug: TrustPageSlug }) {
  const page = await loadTrustPage(slug);
  return (
    <>
      <h1>{page.title}</h1>
      <TrustMarkdown source={page.body} />
      {page.updatedAt ? <p className="muted">Last updated {formatDate(page.updatedAt)}</p> : null}
    </>
  );
}
