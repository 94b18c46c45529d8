import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/SignOutButton";
import { UnsavedChangesGuard } from "@/components/UnsavedChangesGuard";
import { graphql } from "@/gql";
import { serverQuery } from "@/lib/server";

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      role
    }
    viewerCan {
      readTheDesk
      administer
      readInbox
    }
    inboxUnreadCount
  }
`);

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const { me, viewerCan, inboxUnreadCount } = await serverQuery(MeQuery, {});
  if (!me || !viewerCan.readTheDesk) redirect(me ? "/fact-checks" : "/login");
  return (
    <>
      <header className="top">
        <Link href="/" className="brand">
          Claimdesk
        </Link>
        <nav aria-label="Main">
          <Link href="/">Desk</Link>
          <Link href="/articles">Articles</Link>
          <Link href="/sources">Sources</Link>
          <Link href="/outlets">Feeds</Link>
          <Link href="/published">Published</Link>
          <Link href="/import">Import</Link>
          {viewerCan.readInbox ? (
            <Link href="/inbox" data-testid="inbox-link" data-unread={inboxUnreadCount}>
              Inbox
              {inboxUnreadCount ? (
                <span className="badge inbox-count">
                  {inboxUnreadCount}
                  <span className="visually-hidden"> unread</span>
                </span>
              ) : null}
            </Link>
          ) : null}
          {viewerCan.administer ? <Link href="/admin">Admin</Link> : null}
          {viewerCan.administer ? <Link href="/trust-pages">Trust pages</Link> : null}
        </nav>
        <span className="muted who">
          {me.name} · {me.role.replace("_", "-").toLowerCase()}
        </span>
        <SignOutButton />
      </header>
      <UnsavedChangesGuard />
      <main>{children}</main>
    </>
  );
}
