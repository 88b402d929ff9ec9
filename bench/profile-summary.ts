/**
 * Summarises a V8 CPU profile (CDP Profiler.stop) of the harness built unminified (names kept):
 * busy time, and self and inclusive time per function. Used by bench/run.ts, and from the command line
 * for files written by `bench/diagnose.ts --cpuprofile=FILE`: `npx tsx bench/profile-summary.ts FILE [N]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  busyMs: number;
  self: [string, number][];
  inclusive: [string, number][];
}

export function summarizeProfile(p: CpuProfile, top = 20): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || `(anonymous:${n.callFrame.lineNumber + 1})`}${
      n.callFrame.url.includes('harness') ? '' : ` [${n.callFrame.url.split('/').pop() || 'native'}]`
    }`;
  let total = 0;
  (p.samples ?? []).forEach((id, i) => {
    const dt = (p.timeDeltas?.[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const name = label(node);
    if (name.startsWith('(idle)') || name.startsWith('(program)')) return;
    total += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      incl.set(l, (incl.get(l) ?? 0) + dt);
    }
  });
  const topOf = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([n, d]) => [n, Math.round(d * 10) / 10] as [string, number]);
  return { busyMs: Math.round(total * 10) / 10, self: topOf(self), inclusive: topOf(incl) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary FILE [N]');
  const s = summarizeProfile(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    Number(process.argv[3] ?? 25),
  );
  const fmt = (xs: [string, number][]) =>
    xs.map(([n, d]) => `  ${d.toFixed(1).padStart(8)} ms  ${n}`).join('\n');
  console.log(
    `busy (non-idle) samples: ${s.busyMs} ms\nself time:\n${fmt(s.self)}\ninclusive time:\n${fmt(s.inclusive)}`,
  );
}
