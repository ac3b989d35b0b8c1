// The budgeted, iterative walk of lib/page/blocks and the census of lib/page/budget.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { buildBlocks, offsetOf, positionAt, positionBefore } from '../../lib/page/blocks';
import { BUDGET, census, tooBig } from '../../lib/page/budget';

function doc(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

describe('buildBlocks: deep, long and budgeted', () => {
  it('reads an article nested 20,000 deep without using the stack', () => {
    const d = doc('<main id="m"></main>');
    let el = d.getElementById('m')!;
    for (let i = 0; i < 20_000; i++) {
      const x = d.createElement(i % 2 ? 'span' : 'div');
      el.appendChild(x);
      el = x;
    }
    el.appendChild(d.createTextNode('Deep down, Microsoft spends $80 billion.'));
    const map = buildBlocks([d.getElementById('m')!]);
    expect(map.over).toBeUndefined();
    expect(map.text).toBe('Deep down, Microsoft spends $80 billion.');
  });

  it('stops at the character, node and time budgets and says which', () => {
    const d = doc(`<article>${'<p>Musk said SoftBank has well under $10 billion secured.</p>'.repeat(400)}</article>`);
    const art = d.querySelector('article')!;
    const all = buildBlocks([art]);
    expect(all.over).toBeUndefined();
    expect(buildBlocks([art], { maxChars: 1000, maxNodes: Infinity, deadline: Infinity }).over?.reason).toBe('chars');
    expect(buildBlocks([art], { maxChars: Infinity, maxNodes: 100, deadline: Infinity }).over?.reason).toBe('nodes');
    expect(buildBlocks([art], { maxChars: Infinity, maxNodes: Infinity, deadline: -1 }).over?.reason).toBe('time');
  });

  it('maps runs of a text node in one segment, not one per word', () => {
    const d = doc('<p>SoftBank has well under $10 billion secured, Musk wrote on X.</p>');
    const map = buildBlocks([d.querySelector('p')!]);
    expect(map.segments.length).toBe(1);
    const d2 = doc('<p>SoftBank   has\n  well under</p>');
    const m2 = buildBlocks([d2.querySelector('p')!]);
    expect(m2.text).toBe('SoftBank has well under');
    expect(m2.segments.length).toBe(3);
  });

  it('maps every character of random markup back to the same character of a text node', () => {
    const piece = fc.oneof(
      fc.constantFrom('Musk', 'SoftBank', '$10', 'billion', 'Nadella', 'é', '—', '“quoted”', 'x'),
      fc.constantFrom(' ', '  ', '\n', '\u00a0', '\t \n'),
    );
    const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
        fc
          .tuple(fc.constantFrom('p', 'span', 'b', 'div', 'li', 'em', 'br', 'script', 'textarea'), fc.array(tie('node'), { maxLength: 4 }))
          .map(([tag, kids]) => (tag === 'br' ? '<br>' : `<${tag}>${(kids as string[]).join('')}</${tag}>`)),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 6 }), (parts) => {
        const d = doc(`<article>${parts.join('')}</article>`);
        const map = buildBlocks([d.querySelector('article')!]);
        expect(map.text).toBe(map.blocks.join('\n\n'));
        for (let i = 0; i < map.text.length; i++) {
          const ch = map.text[i]!;
          if (/\s/.test(ch)) continue;
          const p = positionAt(map, i)!;
          expect(p.node.data[p.offset]).toBe(ch);
          expect(offsetOf(map, p.node, p.offset)).toBe(i);
          const b = positionBefore(map, i + 1)!;
          expect(b.node.data[b.offset - 1]).toBe(ch);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('census and the page budget', () => {
  it('counts elements and visible text, scripts and styles aside', () => {
    const d = doc(`<p>one two</p><script>${'x'.repeat(5000)}</script><style>p{}</style><div><b>three</b></div>`);
    const c = census(d);
    expect(c.chars).toBe('one twothree'.length);
    expect(c.elements).toBeGreaterThanOrEqual(7);
  });

  it('names the limit a page is over, and lets an ordinary page through', () => {
    expect(tooBig({ elements: 2000, chars: 40_000 })).toBeNull();
    expect(tooBig({ elements: BUDGET.maxElements + 1, chars: 10 })).toMatch(/elements/);
    expect(tooBig({ elements: 10, chars: 5_000_000 })).toMatch(/5,000,000 characters/);
  });
});
