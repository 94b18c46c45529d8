import { spawnSync } from "node:child_process";

/** Runs a benchmark script (`bench/<file>`) to the end, as a user would; its whole output and exit status. */
export function runBenchScript(file: string, args: string[], timeoutMs: number): { status: number | null; output: string } {
  const result = spawnSync("npx", ["tsx", `bench/${file}`, ...args], {
    cwd: new URL("..", import.meta.url).pathname,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
    timeout: timeoutMs,
  });
  return { status: result.status, output: result.stdout + result.stderr };
}
