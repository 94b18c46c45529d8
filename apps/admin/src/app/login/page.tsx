import { LoginForm } from "./LoginForm";

export const metadata = { title: "Sign in" };

// Read at request time: the quick start (sample data) turns on one-click sign-in.
export const dynamic = "force-dynamic";

const sampleAccounts = () =>
  process.env.NODE_ENV === "production" && process.env.CLAIMDESK_SAMPLE_ACCOUNTS !== "true"
    ? []
    : [
        { label: "Fact-checker", email: "checker@claimdesk.local", password: "claimdesk-checker" },
        { label: "Editor", email: "editor@claimdesk.local", password: "claimdesk-editor" },
        { label: "Admin", email: "admin@claimdesk.local", password: "claimdesk-admin" },
      ];

export default function LoginPage() {
  return (
    <main style={{ maxWidth: 420 }}>
      <h1>Sign in to Claimdesk</h1>
      <LoginForm sampleAccounts={sampleAccounts()} />
    </main>
  );
}
