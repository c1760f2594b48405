// A hit's passage with its matches marked, built from the API's offsets (no HTML injected).
import type { ComponentChildren } from "preact";

export type Range = { start: number; end: number };

export function marked(text: string, ranges: readonly Range[]): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

type Props = { text: string; highlights: readonly Range[]; lang?: string | null };

export function Snippet({ text, highlights, lang }: Props) {
  return (
    <p class="snippet" lang={lang ?? undefined}>
      {marked(text, highlights)}
    </p>
  );
}
