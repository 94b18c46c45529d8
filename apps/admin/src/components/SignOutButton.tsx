"use client";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const Logout = graphql(`
  mutation Logout {
    logout {
      ok
    }
  }
`);

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await request(Logout, {});
        window.location.assign("/login");
      }}
    >
      Sign out
    </button>
  );
}
