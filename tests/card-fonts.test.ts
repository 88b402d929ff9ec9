/**
 * The fonts the content script loads ahead of the first card (page/card-fonts.ts) are the
 * ones the card's CSS sets text in. A stale list breaks nothing but makes the first card slow again, so
 * this keeps it in step: every rule that sets a font must be listed, in the listed family.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_FONT_FAMILY, CARD_FONTS } from '../page/card-fonts';

const ROOT = join(import.meta.dirname, '..');
const CARD_CSS = ['components/card.css', 'page/card-frame.css'];

interface FontRule {
  file: string;
  selector: string;
  declarations: Map<string, string>;
}

/** Innermost `selector { declarations }` blocks (those inside @media included), comments removed. */
function fontRules(file: string): FontRule[] {
  const css = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: FontRule[] = [];
  for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = new Map<string, string>();
    for (const [, property, value] of body!.matchAll(/(?:^|;)\s*(font(?:-[a-z]+)?)\s*:([^;]+)/g))
      declarations.set(property!, value!.trim().replace(/\s+/g, ' '));
    if (declarations.size > 0) rules.push({ file, selector: selector!.trim(), declarations });
  }
  return rules;
}

const rules = CARD_CSS.flatMap(fontRules);

describe('the card fonts loaded ahead of the first card', () => {
  it('finds the font rules of the card CSS', () => {
    expect(rules.map((r) => r.selector)).toContain('.dr-theme');
    expect(rules.length).toBeGreaterThan(10);
  });

  it('lists the style, weight and size of every rule that sets one (14px and 400 inherited)', () => {
    const baseSize = '14px';
    for (const { file, selector, declarations } of rules) {
      const shorthand = declarations.get('font');
      const shorthandSize = shorthand && shorthand !== 'inherit' ? shorthand.split(/[\s/]/)[0] : undefined;
      const size = declarations.get('font-size') ?? shorthandSize ?? baseSize;
      const weight = declarations.get('font-weight') ?? '400';
      const style = declarations.get('font-style') ?? 'normal';
      const font = [style === 'normal' ? '' : style, weight === '400' ? '' : weight, size]
        .filter(Boolean)
        .join(' ');
      expect(CARD_FONTS as readonly string[], `${file} ${selector}: ${font}`).toContain(font);
    }
  });

  it('sets text only in the listed family', () => {
    for (const { file, selector, declarations } of rules) {
      expect(declarations.has('font-family'), `${file} ${selector}: font-family`).toBe(false);
      const shorthand = declarations.get('font');
      if (shorthand === undefined || shorthand === 'inherit') continue;
      const family = shorthand.replace(/^\S+\s/, '');
      expect(family, `${file} ${selector}: the family of its font`).toBe(CARD_FONT_FAMILY);
    }
  });
});
