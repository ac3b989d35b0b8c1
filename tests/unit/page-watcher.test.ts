import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ArticleWatcher, isOwnRecord, observeArticle, type ChangeRecord } from '../../lib/page/watcher';

const para = (n: number) => `<p>${'The council voted on the budget again this week. '.repeat(n)}</p>`;

function page() {
  const { document } = parseHTML(`<!doctype html><html><body>
    <nav><a href="/">Home</a></nav>
    <main><article id="story"><h1>Budget vote</h1>${para(4)}${para(3)}<div id="box" contenteditable="true">draft</div></article></main>
    <aside id="rail"><ul><li>Other story</li></ul></aside>
    <section id="comments"></section>
  </body></html>`);
  return document as unknown as Document;
}

/** What the browser would report for a change, built by hand (linkedom's observer reports childList only). */
const rec = (type: string, target: Node, added: Node[] = [], removed: Node[] = []): ChangeRecord => ({
  type,
  target,
  addedNodes: added,
  removedNodes: removed,
});

describe('ArticleWatcher: which changes touch the article', () => {
  it('a change inside the article counts, a comment added under it does not', () => {
    const doc = page();
    const w = new ArticleWatcher();
    const story = doc.getElementById('story')!;
    w.follow([story]);
    const p = story.querySelector('p')!;
    expect(w.touches([rec('characterData', p.firstChild!)])).toBe(true);
    const comment = doc.createElement('div');
    comment.textContent = 'Great piece, thanks.';
    doc.getElementById('comments')!.append(comment);
    expect(w.touches([rec('childList', doc.getElementById('comments')!, [comment])])).toBe(false);
  });

  it('more text arriving beside the article counts (infinite scroll adds siblings)', () => {
    const doc = page();
    const w = new ArticleWatcher();
    const story = doc.getElementById('story')!;
    w.follow([story]);
    const next = doc.createElement('article');
    story.parentNode!.append(next);
    expect(w.touches([rec('childList', story.parentNode!, [next])])).toBe(true);
  });

  it('elsewhere, short additions do not count until they add up to a possible article, and a reading starts the count again', () => {
    const doc = page();
    const w = new ArticleWatcher();
    w.follow([doc.getElementById('story')!]);
    const rail = doc.getElementById('rail')!;
    const item = () => {
      const li = doc.createElement('li');
      li.textContent = 'x'.repeat(150);
      rail.append(li);
      return rec('childList', rail, [li]);
    };
    expect(w.touches([item()])).toBe(false);
    expect(w.touches([item()])).toBe(false);
    expect(w.touches([item()])).toBe(true); // 450 characters
    w.readingStarts();
    expect(w.touches([item()])).toBe(false);
  });

  it('typing in an editable box inside the article does not count; the box becoming editable does', () => {
    const doc = page();
    const w = new ArticleWatcher();
    const story = doc.getElementById('story')!;
    w.follow([story]);
    const box = doc.getElementById('box')!;
    expect(w.touches([rec('characterData', box.firstChild!)])).toBe(false);
    expect(w.touches([rec('attributes', box)])).toBe(true);
  });

  it('the article taken out of the page counts, whatever the record', () => {
    const doc = page();
    const w = new ArticleWatcher();
    const story = doc.getElementById('story')!;
    w.follow([story]);
    story.remove();
    expect(w.touches([rec('childList', doc.getElementById('rail')!)])).toBe(true);
  });

  it('with no article read yet, only enough new text (or a shown element) counts', () => {
    const doc = page();
    const w = new ArticleWatcher();
    const small = doc.createElement('p');
    small.textContent = 'Loading...';
    expect(w.touches([rec('childList', doc.body, [small])])).toBe(false);
    const big = doc.createElement('div');
    big.innerHTML = para(10);
    expect(w.touches([rec('childList', doc.body, [big])])).toBe(true);
    expect(new ArticleWatcher().touches([rec('attributes', doc.body)])).toBe(true);
  });

  it('a flood of records is not looked at one by one', () => {
    const doc = page();
    const w = new ArticleWatcher({ maxRecords: 5, maxAdded: 200, newTextMin: 400 });
    w.follow([doc.getElementById('story')!]);
    const rail = doc.getElementById('rail')!;
    expect(w.touches(Array.from({ length: 6 }, () => rec('childList', rail)))).toBe(true);
    expect(w.touches(Array.from({ length: 5 }, () => rec('childList', rail)))).toBe(false);
  });
});

describe('isOwnRecord', () => {
  it('is our host coming, going or changing, and nothing else', () => {
    const doc = page();
    const host = doc.createElement('crosscheck-ui');
    const other = doc.createElement('div');
    expect(isOwnRecord(rec('childList', doc.body, [host]), host)).toBe(true);
    expect(isOwnRecord(rec('childList', doc.body, [], [host]), host)).toBe(true);
    expect(isOwnRecord(rec('attributes', host), host)).toBe(true);
    expect(isOwnRecord(rec('childList', doc.body, [host, other]), host)).toBe(false);
    expect(isOwnRecord(rec('childList', doc.body), host)).toBe(false);
    expect(isOwnRecord(rec('childList', doc.body, [host]), null)).toBe(false);
  });
});

describe('observeArticle on a live (linkedom) document', () => {
  const settle = () => new Promise((r) => setTimeout(r, 10));

  it('reports changes to the article, not to the comments, and stops when the signal aborts', async () => {
    const doc = page();
    const w = new ArticleWatcher();
    const story = doc.getElementById('story')!;
    w.follow([story]);
    const ac = new AbortController();
    const seen: boolean[] = [];
    observeArticle(doc, { signal: ac.signal, watcher: w, ownHost: () => null, leftAlone: () => false, onChange: (c) => seen.push(c.attributes) });

    const c = doc.createElement('div');
    c.textContent = 'First!';
    doc.getElementById('comments')!.append(c);
    await settle();
    expect(seen).toEqual([]);

    // (linkedom reports every record on the document itself, so the story grows by enough text to count anywhere.)
    const p = doc.createElement('p');
    p.innerHTML = para(10);
    story.append(p);
    await settle();
    expect(seen.length).toBe(1);

    ac.abort();
    story.append(doc.createElement('p'));
    await settle();
    expect(seen.length).toBe(1);
  });

  it('ignores our own host element, and reports every change of a page left alone', async () => {
    const doc = page();
    const w = new ArticleWatcher();
    w.follow([doc.getElementById('story')!]);
    const host = doc.createElement('crosscheck-ui');
    let alone = false;
    let n = 0;
    observeArticle(doc, { signal: new AbortController().signal, watcher: w, ownHost: () => host, leftAlone: () => alone, onChange: () => n++ });
    doc.body.append(host);
    await settle();
    expect(n).toBe(0);
    alone = true;
    const c = doc.createElement('div');
    c.textContent = 'a comment';
    doc.getElementById('comments')!.append(c);
    await settle();
    expect(n).toBe(1);
  });
});
