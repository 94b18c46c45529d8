import { Fragment, type ReactNode } from "react";

/**
 * A small, safe Markdown subset for explanations: paragraphs, **bold**,
 * *italic* and [links](https://…). Text is rendered as React text, never HTML.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {source
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((paragraph, i) => (
          <p key={i}>{inline(paragraph)}</p>
        ))}
    </div>
  );
}

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    if (match.index > last) out.push(text.slice(last, match.index));
    if (match[1]) out.push(<strong key={match.index}>{match[1]}</strong>);
    else if (match[2]) out.push(<em key={match.index}>{match[2]}</em>);
    else out.push(<a key={match.index} href={match[4]} rel="noopener noreferrer" target="_blank">{match[3]}</a>);
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out.map((node, i) => <Fragment key={i}>{node}</Fragment>);
}
