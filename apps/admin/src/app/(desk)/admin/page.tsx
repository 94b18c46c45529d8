import { redirect } from "next/navigation";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";
import { AdminPanels } from "./AdminPanels";

export const metadata = { title: "Admin" };

const AdminQuery = graphql(`
  query Admin {
    me {
      id
      role
    }
    viewerCan {
      administer
    }
    users(includeInactive: true) {
      id
      name
      email
      role
      active
    }
    apiTokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
    defaultRatingScale {
      ratings {
        id
        label
        description
        value
        color
      }
    }
  }
`);

export default async function AdminPage() {
  const data = await serverQuery(AdminQuery, {});
  if (!data.me || !data.viewerCan.administer) redirect("/");
  return <AdminPanels meId={data.me.id} users={data.users} tokens={data.apiTokens} ratings={data.defaultRatingScale?.ratings ?? []} />;
}
