import { defineConfig } from "vitest/config";

export default defineConfig({
  // The admin's tsconfig says jsx: preserve (for Next); tests compile JSX themselves.
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["**/node_modules/**"],
    pool: "forks",
    // Two cores: two files at a time, each with its own databases.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
