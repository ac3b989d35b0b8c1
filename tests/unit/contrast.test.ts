// The marks' underlines against the page (WCAG 1.4.11 asks 3:1 for non-text contrast). A
// highlight cannot know a page's colours, so each underline must stand out on a white page and on
// a dark one alike; the numbers are measured from the stylesheet the browser injects.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '..', '..', 'entrypoints', 'content', 'highlights.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const underlines = [...css.matchAll(/::highlight\((crosscheck-[\w-]+)\)\s*\{([^}]*)\}/g)]
  .map(([, name, body]) => ({ name: name!, color: /text-decoration-color:\s*(#[0-9a-f]{6})/i.exec(body!)?.[1] }))
  .filter((u) => u.name !== 'crosscheck-flash');

// A white page, a light grey one, and the dark backgrounds of common dark themes.
const BACKGROUNDS = ['#ffffff', '#f5f5f5', '#1f2428', '#202124', '#121212', '#000000'];

describe('mark underlines', () => {
  it('every mark has an opaque underline colour', () => {
    expect(underlines.map((u) => u.name).sort()).toEqual(
      ['crosscheck-agree', 'crosscheck-conflict', 'crosscheck-fact-check', 'crosscheck-mention', 'crosscheck-quote-variant', 'crosscheck-update'].sort(),
    );
    for (const u of underlines) expect(u.color, u.name).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each(BACKGROUNDS)('reach 3:1 against %s', (bg) => {
    for (const u of underlines) expect(contrast(u.color!, bg), `${u.name} ${u.color} on ${bg}`).toBeGreaterThanOrEqual(3);
  });
});
