import Link from "next/link";
import { RatingBadge } from "@/components/StatusBadge";
import { graphql } from "@/gql";
import { formatDateTime } from "@/lib/format";
import { serverQuery } from "@/lib/server";

const ArrivedQuery = graphql(`
  query ArrivedFromFeeds {
    arrivedFromFeeds(first: 8) {
      id
      ingestedAt
      topCheckworthiness
      feed {
        outlet {
          name
        }
      }
      article {
        id
        title
        suggestions(first: 1) {
          text
        }
        recurringClaims {
          sentence
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

/** What came in from the outlets' feeds this week: repeats of checked claims first. */
export async function ArrivedFromFeeds() {
  const { arrivedFromFeeds: items } = await serverQuery(ArrivedQuery, {});
  if (items.length === 0) return null;
  return (
    <section className="card" aria-label="Arrived from feeds">
      <h2>Arrived from feeds</h2>
      <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
        {items.map((item) =>
          item.article ? (
            <li key={item.id}>
              <Link href={`/articles/${encodeURIComponent(item.article.id)}`}>{item.article.title}</Link>
              <div className="muted">
                {item.feed.outlet.name} · {item.ingestedAt ? formatDateTime(item.ingestedAt) : ""}
              </div>
              {item.article.recurringClaims.slice(0, 2).map((r) => (
                <p key={r.factCheck.id} className="notice" role="note">
                  Repeats a checked claim: “{r.sentence}” — <RatingBadge rating={r.factCheck.rating} />{" "}
                  <Link href={`/fact-checks/${encodeURIComponent(r.factCheck.id)}`}>{r.factCheck.headline}</Link>
                </p>
              ))}
              {item.article.suggestions[0] ? <div className="muted">Most check-worthy: “{item.article.suggestions[0].text}”</div> : null}
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}
