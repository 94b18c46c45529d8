import type { Metadata } from "next";
import { graphql } from "@/gql";
import { publicQuery } from "@/lib/server";

const NewsroomQuery = graphql(`
  query PublicNewsroom {
    newsroom {
      name
      url
    }
  }
`);

export async function newsroom() {
  return (await publicQuery(NewsroomQuery, {})).newsroom;
}

/** Canonical link, Open Graph and Twitter card for a public page at `path`. */
export async function pageMetadata(path: string, title: string, description: string): Promise<Metadata> {
  const site = await newsroom();
  const url = `${site.url.replace(/\/$/, "")}${path}`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", title, description, url, siteName: site.name },
    twitter: { card: "summary", title, description },
  };
}
