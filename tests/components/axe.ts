/** Runs axe-core on a rendered component in happy-dom and lists its violations, one readable line each. */
import axe from 'axe-core';

/** The violations axe finds in `root` (empty when there are none). Layout rules are left to the e2e tests. */
export async function findAxeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    // happy-dom has no layout or rendering: colour contrast and target sizes are checked in real
    // browsers by tests/e2e/a11y-pages.e2e.test.ts.
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
