/**
 * Recording a Chromium trace through CDP while something runs, for the bench's scripts that read where a
 * page's main-thread time goes (page-cost.ts `traceCompile`, load-profile.ts).
 */
import type { CDPSession } from 'playwright-core';

/** The fields of a trace event the bench reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated while the OS runs other processes. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; fileName?: string; data?: { url?: string; fileName?: string } };
}

/** Traces `categories` on `cdp`'s target while `during` runs; returns the events and what `during` returned. */
export async function recordTrace<T>(
  cdp: CDPSession,
  categories: string,
  during: () => Promise<T>,
): Promise<{ events: TraceEvent[]; result: T }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  const result = await during();
  await cdp.send('Tracing.end');
  await complete;
  return { events, result };
}
