import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, type Page, chromium } from "playwright-core";
import { freePort } from "./ports.ts";

const adminDir = new URL("../../apps/admin/", import.meta.url).pathname;
export const screenshotDir = new URL("../test-results/screenshots/", import.meta.url).pathname;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface AdminServer {
  url: string;
  stop(): Promise<void>;
}

/** Serves the built admin app (its server.mjs, as `npm start` does) against the given API. */
export async function startAdmin(apiUrl: string, portWanted?: number): Promise<AdminServer> {
  if (!fs.existsSync(path.join(adminDir, ".next", "BUILD_ID"))) {
    throw new Error("The admin app is not built: run `npm test` from the repository root (it builds first) or `npm run build`.");
  }
  const port = portWanted ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: adminDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      CLAIMDESK_API_URL: apiUrl,
      CLAIMDESK_SAMPLE_ACCOUNTS: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`the admin server exited: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: apt-get install -y chromium (CI's .ci/run does this).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** Selects `text` inside the element like a mouse drag would, then releases the mouse. */
export async function selectText(page: Page, containerSelector: string, text: string): Promise<void> {
  await page.evaluate(
    ([selector, wanted]) => {
      const container = document.querySelector(selector!)!;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const index = node.textContent!.indexOf(wanted!);
        if (index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + wanted!.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
          return;
        }
      }
      throw new Error(`"${wanted}" is not in ${selector}`);
    },
    [containerSelector, text],
  );
}
