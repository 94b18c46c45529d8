import type { NextConfig } from "next";

// The API's address is read at request time (CLAIMDESK_API_URL), by
// src/lib/server.ts and the /graphql route handler, not baked in at build.
const config: NextConfig = {
  poweredByHeader: false,
  // The span helpers are shared with the API as TypeScript source (no Prisma: a subpath of its own).
  transpilePackages: ["@claimdesk/db"],
  // On every response, pages and assets alike; the per-request CSP is set in src/proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      // Previews of unpublished fact-checks are for the newsroom, never for search engines.
      { source: "/claims/:id/preview", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default config;
