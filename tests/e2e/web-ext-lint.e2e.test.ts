/** `web-ext lint` (Mozilla's addons-linter) on the Firefox build: no errors; warnings are printed. */
import { describe, expect, it } from 'vitest';
import webExt, { type LintMessage } from 'web-ext';
import { FIREFOX_BUILD, requireBuild } from './support/paths';

const describeMessage = (m: LintMessage) =>
  `  ${m._type.toUpperCase()} ${m.code}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}: ${m.message}`;

describe('web-ext lint', () => {
  it('finds no errors in the Firefox build', async () => {
    const sourceDir = requireBuild(FIREFOX_BUILD, 'npx wxt build -b firefox');
    const result = await webExt.cmd.lint(
      { sourceDir, output: 'none', boring: true },
      { shouldExitProgram: false },
    );
    const { errors, warnings, notices } = result.summary;
    console.log(`web-ext lint ${sourceDir}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
    for (const m of [...result.warnings, ...result.notices]) console.log(describeMessage(m));
    expect(result.errors.map(describeMessage), 'web-ext lint errors').toEqual([]);
  });
});
