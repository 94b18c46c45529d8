"use client";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useSubmit } from "@/lib/useSubmit";

/**
 * A confirmation for a move readers will see (unpublishing, retracting): a
 * modal dialog that asks for the reason, which is required and recorded.
 * `onConfirm` gets the reason and the submission's Idempotency-Key and
 * answers an error message, or null when done (the dialog then closes).
 */
export function ConfirmDialog({
  title,
  children,
  reasonLabel,
  confirmLabel,
  busyLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  busyLabel: string;
  onConfirm: (reason: string, idempotencyKey: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useSubmit();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Escape closes, except while the request is in flight.
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        className="stack"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError("Give the reason: it is recorded with the change.");
            return;
          }
          void run(async (key) => {
            try {
              const problem = await onConfirm(reason.trim(), key);
              if (problem) setError(problem);
              else onClose();
            } catch (err) {
              setError((err as Error).message);
            }
          });
        }}
      >
        <h2 id={titleId} style={{ margin: 0 }}>
          {title}
        </h2>
        {children}
        <label>
          {reasonLabel}
          <textarea
            rows={3}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!error}
            disabled={busy}
            autoFocus
          />
        </label>
        {error ? (
          <p className="alert" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="danger" disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
