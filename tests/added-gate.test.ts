/**
 * The hand-over of the added people's gate between their content script and the first stage
 * (page/added-gate.ts): the two scripts share an isolated world and run in no promised order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NameGateSource } from '../core/name-gate';
import { offerAddedGate, takeAddedGates } from '../page/added-gate';

const gate = (word: string): NameGateSource => ({
  pattern: word,
  exact: {},
  given: [],
  longest: word.length,
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__dramatisAddedGate;
});

describe('the added people’s gate, handed to the first stage', () => {
  it('reaches the first stage when the added people’s script runs first', () => {
    offerAddedGate(gate('kellogg'));
    const taken: NameGateSource[] = [];
    takeAddedGates((g) => taken.push(g));
    expect(taken).toEqual([gate('kellogg')]);
  });

  it('reaches the first stage when it runs first, and so does each gate offered later', () => {
    const taken: NameGateSource[] = [];
    takeAddedGates((g) => taken.push(g));
    expect(taken).toEqual([]);
    offerAddedGate(gate('kellogg'));
    offerAddedGate(gate('brunner'));
    expect(taken).toEqual([gate('kellogg'), gate('brunner')]);
  });
});
