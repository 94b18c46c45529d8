import { defineConfig } from "prisma/config";

// The 6.19 CLI reads the datasource url even for `generate`; without one it
// falls back to downloading a native engine, which these machines cannot.
process.env.DATABASE_URL ??= "postgresql://localhost/claimdesk-unused";

// The CLI uses the WebAssembly schema engine (no native binary download).
// Migrations are applied by our own runner (src/migrate), not by the CLI.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Typed against an older driver-adapter-utils; see pgliteAdapter in src/connect.ts.
    return new PrismaPGlite(new PGlite()) as never;
  },
});
