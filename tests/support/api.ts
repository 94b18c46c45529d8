import { createApi, loadConfig, type Api } from "@claimdesk/api";
import { seed } from "@claimdesk/db";
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from "@claimdesk/db/testing";
import pino from "pino";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Headers;
}

/** A GraphQL client over real HTTP, keeping its own session cookie like a browser. */
export class Client {
  cookie: string | null = null;
  constructor(
    readonly url: string,
    readonly bearer: string | null = null,
  ) {}

  async request<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    init: { headers?: Record<string, string> } = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { "content-type": "application/json", ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const value = setCookie.split(";")[0]!;
      this.cookie = value.endsWith("=") ? null : value;
    }
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse["errors"] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Like request, but fails the test on any GraphQL error. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || result.status !== 200) {
      throw new Error(`GraphQL errors (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
    }
    return result.data as T;
  }

  async login(email: string, password: string): Promise<this> {
    const data = await this.ok(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename ... on Error { message } } }`,
      { email, password },
    );
    if (data.login.__typename !== "MutationLoginSuccess") throw new Error(`login failed: ${JSON.stringify(data.login)}`);
    return this;
  }
}

export const accounts = {
  admin: ["admin@claimdesk.local", "claimdesk-admin"],
  editor: ["editor@claimdesk.local", "claimdesk-editor"],
  checker: ["checker@claimdesk.local", "claimdesk-checker"],
  viewer: ["viewer@claimdesk.local", "claimdesk-viewer"],
} as const;

export interface TestApi {
  url: string;
  api: Api;
  db: TestDatabase;
  /** SQL statements Prisma sent since the last reset. */
  statements: string[];
  client(): Client;
  as(role: keyof typeof accounts): Promise<Client>;
  stop(): Promise<void>;
}

/** Starts the real API on a fresh, migrated and seeded database, on a free port. */
export async function startTestApi(kind: TestDatabaseKind, env: Record<string, string> = {}): Promise<TestApi> {
  const statements: string[] = [];
  const db = await createTestDatabase(kind, { onQuery: (sql) => statements.push(sql) });
  await seed(db.prisma);
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", ...env });
  const api = await createApi(db, config, pino({ level: process.env.CLAIMDESK_TEST_LOG ?? "silent" }));
  const url = await api.listen();
  return {
    url,
    api,
    db,
    statements,
    client: () => new Client(url),
    as: (role) => new Client(url).login(accounts[role][0], accounts[role][1]),
    async stop() {
      await api.stop();
      await db.destroy();
    },
  };
}

export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}
