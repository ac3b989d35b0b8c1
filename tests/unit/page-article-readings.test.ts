// Pages where the finder's first, strict reading finds no article and it reads the page again
// with fewer filters (lib/page/article.ts, READINGS): a page of short sections, a how-to whose
// steps look like a list of comments. And the guard: a short brief under a discussion is not
// read as its comments. All the text is invented here.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findArticle, searchArticle, trimmedLength } from '../../lib/page/article';
import { buildBlocks } from '../../lib/page/blocks';

const dom = (html: string) => parseHTML(html).document as unknown as Document;
const read = (html: string) => {
  const g = findArticle(dom(html));
  return { isArticle: g.isArticle, text: buildBlocks(g.roots).text };
};

const NAV = `<header><nav><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul></nav></header>`;
const FOOTER = '<footer><p>Copyright the Lantern Works company, every right kept, all of it, for good.</p></footer>';

describe('a page of short sections (a product page, a page of headlines)', () => {
  // Each section a heading and one paragraph, nested unevenly: no element alone holds an article.
  const sections = [
    'Lanterns that fold flat fit in a coat pocket and light a tent for a whole weekend on one charge.',
    'The shade is made of recycled sailcloth and stitched by hand in a small workshop by the harbour.',
    'Three brightness levels, a red night light for reading maps, a slow glow that wakes you at sunrise, a beacon that blinks when you are lost, and a switch that locks in your bag so the light never turns on by itself.',
    'A hook and a strap on the base let you hang it from a branch or wrap it round a pole.',
    'The battery charges from any port in two hours and a dial on the side shows how much light is left.',
    'Every lantern comes with a five-year promise: if a seam opens we mend it or send you a new one.',
  ];
  const html = `<html><body>${NAV}<main id="top">
    <section id="intro"><div class="container"><div class="copy"><h1>The folding lantern</h1><p class="lead">${sections[0]}</p></div><img src="a.png" alt=""></div></section>
    <section id="cloth" class="band"><div class="container"><div id="cloth-copy"><h2>Sailcloth</h2><p>${sections[1]}</p></div><div class="art"><img src="b.png" alt=""></div></div></section>
    <section id="modes" class="band"><div class="container"><h2>Modes</h2><ul class="tabs"><li><a href="#a">Bright</a></li><li><a href="#b">Red</a></li></ul></div></section>
    <div id="panels"><section class="panel" id="a"><div class="container"><div class="copy"><h3>Light</h3><p class="lead">${sections[2]}</p><a class="more" href="/shop">Buy one</a></div></div></section>
    <section class="panel" id="b"><div class="container"><div class="copy"><h3>Hang it</h3><p class="lead">${sections[3]}</p><ul><li>Hook</li><li>Strap</li><li>Magnet</li></ul></div></div></section></div>
    <section id="power" class="band"><div class="container"><div class="copy"><h2>Power</h2><p>${sections[4]}</p></div></div></section>
    <section id="promise" class="band"><div class="container"><div class="copy"><h2>Our promise</h2><p>${sections[5]}</p></div></div></section>
  </main>${FOOTER}</body></html>`;

  it('is read as an article: the element that holds most of its paragraphs, without the menu and the footer', () => {
    const { isArticle, text } = read(html);
    expect(isArticle).toBe(true);
    for (const s of sections) expect(text).toContain(s);
    expect(text).not.toContain('Section 3');
    expect(text).not.toContain('Copyright');
  });
});

describe('a how-to whose steps are items of many alike', () => {
  // Eight steps or more of one class, each one paragraph beside a heading and a picture's
  // caption: the shape of a comment list, and all there is of the text.
  const steps = [
    'Soak the clay in a bucket of warm water overnight, so that it softens all the way through.',
    'Knead it on a floured board until it stops sticking to your hands.',
    'Roll it out to the thickness of a finger, turning the sheet a little after every pass.',
    'Cut the rim with a cup, then press a thumb into the middle to make the bowl.',
    'Smooth the inside with a wet sponge.',
    'Leave the bowl to dry in the shade for two days, away from the wind, or it will crack.',
    'Paint the outside with a thin glaze, and wipe the foot clean so it does not stick in the kiln.',
    'Fire it slowly, and let the kiln cool for a night before you open it.',
    'Wash the bowl once in soapy water before you eat from it.',
  ];
  const html = `<html><body>${NAV}<div class="page"><div class="featured"><section class="card"><a href="/x">Read next: How to weave a basket</a></section></div>
    <div class="main-col"><h1>How to make a clay bowl</h1>${steps
      .map(
        (s, i) =>
          `<div class="mod step"><div class="step-content"><div class="content"><span class="head">Step ${i + 1}</span><p>${s}</p></div><figure class="thumb"><img src="s${i}.jpg" alt=""></figure><figcaption class="caption">Step ${i + 1} in pictures (a photo of the workshop)</figcaption></div></div>`,
      )
      .join('\n')}</div></div>${FOOTER}</body></html>`;

  it('is read as an article with every step', () => {
    const { isArticle, text } = read(html);
    expect(isArticle).toBe(true);
    for (const s of steps) expect(text).toContain(s);
    expect(text).not.toContain('Copyright');
  });

  it('but steps with no caption stay items (the rule is the caption, not the list)', () => {
    const bare = html.replace(/<figcaption[^>]*>.*?<\/figcaption>/g, '<span class="credit">Photo by the workshop</span>');
    expect(read(bare).text).not.toContain(steps[5]);
  });
});

describe('a short brief under a long discussion', () => {
  const comments = Array.from({ length: 40 }, (_, i) => `I have walked that path ${i + 2} times this year, and the new gate makes it slower, not safer, as anyone can see.`);
  const html = `<html><body>${NAV}<main><article><h1>Gate opens on the river path</h1><p>A new gate opened on the river path on Monday.</p></article>
    <div id="talk"><h2>Readers write</h2>${comments.map((c, i) => `<div class="msg"><div class="who">walker ${i}</div><p>${c}</p></div>`).join('')}</div></main>${FOOTER}</body></html>`;

  it('is not read as its comments (they have no captions), whatever reading it takes', () => {
    const { text } = read(html);
    for (const c of comments) expect(text).not.toContain(c);
  });
});

describe('smaller steps on large pages', () => {
  it('trimmedLength is s.trim().length, with every kind of white space trim takes off', () => {
    const ws = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 500; k++) {
      let s = '';
      const n = Math.floor(next() * 12);
      for (let i = 0; i < n; i++) s += next() < 0.5 ? ws[Math.floor(next() * ws.length)] : 'ab\u200bc'[Math.floor(next() * 4)];
      expect(trimmedLength(s), JSON.stringify(s)).toBe(s.trim().length);
    }
  });

  it('an element of thousands of children is counted in steps, with the same article', () => {
    // An article beside a list of 5,000 one-line items: the list's length is counted in many steps.
    const html = `<html><body><article><h1>A short piece on tides</h1>${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: the tide comes in twice a day, and the harbour, which is shallow, empties almost to the mud at the lowest ones.</p>`).join('')}</article>
      <div id="list">${Array.from({ length: 5000 }, (_, i) => `<span>item ${i}</span>`).join('')}</div></body></html>`;
    const doc = dom(html);
    const whole = findArticle(doc);
    const search = searchArticle(dom(html));
    let slices = 1;
    let guess = search.run(0);
    while (!guess) {
      slices++;
      guess = search.run(0);
    }
    expect(slices).toBeGreaterThan(10);
    expect(buildBlocks(guess.roots).text).toBe(buildBlocks(whole.roots).text);
    expect(whole.isArticle).toBe(true);
  });
});
