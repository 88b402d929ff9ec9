/** Text with the spans a search matched wrapped in <mark>. */
import type { Span } from '../core/search';

/** Renders `text`, marking `spans` (sorted or not, overlapping or not). */
export function Highlighted({ text, spans }: { text: string; spans: readonly Span[] }) {
  const merged = [...spans]
    .sort((a, b) => a[0] - b[0])
    .reduce<[number, number][]>((out, [s, e]) => {
      const last = out.at(-1);
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else out.push([s, e]);
      return out;
    }, []);
  const parts = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push(text.slice(at, s));
    parts.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
