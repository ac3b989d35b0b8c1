import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { buildBlocks, offsetOf, positionAt, positionBefore, walkBlocks } from '../../lib/page/blocks';

function doc(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

describe('buildBlocks', () => {
  const d = doc(`<article>
    <h1>  Musk   and <b>Altman</b></h1>
    <p>SoftBank has <em>over</em>
       $10&nbsp;billion.<br>Second line.</p>
    <script>var x = "not text";</script>
    <p hidden>hidden words</p>
    <p contenteditable="true">editable words</p>
    <p>Input <input value="nope"> <textarea>nor this</textarea>end.</p>
    <ul><li>One</li><li>Two</li></ul>
  </article>`);
  const map = buildBlocks([d.querySelector('article')!]);

  it('cuts paragraph-level blocks, folds white space, skips script, hidden, editable and form text', () => {
    expect(map.blocks).toEqual(['Musk and Altman', 'SoftBank has over $10 billion. Second line.', 'Input end.', 'One', 'Two']);
    expect(map.text).toBe(map.blocks.join('\n\n'));
    expect(map.blockStarts[1]).toBe(map.text.indexOf('SoftBank'));
  });

  it('maps every offset of the text back to the same character in a text node', () => {
    for (let i = 0; i < map.text.length; i++) {
      const ch = map.text[i]!;
      if (ch === ' ' || ch === '\n') continue;
      const p = positionAt(map, i)!;
      expect(p.node.data[p.offset], `offset ${i}`).toBe(ch);
      expect(offsetOf(map, p.node, p.offset)).toBe(i);
    }
  });

  it('gives end positions just after the last character of a span', () => {
    const start = map.text.indexOf('over $10 billion');
    const end = start + 'over $10 billion'.length;
    const a = positionAt(map, start)!;
    const b = positionBefore(map, end)!;
    expect(a.node.data.slice(a.offset)).toMatch(/^over/);
    expect(b.node.data.slice(0, b.offset)).toMatch(/billion$/);
  });

  it('skips the separators between blocks', () => {
    const sep = map.text.indexOf('\n\n');
    const p = positionAt(map, sep)!;
    expect(p.node.data[p.offset]).toBe('S');
  });
});

describe('walkBlocks (the walk in slices, as the content script walks a long article)', () => {
  const paras = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i} of the story, with <b>bold</b> and <i>words</i> in it.</p>`).join('');
  const d = doc(`<article>${paras}</article>`);
  const root = d.querySelector('article')!;

  it('gives the very blocks and offsets of one walk, across many pauses', () => {
    const whole = buildBlocks([root]);
    const steps = walkBlocks([root]);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(5);
    expect(r.value.blocks).toEqual(whole.blocks);
    expect(r.value.segments).toEqual(whole.segments);
  });

  it('stops with "time" at the next pause once its deadline has passed, with what it read so far', () => {
    const budget = { maxChars: Infinity, maxNodes: Infinity, deadline: Infinity };
    const steps = walkBlocks([root], budget);
    expect(steps.next().done).toBe(false);
    budget.deadline = -1;
    const r = steps.next();
    expect(r.done).toBe(true);
    if (!r.done) return;
    expect(r.value.over?.reason).toBe('time');
    expect(r.value.blocks.length).toBeGreaterThan(0);
    expect(r.value.blocks.length).toBeLessThan(400);
  });
});
