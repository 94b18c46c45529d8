import Link from "next/link";
import type { ReactNode } from "react";
import { newsroom } from "./site";
import { trustPages } from "./TrustLinks";

/** The public site: the newsroom's name, its fact-checks and the pages about how it works. */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const site = await newsroom();
  return (
    <>
      <header className="top" data-testid="site-header">
        <Link href="/fact-checks" className="brand">
          {site.name}
        </Link>
        <nav aria-label="Site">
          <Link href="/fact-checks">Fact-checks</Link>
          {trustPages.map((p) => (
            <Link key={p.href} href={p.href}>
              {p.label}
            </Link>
          ))}
        </nav>
      </header>
      {children}
    </>
  );
}
