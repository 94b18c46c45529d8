export const statusLabels: Record<string, string> = {
  UNREVIEWED: "Unreviewed",
  SELECTED: "Selected",
  RESEARCHING: "Researching",
  IN_REVIEW: "In review",
  PUBLISHED: "Published",
  DISMISSED: "Dismissed",
};

export const statusColors: Record<string, string> = {
  UNREVIEWED: "#8c959f",
  SELECTED: "#0969da",
  RESEARCHING: "#8250df",
  IN_REVIEW: "#bf8700",
  PUBLISHED: "#1a7f37",
  DISMISSED: "#57606a",
};

export const moveLabels: Record<string, string> = {
  UNREVIEWED: "Back to unreviewed",
  SELECTED: "Select for checking",
  RESEARCHING: "Start research",
  IN_REVIEW: "Submit for review",
  DISMISSED: "Dismiss",
};

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function formatDateTime(value: string): string {
  return new Date(value).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
}

/** Code-point offsets (the API's unit) from UTF-16 offsets (the browser's), and back: the API's own helpers. */
export { toCodePointOffset as toCodePoints, toUtf16Index as toUtf16 } from "@claimdesk/db/spans";
