import type { Metadata } from "next";
import { Markdown } from "@/components/Markdown";
import { badgeStyle, correctionLine, formatDate } from "@/lib/format";

/** What the public page shows: a published fact-check, or the preview of one (see /claims/[id]/preview). */
export interface FactCheckViewData {
  headline: string;
  summary?: string | null;
  claimReviewed: string;
  publishedAt: string;
  dateModified?: string | null;
  publisherName: string;
  explanation: string;
  rating: { label: string; description: string; color: string } | null;
  speaker: { name: string; title?: string | null } | null;
  appearances: {
    article: { title: string; canonicalUrl?: string | null; publishedAt?: string | null; outlet?: { name: string } | null };
  }[];
  evidence: {
    stance: string;
    passage?: string | null;
    location?: string | null;
    source: { title: string; url?: string | null; publisher?: string | null };
  }[];
  corrections: {
    id: string;
    whatChanged: string;
    reason: string;
    createdAt: string;
    retractedAt?: string | null;
    retractionReason?: string | null;
  }[];
}

/** The Open Graph / Twitter card fields of a fact-check: the page's metadata and the preview's card are both made from these. */
export interface SocialCard {
  title: string;
  description: string;
  url: string | null;
  siteName: string;
  /** None yet: fact-checks carry no image, and the card is the text-only "summary" kind. */
  image: string | null;
  card: "summary" | "summary_large_image";
}

export function socialCard(fc: {
  headline: string;
  claimReviewed: string;
  rating: { label: string } | null;
  url?: string | null;
  publisherName: string;
}): SocialCard {
  return {
    title: fc.headline,
    description: fc.rating ? `${fc.rating.label}: ${fc.claimReviewed}` : fc.claimReviewed,
    url: fc.url ?? null,
    siteName: fc.publisherName,
    image: null,
    card: "summary",
  };
}

export function socialMetadata(card: SocialCard, dates: { publishedAt: string; dateModified?: string | null }): Metadata {
  const url = card.url ?? undefined;
  return {
    title: card.title,
    description: card.description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title: card.title,
      description: card.description,
      url,
      siteName: card.siteName,
      publishedTime: dates.publishedAt,
      ...(dates.dateModified ? { modifiedTime: dates.dateModified } : {}),
      ...(card.image ? { images: [card.image] } : {}),
    },
    twitter: { card: card.card, title: card.title, description: card.description, ...(card.image ? { images: [card.image] } : {}) },
  };
}

const stanceText: Record<string, string> = { SUPPORTS: "supports", REFUTES: "refutes", CONTEXT: "context" };

/** The body of the public fact-check page (server-rendered; the caller adds JSON-LD where it is public). */
export function FactCheckView({ fc }: { fc: FactCheckViewData }) {
  return (
    <>
      <p className="muted">
        {fc.publisherName} · Fact-check · {formatDate(fc.publishedAt)}
        {/* A retracted correction changes the page too: "updated" says both, "corrected" would not. */}
        {fc.dateModified ? ` · updated ${formatDate(fc.dateModified)}` : ""}
      </p>
      <h1>{fc.headline}</h1>
      <section className="card stack" aria-label="Verdict">
        <div>
          <strong>Claim:</strong> {fc.claimReviewed}
        </div>
        {fc.speaker ? (
          <div className="muted">
            {fc.speaker.name}
            {fc.speaker.title ? `, ${fc.speaker.title}` : ""}
          </div>
        ) : null}
        {fc.rating ? (
          <div>
            <span className="badge badge-rating" style={{ ...badgeStyle(fc.rating.color), fontSize: "1rem" }} data-testid="verdict">
              {fc.rating.label}
            </span>{" "}
            <span className="muted">{fc.rating.description}</span>
          </div>
        ) : null}
      </section>
      {fc.summary ? (
        <p>
          <strong>{fc.summary}</strong>
        </p>
      ) : null}
      <Markdown source={fc.explanation} />
      <h2>Sources</h2>
      <ol>
        {fc.evidence.map((e, i) => (
          <li key={i}>
            {e.source.url ? (
              <a href={e.source.url} rel="noopener noreferrer">
                {e.source.title}
              </a>
            ) : (
              e.source.title
            )}
            {e.source.publisher ? `, ${e.source.publisher}` : ""}{" "}
            <span className="muted">
              ({stanceText[e.stance]}
              {e.location ? `; ${e.location}` : ""})
            </span>
            {e.passage ? <blockquote>{e.passage}</blockquote> : null}
          </li>
        ))}
      </ol>
      {fc.appearances.length ? (
        <>
          <h2>Where the claim appeared</h2>
          <ul>
            {fc.appearances.map((a, i) => (
              <li key={i}>
                {a.article.canonicalUrl ? (
                  <a href={a.article.canonicalUrl} rel="noopener noreferrer nofollow">
                    {a.article.title}
                  </a>
                ) : (
                  a.article.title
                )}
                {a.article.outlet ? `, ${a.article.outlet.name}` : ""}{" "}
                {a.article.publishedAt ? `(${formatDate(a.article.publishedAt)})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>Corrections</h2>
      {fc.corrections.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="corrections">
          {fc.corrections.map((c) => (
            <li key={c.id}>
              <strong>{formatDate(c.createdAt)}:</strong> {c.retractedAt ? <del>{correctionLine(c)}</del> : correctionLine(c)}
              {c.retractedAt ? (
                <div data-testid="retraction">
                  <strong>Retracted {formatDate(c.retractedAt)}:</strong>{" "}
                  {correctionLine({ whatChanged: "This correction was withdrawn", reason: c.retractionReason ?? "" })}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
