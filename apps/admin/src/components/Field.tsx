import type { ReactNode } from "react";

export type FieldErrors = Record<string, string>;

/** Maps the API's ValidationError field paths (["input", "title"]) to form field names. */
export function fieldErrorsFrom(errors: { path: string[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const name = error.path.filter((p) => p !== "input").join(".") || "_form";
    out[name] = out[name] ? `${out[name]}; ${error.message}` : error.message;
  }
  return out;
}

/** A labelled control with its error underneath, tied together for screen readers. */
export function Field({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `field-${name}`;
  return (
    <label htmlFor={id}>
      {label}
      {children({ id, name, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined })}
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </label>
  );
}
