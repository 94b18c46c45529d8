import { LoginForm } from "./LoginForm";

export const metadata = { title: "Sign in" };

// In development the sample accounts can sign in with one click.
const sampleAccounts =
  process.env.NODE_ENV === "production" && process.env.CLAIMDESK_SHOW_SAMPLE_ACCOUNTS !== "true"
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
      <LoginForm sampleAccounts={sampleAccounts} />
    </main>
  );
}
