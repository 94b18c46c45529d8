"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { graphql } from "@/gql";
import { request } from "@/lib/graphql";

const MapVerdict = graphql(`
  mutation MapImportedVerdict($publisherName: String!, $ratingLabel: String!, $ratingId: ID!) {
    mapImportedVerdict(publisherName: $publisherName, ratingLabel: $ratingLabel, ratingId: $ratingId) {
      __typename
      ... on MutationMapImportedVerdictSuccess {
        data {
          applied
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

type Unmapped = { publisherName: string; ratingLabel: string; count: number };

/** Publishers' labels that no rule maps: an editor maps each once, for every import to come. */
export function VerdictMappings({
  unmapped,
  ratings,
  canMap,
}: {
  unmapped: Unmapped[];
  ratings: { id: string; label: string }[];
  canMap: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  if (!unmapped.length) return <p className="muted">Every imported verdict maps to our scale.</p>;
  return (
    <div className="stack">
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Publisher</th>
            <th>Their verdict</th>
            <th>Reviews</th>
            <th>Our rating</th>
          </tr>
        </thead>
        <tbody>
          {unmapped.map((u) => (
            <tr key={`${u.publisherName}\u0000${u.ratingLabel}`}>
              <td>{u.publisherName}</td>
              <td>{u.ratingLabel}</td>
              <td>{u.count}</td>
              <td>
                {canMap ? (
                  <select
                    aria-label={`Our rating for ${u.publisherName}: ${u.ratingLabel}`}
                    defaultValue=""
                    onChange={async (e) => {
                      if (!e.target.value) return;
                      setError(null);
                      const { mapImportedVerdict: r } = await request(MapVerdict, {
                        publisherName: u.publisherName,
                        ratingLabel: u.ratingLabel,
                        ratingId: e.target.value,
                      });
                      if (r.__typename === "MutationMapImportedVerdictSuccess") router.refresh();
                      else setError("message" in r ? r.message : "Could not map");
                    }}
                  >
                    <option value="">Choose…</option>
                    {ratings.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="muted">An editor maps it</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
