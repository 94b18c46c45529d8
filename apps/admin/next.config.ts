import type { NextConfig } from "next";

// The API's address is read at request time (CLAIMDESK_API_URL), by
// src/lib/server.ts and the /graphql route handler, not baked in at build.
const config: NextConfig = {
  poweredByHeader: false,
};

export default config;
