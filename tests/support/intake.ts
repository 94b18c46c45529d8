import { intakeSettings } from "@claimdesk/intake";

/** Intake settings for tests: loopback allowed, everything fast. */
export const fastSettings = (env: Record<string, string> = {}) =>
  intakeSettings({
    CLAIMDESK_INTAKE_ALLOW_PRIVATE: "true",
    CLAIMDESK_INTAKE_SCHEDULE_MS: "100",
    CLAIMDESK_INTAKE_POLLING_SECONDS: "0.5",
    CLAIMDESK_INTAKE_MAINTENANCE_SECONDS: "1",
    CLAIMDESK_INTAKE_JOB_TIMEOUT_SECONDS: "3",
    CLAIMDESK_INTAKE_TIMEOUT_MS: "3000",
    ...env,
  });

export async function until<T>(what: string, check: () => Promise<T | false | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
