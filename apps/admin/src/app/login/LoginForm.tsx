"use client";
import { useState } from "react";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export function LoginForm({ sampleAccounts }: { sampleAccounts: { label: string; email: string; password: string }[] }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(email: string, password: string) {
    setBusy(true);
    setError(null);
    try {
      const { login } = await request(Login, { email, password });
      if (login.__typename === "MutationLoginSuccess") window.location.assign("/");
      else setError("message" in login ? login.message : "Sign-in failed");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void signIn(String(form.get("email")), String(form.get("password")));
        }}
      >
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p className="alert" role="alert">
            {error}
          </p>
        ) : null}
        <button className="primary" type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {sampleAccounts.length ? (
        <div className="card">
          <p className="muted">Sample newsroom (development data): sign in as</p>
          <div className="row">
            {sampleAccounts.map((account) => (
              <button key={account.email} type="button" disabled={busy} onClick={() => void signIn(account.email, account.password)}>
                {account.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
