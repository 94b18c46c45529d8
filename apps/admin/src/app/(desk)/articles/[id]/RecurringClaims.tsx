import Link from "next/link";
import { graphql } from "@/gql";
import { badgeStyle } from "@/lib/format";
import { serverQuery } from "@/lib/server";

const RecurringQuery = graphql(`
  query ArticleRecurringClaims($id: ID!) {
    node(id: $id) {
      ... on Article {
        recurringClaims {
          sentence
          score
          factCheck {
            id
            headline
            rating {
              label
              color
            }
          }
        }
      }
    }
  }
`);

/** The "already fact-checked" alert: sentences of this article that repeat a published fact-check's claim. */
export async function RecurringClaims({ articleId }: { articleId: string }) {
  const data = await serverQuery(RecurringQuery, { id: articleId });
  const recurring = data.node && "recurringClaims" in data.node ? data.node.recurringClaims : [];
  if (!recurring.length) return null;
  return (
    <section className="notice" aria-label="Already fact-checked">
      <strong>Already fact-checked:</strong>
      <ul style={{ margin: ".25rem 0 0", paddingLeft: "1rem" }}>
        {recurring.map((r) => (
          <li key={r.factCheck.id + r.sentence}>
            &ldquo;{r.sentence}&rdquo; matches{" "}
            <Link href={`/fact-checks/${encodeURIComponent(r.factCheck.id)}`}>{r.factCheck.headline}</Link>{" "}
            <span className="badge" style={badgeStyle(r.factCheck.rating.color)}>
              {r.factCheck.rating.label}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
