/** Runs a command-line script of scripts/ for real (tsx, from the project root, as `npm run` does). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `scripts/<script>` with `args`; its exit code, stdout's JSON lines and stderr. */
export function runJsonLines(
  script: string,
  ...args: string[]
): Promise<{ code: number; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `scripts/${script}`, ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? Number(error.code ?? -1) : 0;
        const lines = stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        resolve({ code, lines, stderr });
      },
    );
  });
}
