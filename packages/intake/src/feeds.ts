import { parseFeed } from "feedsmith";
import { IntakeError } from "./errors.ts";

export interface FeedEntry {
  /** The item's stable identity in the feed: guid/id, else its link. */
  guid: string;
  url: string;
  title: string | null;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string | null;
  entries: FeedEntry[];
}

type Text = string | { value?: string } | undefined;
const text = (value: Text): string | null => (typeof value === "string" ? value : (value?.value ?? null))?.trim() || null;

/** RSS, Atom, RDF and JSON Feed, through feedsmith; items without a usable http(s) link are left out. */
export function parseFeedText(source: string, baseUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(source.replace(/^\uFEFF/, ""));
  } catch {
    throw new IntakeError("NOT_A_FEED", "This address does not serve an RSS, Atom or JSON feed");
  }
  const entries: FeedEntry[] = [];
  const add = (guid: string | null | undefined, link: string | null | undefined, title: string | null, date: string | null | undefined) => {
    const url = absolute(link, baseUrl);
    if (!url) return;
    entries.push({ guid: guid?.trim() || url, url, title, publishedAt: toDate(date) });
  };
  switch (parsed.format) {
    case "rss":
      for (const item of parsed.feed.items ?? [])
        add(
          item.guid?.value,
          item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          text(item.title),
          item.pubDate as string | undefined,
        );
      return { format: "rss", title: text(parsed.feed.title), entries };
    case "rdf":
      for (const item of parsed.feed.items ?? [])
        add(item.rdf?.about, item.link, text(item.title), item.dc?.dates?.[0] as string | undefined);
      return { format: "rdf", title: text(parsed.feed.title), entries };
    case "atom":
      for (const entry of parsed.feed.entries ?? []) {
        const links = entry.links ?? [];
        const link = links.find((l) => !l.rel || l.rel === "alternate")?.href ?? links[0]?.href;
        add(entry.id, link, text(entry.title as Text), (entry.published ?? entry.updated) as string | undefined);
      }
      return { format: "atom", title: text(parsed.feed.title as Text), entries };
    case "json":
      for (const item of parsed.feed.items ?? [])
        add(item.id, item.url ?? item.external_url, text(item.title), item.date_published as string | undefined);
      return { format: "json", title: text(parsed.feed.title), entries };
  }
}

function absolute(link: string | null | undefined, base: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
