import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import { openDatabase } from "@claimdesk/db";
import { createTestTarget } from "@claimdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// What a newsroom meets on its own server: db:setup, the first admin, and a
// production API that will not run with the README's sample passwords.
const root = new URL("../../", import.meta.url).pathname;
const tsx = `${root}node_modules/.bin/tsx`;

// Each step is a fresh process (tsx, PGlite, argon2): slow on a loaded two-core machine.
describe("setting up a newsroom's own server (embedded database)", { timeout: 300_000 }, () => {
  let dataDir: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await createTestTarget("pglite");
    if (made.target.kind !== "pglite") throw new Error("expected an embedded database");
    dataDir = made.target.dataDir;
    drop = made.drop;
  });
  afterAll(async () => drop?.());

  const env = () => ({ ...process.env, DATABASE_URL: "", CLAIMDESK_DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn" });
  const db = (script: string, args: string[] = [], input?: string): SpawnSyncReturns<string> =>
    spawnSync(tsx, [`src/cli/${script}.ts`, ...args], { cwd: `${root}packages/db`, env: env(), encoding: "utf8", input, timeout: 120_000 });
  async function users() {
    const opened = await openDatabase({ kind: "pglite", dataDir });
    try {
      return await opened.prisma.user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    } finally {
      await opened.close();
    }
  }

  it("db:setup migrates and loads the rating scale, and creates no account", async () => {
    const result = db("setup");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/seeded 1 RatingScale, 6 Rating/);
    expect(result.stdout).toMatch(/npm run db:create-admin/);
    expect(await users()).toEqual([]);
  });

  it("db:create-admin refuses weak, breached and sample passwords, each with a reason", () => {
    const refusals = {
      short: db("create-admin", ["--email", "chief@newsroom.example", "--password", "tiny"]),
      breached: db("create-admin", ["--email", "chief@newsroom.example", "--password", "password1234"]),
      sample: db("create-admin", ["--email", "chief@newsroom.example", "--password", "claimdesk-admin"]),
      guessable: db("create-admin", ["--email", "chief@newsroom.example", "--password", "newsroom2026!"]),
      noEmail: db("create-admin", ["--password", "correct horse battery staple"]),
    };
    for (const result of Object.values(refusals)) expect(result.status).toBe(1);
    expect(refusals.short.stderr.trim()).toBe("error: The password must have at least 12 characters.");
    expect(refusals.breached.stderr).toMatch(/^error: The password is too easy to guess/);
    expect(refusals.sample.stderr).toMatch(/sample password published in the README/);
    expect(refusals.guessable.stderr).toMatch(/too easy to guess \(There should not be any personal or page related data\)/);
    expect(refusals.noEmail.stderr).toMatch(/^error: usage: npm run db:create-admin/);
    for (const result of Object.values(refusals)) expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("db:create-admin creates an admin (password from standard input) and refuses a second account with that e-mail", async () => {
    const created = db("create-admin", ["--email", "Chief@Newsroom.example", "--name", "Chief Editor"], "violet-tundra-48-kettle-quorum\n");
    expect(created.stderr).toBe("");
    expect(created.stdout).toMatch(/created the admin chief@newsroom.example/);
    expect(await users()).toEqual([{ email: "chief@newsroom.example", role: "ADMIN" }]);
    const again = db("create-admin", ["--email", "chief@newsroom.example", "--password", "another-long-phrase-91-orbit"]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe("error: an account for chief@newsroom.example exists already");
  });

  it("a production API with the sample newsroom refuses to start, naming the accounts, unless allowed", async () => {
    expect(db("seed", ["--sample"]).status).toBe(0);
    const refused = spawnSync(tsx, ["src/main.ts"], {
      cwd: `${root}apps/api`,
      env: { ...env(), PORT: "0" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(refused.status).toBe(1);
    const line = refused.stderr.trim();
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toMatch(/^error: the sample accounts .*admin@claimdesk\.local.* still have their README password\./);
    expect(line).toMatch(/CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS=true/);

    const allowed = await startApi({ ...env(), PORT: "0", LOG_LEVEL: "info", CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true" });
    expect(allowed.output).toMatch(/Claimdesk API on http:\/\/127\.0\.0\.1:\d+\/graphql/);
    // SIGINT drained and closed the database (tsx, the parent here, reports the signal as 130).
    expect([0, 130]).toContain(allowed.code);
  });

  it("a busy port is one line naming it, exit 1, and the embedded database is released", async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const api = spawnSync(tsx, ["src/main.ts"], {
        cwd: `${root}apps/api`,
        env: { ...env(), PORT: String(port), CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true" },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(api.status).toBe(1);
      expect(api.stderr.trim()).toBe(`error: port ${port} is already in use (another Claimdesk API?); stop it or set PORT`);

      const preflight = spawnSync(process.execPath, ["scripts/check-ports.mjs"], {
        cwd: root,
        env: { ...process.env, PORT: String(port) },
        encoding: "utf8",
      });
      expect(preflight.status).toBe(1);
      expect(preflight.stderr.trim()).toMatch(new RegExp(`^error: port ${port} is already in use, and the API needs it`));
      expect(preflight.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      busy.close();
    }
    // The refused start closed the embedded database: it opens again at once.
    expect((await users()).length).toBeGreaterThan(0);
  });
});

/** Starts the API, waits for its "listening" line, then stops it with SIGINT as Ctrl-C would. */
function startApi(env: NodeJS.ProcessEnv): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["src/main.ts"], { cwd: `${root}apps/api`, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      reject(new Error(`the API did not start: ${output}`));
    }, 240_000);
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (/Claimdesk API on/.test(output)) process.kill(-child.pid!, "SIGINT");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}
