/** Shared clean-up helpers: temp folders and closing with a deadline. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** Runs `close`; if it has not finished after `ms`, runs `kill` and moves on. Never throws. */
export async function closeWithin(
  ms: number,
  close: () => Promise<unknown>,
  kill: () => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), ms);
  });
  try {
    const outcome = await Promise.race([close().then(() => 'closed' as const), deadline]);
    if (outcome === 'timeout') kill();
  } catch {
    kill();
  } finally {
    clearTimeout(timer);
  }
}
