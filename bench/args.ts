/** The bench scripts' command line: `--name=value` options. */

/** The value of `--name=value` on the command line, or undefined where it is not given. */
export function argOf(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}
