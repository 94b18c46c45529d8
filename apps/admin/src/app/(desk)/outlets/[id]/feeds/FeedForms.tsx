"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, type FieldErrors, fieldErrorsFrom } from "@/components/Field";
import { RefreshWhile } from "@/components/RefreshWhile";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const AddFeed = graphql(`
  mutation AddFeed($input: AddFeedInput!) {
    addFeed(input: $input) {
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

const UpdateFeed = graphql(`
  mutation UpdateFeed($input: UpdateFeedInput!) {
    updateFeed(input: $input) {
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

const DeleteFeed = graphql(`
  mutation DeleteFeed($id: ID!) {
    deleteFeed(id: $id) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

export function NewFeedForm({ outletId }: { outletId: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        setBusy(true);
        setErrors({});
        try {
          const { addFeed: result } = await request(AddFeed, {
            input: { outletId, url: String(data.get("url") ?? ""), intervalMinutes: Number(data.get("intervalMinutes") || 15) },
          });
          if (result.__typename === "MutationAddFeedSuccess") {
            form.reset();
            router.refresh();
          } else if (result.__typename === "ValidationError") setErrors(fieldErrorsFrom(result.fieldErrors));
          else setErrors({ url: "message" in result ? result.message : "The feed could not be added" });
        } catch (e) {
          setErrors({ _form: (e as Error).message });
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="row">
        <Field label="Feed address (RSS, Atom or JSON Feed)" name="url" error={errors.url}>
          {(p) => <input {...p} type="url" placeholder="https://" required />}
        </Field>
        <Field label="Poll every (minutes)" name="intervalMinutes" error={errors.intervalMinutes}>
          {(p) => <input {...p} type="number" min={1} max={1440} defaultValue={15} />}
        </Field>
      </div>
      {errors._form ? (
        <p className="alert" role="alert">
          {errors._form}
        </p>
      ) : null}
      <div>
        <button className="primary" type="submit" disabled={busy}>
          {busy ? "Checking the feed…" : "Add feed"}
        </button>
      </div>
    </form>
  );
}

export function FeedControls({
  id,
  active,
  intervalMinutes,
  lastPolledAt,
}: {
  id: string;
  active: boolean;
  intervalMinutes: number;
  lastPolledAt: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // "Poll now" is done when the server reports a poll newer than the one seen when it was pressed.
  const [pollAsked, setPollAsked] = useState<{ since: string | null } | null>(null);
  const polling = pollAsked !== null && pollAsked.since === lastPolledAt;
  async function run(work: () => Promise<{ __typename: string; message?: string; fieldErrors?: { message: string }[] }>) {
    setError(null);
    try {
      const result = await work();
      if (result.__typename.endsWith("Success")) return router.refresh();
      setPollAsked(null);
      setError(result.fieldErrors?.map((e) => e.message).join("; ") ?? result.message ?? "Could not change the feed");
    } catch (e) {
      setPollAsked(null);
      setError((e as Error).message);
    }
  }
  return (
    <div className="row">
      <button
        type="button"
        disabled={polling}
        onClick={() => {
          setPollAsked({ since: lastPolledAt });
          void run(async () => (await request(UpdateFeed, { input: { id, pollNow: true } })).updateFeed);
        }}
      >
        {polling ? "Polling…" : "Poll now"}
      </button>
      <RefreshWhile active={polling}>The worker polls this feed within seconds; this page updates by itself.</RefreshWhile>
      <button
        type="button"
        onClick={() => void run(async () => (await request(UpdateFeed, { input: { id, active: !active } })).updateFeed)}
      >
        {active ? "Pause" : "Resume"}
      </button>
      <label>
        Every{" "}
        <select
          defaultValue={intervalMinutes}
          onChange={(e) =>
            void run(async () => (await request(UpdateFeed, { input: { id, intervalMinutes: Number(e.target.value) } })).updateFeed)
          }
        >
          {[...new Set([5, 15, 30, 60, 240, 1440, intervalMinutes])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={m}>
                {m} min
              </option>
            ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => {
          if (window.confirm("Remove this feed? The articles it brought in stay."))
            void run(async () => (await request(DeleteFeed, { id })).deleteFeed);
        }}
      >
        Remove
      </button>
      {error ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
