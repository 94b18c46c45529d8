// Bundles the API and the workspace packages it uses (TypeScript sources)
// into dist/main.mjs (and the intake worker into dist/worker.mjs), so production runs plain `node` without a TypeScript
// loader (the loader's thread alone costs ~35 MB). npm packages stay external.
import { build } from "esbuild";

await build({
  entryPoints: ["src/main.ts", "src/worker.ts"],
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [
    {
      name: "npm-packages-external",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith("@claimdesk/") ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
