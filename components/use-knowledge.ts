/**
 * The merged knowledge base (every enabled pack: the bundled one, My sources, imported ones) as Preact
 * state for the extension's pages, asked of the background's knowledge service. Asked again when
 * `version` changes (the options page bumps it after a pack operation).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CardKnowledge } from '../core/card-data';
import { sendToBackground } from '../platform/messages';

/** The merged knowledge base; undefined until the background answers, or when it does not. */
export function useKnowledge(version = 0): CardKnowledge | undefined {
  const [knowledge, setKnowledge] = useState<CardKnowledge>();
  useEffect(() => {
    let isLive = true;
    void sendToBackground('background:knowledge', {}).then((answer) => {
      if (isLive && answer) setKnowledge(answer);
    });
    return () => {
      isLive = false;
    };
  }, [version]);
  return knowledge;
}
