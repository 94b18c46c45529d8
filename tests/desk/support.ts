import type { DeskContext, Viewer } from "@claimdesk/desk";
import type { Role } from "@claimdesk/db";
import type { TestDatabase } from "@claimdesk/db/testing";

export const users = {
  admin: { id: "seed-user-admin", role: "ADMIN" },
  editor: { id: "seed-user-editor", role: "EDITOR" },
  checker: { id: "seed-user-checker", role: "FACT_CHECKER" },
  viewer: { id: "seed-user-viewer", role: "VIEWER" },
} as const satisfies Record<string, { id: string; role: Role }>;

/** A desk context for one of the sample users, as the HTTP layer would build it. */
export function deskAs(db: TestDatabase, who: keyof typeof users | null, extra: Partial<DeskContext> = {}): DeskContext {
  const user = who ? users[who] : null;
  const viewer: Viewer | null = user ? { id: user.id, role: user.role, name: who!, via: { kind: "session", sessionId: "test" } } : null;
  return {
    prisma: db.prisma,
    viewer,
    requestId: "test",
    newsroom: { name: "Test desk", url: "https://desk.example" },
    idempotency: null,
    ...extra,
  };
}

/** Expects the promise to fail with an error of this class; returns it. */
export async function failure<E>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected ${type.name}, but it succeeded`);
}
