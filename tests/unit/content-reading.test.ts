// The reading part of the content script on an invented article: what it asks the engine, and
// when it answers from what it already has.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { startReading } from '../../entrypoints/content/reading';
import { startScheduler } from '../../entrypoints/content/scheduler';
import type { Analysis } from '../../lib/engine';
import type { PageBlocks } from '../../lib/messages';
import { ArticleWatcher } from '../../lib/page/watcher';

import { fakeCtx } from './support/fake-ctx';

const PARAGRAPHS = Array.from(
  { length: 8 },
  (_, i) =>
    `The harbour board of Eastmere said on Tuesday that paragraph ${i + 1} of its annual report counts 4,${i}00 ships, ` +
    'a figure the board compares with the year before and with the plans it published for the coming decade.',
);

function setup() {
  const html = `<!doctype html><html lang="en"><head><title>Harbour report</title></head><body>
    <header><a href="/">Home</a></header>
    <main><article><h1>Harbour report</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></main>
  </body></html>`;
  const doc = parseHTML(html).document as unknown as Document;
  const ctx = fakeCtx();
  const scheduler = startScheduler(ctx, () => undefined);
  const asked: PageBlocks[] = [];
  const analysis = { page: { title: 'Harbour report' }, mentions: [], claims: [] } as unknown as Analysis;
  const reading = startReading(ctx, {
    scheduler,
    watcher: new ArticleWatcher(),
    card: { close: () => undefined, follow: () => undefined, openClaim: null },
    doc,
    url: () => 'https://news.example/harbour',
    settings: async () => ({ offSites: [] }),
    ask: async (page) => {
      asked.push(page);
      return { ok: true, analysis };
    },
    tell: () => undefined,
  });
  return { reading, asked };
}

describe('reading the page', () => {
  it('asks the engine once for the article, and not again for the same words', async () => {
    const { reading, asked } = setup();
    await reading.run();
    expect(asked).toHaveLength(1);
    expect(asked[0]!.blocks.join(' ')).toContain('paragraph 8 of its annual report');
    expect(reading.state().kind).toBe('analysed');
    await reading.run();
    expect(asked).toHaveLength(1);
  });

  it('a forced reading (the corpus changed) asks again for the same words', async () => {
    const { reading, asked } = setup();
    await reading.run();
    await reading.run(true);
    expect(asked).toHaveLength(2);
  });

  it('a forced reading overtaken by an ordinary one is not lost: the newer reading asks in its stead', async () => {
    const { reading, asked } = setup();
    await reading.run();
    // The corpus changed (forced), and the page changed a moment later (an ordinary reading that
    // begins before the forced one is done and overtakes it).
    const forced = reading.run(true);
    const ordinary = reading.run();
    await Promise.all([forced, ordinary]);
    expect(asked).toHaveLength(2);
    // Owed once, not for ever.
    await reading.run();
    expect(asked).toHaveLength(2);
  });
});
