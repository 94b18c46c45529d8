"use client";
import { useCallback, useRef, useState } from "react";

/**
 * One submission at a time: `busy` is true while it is in flight (for the
 * button's label and disabled state), a second call meanwhile is ignored (a
 * double click lands before React re-renders the disabled button), and each
 * submission gets its own Idempotency-Key so a retried request is answered
 * from the first one instead of writing again.
 */
export function useSubmit() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(work: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    try {
      return await work(newKey());
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}

/** randomUUID exists only in secure contexts; getRandomValues everywhere. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
