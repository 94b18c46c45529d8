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

/** A workflow move named for what it does from where the claim is. */
export function moveLabel(from: string, to: string): string {
  if (to === "RESEARCHING") return from === "IN_REVIEW" ? "Withdraw from review" : "Start research";
  if (to === "SELECTED") return from === "RESEARCHING" ? "Stop research" : "Select for checking";
  if (to === "UNREVIEWED") return from === "DISMISSED" ? "Reopen" : "Back to unreviewed";
  if (to === "IN_REVIEW") return "Submit for review";
  if (to === "DISMISSED") return "Dismiss";
  return statusLabels[to] ?? to;
}

/** "1 article", "2 articles". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A correction's public line: its two sentences, each ending in one full stop. */
export function correctionLine(c: { whatChanged: string; reason: string }): string {
  const sentence = (s: string) => {
    const t = s.trim();
    return /[.!?…]["”’)]?$/.test(t) ? t : `${t}.`;
  };
  return `${sentence(c.whatChanged)} ${sentence(c.reason)}`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function formatDateTime(value: string): string {
  return (
    new Date(value).toLocaleString("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
    }) + " UTC"
  );
}

/** Code-point offsets (the API's unit) from UTF-16 offsets (the browser's), and back: the API's own helpers. */
export { toCodePointOffset as toCodePoints, toUtf16Index as toUtf16 } from "@claimdesk/db/spans";
/**
 * A badge's or highlight's background: the colour mixed into white, so the
 * desk's dark text reads on it at any scale colour (white text on the scale's
 * own colours fell to 2.2:1); the colour itself stays on the border.
 */
export function tint(color: string, amount = 0.18): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return "#f6f8fa";
  const n = Number.parseInt(m[1]!, 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

export const badgeStyle = (color: string) => ({ background: tint(color), borderColor: color });
