import Link from "next/link";

/** The pages a signatory of fact-checking codes publishes about itself: linked from every public fact-check. */
export const trustPages = [
  { href: "/methodology", label: "How we rate claims" },
  { href: "/corrections-policy", label: "Corrections policy" },
  { href: "/ownership-and-funding", label: "Ownership and funding" },
] as const;

export function TrustLinks() {
  return (
    <nav aria-label="About our fact-checking" className="muted" data-testid="trust-links">
      {trustPages.map((p, i) => (
        <span key={p.href}>
          {i ? " · " : ""}
          <Link href={p.href}>{p.label}</Link>
        </span>
      ))}
    </nav>
  );
}
