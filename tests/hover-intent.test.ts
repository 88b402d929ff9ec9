import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent } from '../core/hover-intent';

type Name = { id: string };
const witkoff: Name = { id: 'witkoff' };
const putin: Name = { id: 'putin' };

function setup(delay: number | (() => number) = 500) {
  const events: string[] = [];
  // The owner of the open card, as the page's Session is.
  let shown: Name | undefined;
  const intent = new HoverIntent<Name>({
    openDelayMs: typeof delay === 'number' ? () => delay : delay,
    closeDelayMs: CLOSE_DELAY_MS,
    isSame: (a, b) => a.id === b.id,
    shown: () => shown,
    open: (t) => {
      shown = t;
      events.push(`open ${t.id}`);
    },
    close: () => {
      shown = undefined;
      events.push('close');
    },
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h as number) },
  });
  return { intent, events };
}

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens a card only after the pointer rests on a name for the delay', () => {
    const { intent, events } = setup(500);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(499);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open witkoff']);
  });

  it('never shows a late card for a name the pointer already left', () => {
    const { intent, events } = setup(500);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(300);
    intent.pointerOn(undefined);
    vi.advanceTimersByTime(2000);
    expect(events).toEqual([]);
  });

  it('keeps the card while the pointer moves into it, closes 300 ms after it leaves both', () => {
    const { intent, events } = setup(500);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(500);
    intent.pointerOn(undefined); // crossing the gap between name and card
    vi.advanceTimersByTime(150);
    intent.pointerInCard(true);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open witkoff']);
    intent.pointerInCard(false);
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['open witkoff']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open witkoff', 'close']);
  });

  it('moving from name to name replaces the card without closing it in between (no flicker)', () => {
    const { intent, events } = setup(500);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(500);
    intent.pointerOn(putin);
    vi.advanceTimersByTime(499);
    expect(events).toEqual(['open witkoff']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open witkoff', 'open putin']);
  });

  it('Escape closes at once and the name under the pointer stays quiet until left', () => {
    const { intent, events } = setup(500);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(500);
    intent.dismiss();
    expect(events).toEqual(['open witkoff', 'close']);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open witkoff', 'close']);
    intent.pointerOn(undefined);
    intent.pointerOn(witkoff);
    vi.advanceTimersByTime(500);
    expect(events).toEqual(['open witkoff', 'close', 'open witkoff']);
  });

  it('reads the delay at each hover, so a new setting applies at once', () => {
    let delay = 500;
    const { intent, events } = setup(() => delay);
    delay = 1200;
    intent.pointerOn(putin);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(events).toEqual(['open putin']);
  });
});
