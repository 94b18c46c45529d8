"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";
import { formatDate } from "@/lib/format";

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
const UpdateUser = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      __typename
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
const CreateToken = graphql(`
  mutation CreateToken($name: String!, $scopes: [ApiTokenScope!]!) {
    createApiToken(name: $name, scopes: $scopes) {
      __typename
      ... on MutationCreateApiTokenSuccess {
        data {
          token
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
const RevokeToken = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
    }
  }
`);
const UpdateRating = graphql(`
  mutation UpdateRating($id: ID!, $input: RatingInput!) {
    updateRating(id: $id, input: $input) {
      __typename
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const roles = ["FACT_CHECKER", "EDITOR", "ADMIN", "VIEWER"] as const;

export function AdminPanels(props: {
  meId: string;
  users: { id: string; name: string; email?: string | null; role: string; active: boolean }[];
  tokens: {
    id: string;
    name: string;
    prefix: string;
    scopes: string[];
    createdAt: string;
    lastUsedAt?: string | null;
    revokedAt?: string | null;
  }[];
  ratings: { id: string; label: string; description: string; value: number; color: string }[];
}) {
  const router = useRouter();
  const [userErrors, setUserErrors] = useState<FieldErrors>({});
  const [newToken, setNewToken] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <h1>Admin</h1>
      {message ? (
        <p className="alert" role="alert">
          {message}
        </p>
      ) : null}
      <h2>Users and roles</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Role</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={`Role of ${u.name}`}
                  defaultValue={u.role}
                  disabled={u.id === props.meId}
                  onChange={async (e) => {
                    const { updateUser: r } = await request(UpdateUser, { input: { id: u.id, role: e.target.value as never } });
                    if (r.__typename !== "MutationUpdateUserSuccess") setMessage("message" in r ? r.message : "Could not change the role");
                    router.refresh();
                  }}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r.replace("_", "-").toLowerCase()}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${u.name} is active`}
                  defaultChecked={u.active}
                  disabled={u.id === props.meId}
                  onChange={async (e) => {
                    await request(UpdateUser, { input: { id: u.id, active: e.target.checked } });
                    router.refresh();
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="card stack"
        style={{ maxWidth: 520, marginTop: "1rem" }}
        aria-label="Add a user"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const { createUser: r } = await request(CreateUser, {
            input: {
              email: String(data.get("email")),
              name: String(data.get("name")),
              role: String(data.get("role")) as never,
              password: String(data.get("password")),
            },
          });
          if (r.__typename === "MutationCreateUserSuccess") {
            form.reset();
            setUserErrors({});
            router.refresh();
          } else if (r.__typename === "ValidationError") setUserErrors(fieldErrorsFrom(r.fieldErrors));
          else setUserErrors({ _form: "message" in r ? r.message : "Could not add the user" });
        }}
      >
        <h3 style={{ margin: 0 }}>Add a user</h3>
        <label>
          Name
          <input name="name" aria-invalid={!!userErrors.name} />
          {userErrors.name ? <span className="field-error">{userErrors.name}</span> : null}
        </label>
        <label>
          E-mail
          <input name="email" type="email" aria-invalid={!!userErrors.email} />
          {userErrors.email ? <span className="field-error">{userErrors.email}</span> : null}
        </label>
        <label>
          Role
          <select name="role" defaultValue="FACT_CHECKER">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r.replace("_", "-").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Initial password (12+ characters)
          <input name="password" type="password" aria-invalid={!!userErrors.password} />
          {userErrors.password ? <span className="field-error">{userErrors.password}</span> : null}
        </label>
        {userErrors._form ? <p className="alert">{userErrors._form}</p> : null}
        <div>
          <button className="primary" type="submit">
            Add user
          </button>
        </div>
      </form>

      <h2>My API tokens</h2>
      {newToken ? (
        <p className="ok" role="status">
          New token (copy it now; it is not shown again): <code data-testid="new-token">{newToken}</code>
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Token</th>
            <th>Scopes</th>
            <th>Created</th>
            <th>Last used</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.scopes.join(", ")}</td>
              <td>{formatDate(t.createdAt)}</td>
              <td>{formatDate(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? (
                  <span className="muted">revoked</span>
                ) : (
                  <button
                    type="button"
                    className="danger"
                    onClick={async () => {
                      await request(RevokeToken, { id: t.id });
                      router.refresh();
                    }}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="row"
        style={{ marginTop: ".5rem" }}
        onSubmit={async (e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const scopes = data.get("write") ? ["read", "write"] : ["read"];
          const { createApiToken: r } = await request(CreateToken, { name: String(data.get("name")), scopes: scopes as never });
          if (r.__typename === "MutationCreateApiTokenSuccess") {
            setNewToken(r.data.token);
            router.refresh();
          } else setMessage("message" in r ? r.message : "Could not create the token");
        }}
      >
        <input name="name" placeholder="Token name" aria-label="Token name" required />
        <label className="row" style={{ flexDirection: "row", fontWeight: 400 }}>
          <input type="checkbox" name="write" /> can write
        </label>
        <button type="submit">Create token</button>
      </form>

      <h2>Rating scale</h2>
      <div className="stack">
        {props.ratings.map((r) => (
          <RatingRow key={r.id} rating={r} onSaved={() => router.refresh()} />
        ))}
      </div>
    </>
  );
}

function RatingRow({
  rating,
  onSaved,
}: {
  rating: { id: string; label: string; description: string; value: number; color: string };
  onSaved: () => void;
}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <form
      className="row card"
      aria-label={`Rating ${rating.label}`}
      onSubmit={async (e) => {
        e.preventDefault();
        const d = new FormData(e.currentTarget);
        const { updateRating: r } = await request(UpdateRating, {
          id: rating.id,
          input: {
            label: String(d.get("label")),
            description: String(d.get("description")),
            value: Number(d.get("value")),
            color: String(d.get("color")),
          },
        });
        if (r.__typename === "MutationUpdateRatingSuccess") {
          setErrors({});
          onSaved();
        } else if (r.__typename === "ValidationError") setErrors(fieldErrorsFrom(r.fieldErrors));
        else setErrors({ _form: "message" in r ? r.message : "Could not save" });
      }}
    >
      <label>
        Label
        <input name="label" defaultValue={rating.label} aria-invalid={!!errors.label} />
      </label>
      <label style={{ flex: 1 }}>
        Definition
        <input name="description" defaultValue={rating.description} aria-invalid={!!errors.description} />
      </label>
      <label>
        Value
        <input name="value" type="number" defaultValue={rating.value} style={{ width: "5rem" }} />
      </label>
      <label>
        Colour
        <input name="color" type="color" defaultValue={rating.color} />
      </label>
      <button type="submit">Save</button>
      {Object.values(errors).length ? <span className="field-error">{Object.values(errors).join("; ")}</span> : null}
    </form>
  );
}
