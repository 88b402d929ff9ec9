/**
 * How many times the knowledge base changed while this extension page was open: the background tells
 * every open page after a save, an import, a pack removed or switched, a person added (elsewhere too:
 * the review sheet in another tab, the card's "Add to Dramatis"). Sections that show packs read them
 * again when it changes, so an open options page stays in step without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { listen, type ToPages } from '../platform/messages';

/** A number that grows by one each time the background announces a change of the knowledge base. */
export function useKnowledgeChanges(): number {
  const [changes, setChanges] = useState(0);
  useEffect(
    () =>
      listen<ToPages>({
        'pages:knowledge-changed': () => setChanges((n) => n + 1),
      }),
    [],
  );
  return changes;
}
