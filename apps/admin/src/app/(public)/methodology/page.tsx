import { graphql } from "@/gql";
import { publicQuery } from "@/lib/server";
import { pageMetadata } from "../site";
import { TrustPageBody, loadTrustPage } from "../TrustPageBody";

export async function generateMetadata() {
  const page = await loadTrustPage("METHODOLOGY");
  return pageMetadata("/methodology", page.title, page.body.slice(0, 200));
}

const MethodologyQuery = graphql(`
  query Methodology {
    defaultRatingScale {
      name
      ratings {
        id
        label
        description
        color
        value
      }
    }
  }
`);

export default async function MethodologyPage() {
  const { defaultRatingScale: scale } = await publicQuery(MethodologyQuery, {});
  return (
    <main style={{ maxWidth: 760 }}>
      <TrustPageBody slug={"METHODOLOGY"} />
      <h2>Our rating scale</h2>
      <p>Each fact-check rates one claim on this scale, from the best rating to the worst.</p>
      <dl>
        {scale?.ratings.map((r) => (
          <div key={r.id} style={{ marginBottom: ".75rem" }}>
            <dt>
              <span className="badge" style={{ background: r.color }}>
                {r.label}
              </span>
            </dt>
            <dd style={{ marginLeft: 0 }}>{r.description}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
