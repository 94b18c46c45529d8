import type { TypedDocumentString } from "@/gql/graphql";

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Posts a typed document to the API; top-level errors throw with their code. */
export async function execute<R, V>(
  url: string,
  document: TypedDocumentString<R, V>,
  variables: V,
  headers: Record<string, string> = {},
): Promise<R> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: document.toString(), variables }),
    cache: "no-store",
  });
  let body: { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`The API answered HTTP ${res.status}`, "NETWORK");
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new GraphQLRequestError(first.message, first.extensions?.code);
  }
  return body.data as R;
}

/**
 * From the browser: same-origin /graphql (proxied to the API), with the session cookie.
 * A write that must not happen twice passes the key of its submission (see useSubmit).
 */
export function request<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { idempotencyKey?: string } = {}): Promise<R> {
  return execute("/graphql", document, variables, options.idempotencyKey ? { "idempotency-key": options.idempotencyKey } : {});
}
