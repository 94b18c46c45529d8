import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { TypedDocumentString } from "@/gql/graphql";
import { GraphQLRequestError, execute } from "./graphql";

const apiUrl = `${process.env.CLAIMDESK_API_URL ?? "http://127.0.0.1:4000"}/graphql`;

/** From a server component: the API with the visitor's cookie; signed-out desk pages go to /login. */
export async function serverQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const cookie = (await cookies()).toString();
  try {
    return await execute(apiUrl, document, variables, cookie ? { cookie } : {});
  } catch (error) {
    if (error instanceof GraphQLRequestError && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) redirect("/login");
    throw error;
  }
}

/** For public pages: no cookie, no redirect. */
export function publicQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  return execute(apiUrl, document, variables);
}
