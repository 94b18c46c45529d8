import type { NextConfig } from "next";

const apiUrl = process.env.CLAIMDESK_API_URL ?? "http://127.0.0.1:4000";

const config: NextConfig = {
  // The browser talks to the API through the admin's own origin, so the
  // session cookie stays first-party and SameSite=Lax.
  async rewrites() {
    return [{ source: "/graphql", destination: `${apiUrl}/graphql` }];
  },
  poweredByHeader: false,
};

export default config;
