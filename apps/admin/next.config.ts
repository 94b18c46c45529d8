import type { NextConfig } from "next";

// The API's address is read at request time (CLAIMDESK_API_URL), by
// src/lib/server.ts and the /graphql route handler, not baked in at build.
const config: NextConfig = {
  poweredByHeader: false,
  // The span helpers are shared with the API as TypeScript source (no Prisma: a subpath of its own).
  transpilePackages: ["@claimdesk/db"],
};

export default config;
