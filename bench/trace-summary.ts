/**
 * Summarises a Chromium trace written by `bench/diagnose.ts --trace=FILE`: the renderer main thread's
 * tasks longer than a threshold, and for each the time spent in its main kinds of work (script,
 * style, layout, paint, GC, ...). `npx tsx bench/trace-summary.ts FILE [minMs]`.
 */
import { readFileSync } from 'node:fs';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const file = process.argv[2];
const minMs = Number(process.argv[3] ?? 30);
if (!file) throw new Error('usage: trace-summary FILE [minMs]');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: Ev[] } | Ev[];
const events = Array.isArray(raw) ? raw : raw.traceEvents;
const main = events.find(
  (e) =>
    e.name === 'thread_name' &&
    (e.args as { name?: string })?.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'),
);
if (!main) throw new Error('no renderer main thread');
const onMain = events.filter(
  (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined,
);
const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const long = tasks.filter((t) => t.dur! / 1000 >= minMs).sort((a, b) => b.dur! - a.dur!);
console.log(`${tasks.length} tasks on the renderer main thread, ${long.length} >= ${minMs} ms`);
for (const t of long.slice(0, 15)) {
  const within = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
  const byName = new Map<string, number>();
  for (const e of within) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
  const top = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([n, d]) => `${n} ${d.toFixed(1)}`);
  console.log(
    `task ${(t.dur! / 1000).toFixed(1)} ms at +${((t.ts - long[long.length - 1]!.ts) / 1000).toFixed(0)}: ${top.join(', ')}`,
  );
}
