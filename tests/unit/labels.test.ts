// Outlet labels from the reader's own file (lib/labels.ts): CSV (quotes, line breaks in quotes, a
// header or none) and JSON, bad rows skipped with a reason in one summary line, hostile strings
// kept as plain text or refused, and the label found by the source's host, subdomains included.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../lib/engine';
import { findingsOf } from '../../lib/ui/findings';
import { applyLabels, cleanDomain, csvRows, labelFinder, LabelsError, MAX_LABELS_BYTES, readLabels } from '../../lib/labels';
import { cleanStoredLabels } from '../../lib/reader-lists';

describe('a CSV file', () => {
  it('with a header, quoted fields, commas and quotes inside them', () => {
    const csv = ['domain,label,url', 'example.com,"Reader list: leans ""left"", per my notes",https://ratings.example/ex', '"news.example.org",Independent,'].join('\n');
    const r = readLabels(csv, 'mine.csv');
    expect(r.labels).toEqual([
      { domain: 'example.com', label: 'Reader list: leans "left", per my notes', url: 'https://ratings.example/ex' },
      { domain: 'news.example.org', label: 'Independent' },
    ]);
    expect(r.summary).toBe('2 labels read');
  });

  it('columns in another order under a header, CRLF line ends and a byte-order mark', () => {
    const r = readLabels('\ufeffLabel,URL,Domain\r\nState-funded,,broadcaster.example\r\n');
    expect(r.labels).toEqual([{ domain: 'broadcaster.example', label: 'State-funded' }]);
  });

  it('without a header: domain, label, url', () => {
    expect(readLabels('www.Example.COM,Tabloid\n').labels).toEqual([{ domain: 'example.com', label: 'Tabloid' }]);
  });

  it('a bad row is skipped with its line, the rest is read, in one summary line', () => {
    const csv = ['domain,label', 'a.example,One', 'b.example,Two', ',Three', 'c.example,Four'].join('\n');
    const r = readLabels(csv);
    expect(r.labels.map((l) => l.domain)).toEqual(['a.example', 'b.example', 'c.example']);
    expect(r.summary).toBe('3 labels read, 1 row skipped: line 4 has no domain');
  });

  it('line numbers count the line breaks inside quoted fields', () => {
    const csv = 'domain,label\na.example,"two\nlines"\nb.example,\n';
    const r = readLabels(csv);
    expect(r.labels).toEqual([{ domain: 'a.example', label: 'two lines' }]);
    expect(r.skipped).toEqual(['line 4 has no label']);
    expect(csvRows('x,"a\nb"\ny,z').map((row) => row.line)).toEqual([1, 3]);
  });

  it('every kind of bad row, each said once, the fourth and later counted', () => {
    const csv = [
      'domain,label,url',
      'not a domain,Label',
      'a.example,',
      'b.example,Fine,javascript:alert(1)',
      'c.example,' + 'x'.repeat(81),
      'd.example,Kept',
      'd.example,Again',
    ].join('\n');
    const r = readLabels(csv);
    expect(r.labels).toEqual([{ domain: 'd.example', label: 'Kept' }]);
    expect(r.skipped).toEqual([
      'line 2: “not a domain” is not a domain',
      'line 3 has no label',
      'line 4: the url is not an http or https address',
      'line 5: the label is longer than 80 characters',
      'line 7: d.example is listed already',
    ]);
    expect(r.summary).toBe(
      '1 label read, 5 rows skipped: line 2: “not a domain” is not a domain; line 3 has no label; line 4: the url is not an http or https address; and 2 more',
    );
  });
});

describe('a JSON file', () => {
  it('a list of objects, or an object with a "labels" list; bad items skipped by number', () => {
    const list = [{ domain: 'a.example', label: 'One', url: 'http://ratings.example/a' }, { label: 'No domain' }, 'a string', { domain: 'b.example', label: 'Two' }];
    const r = readLabels(JSON.stringify(list), 'labels.json');
    expect(r.labels).toEqual([
      { domain: 'a.example', label: 'One', url: 'http://ratings.example/a' },
      { domain: 'b.example', label: 'Two' },
    ]);
    expect(r.summary).toBe('2 labels read, 2 items skipped: item 2 has no domain; item 3 has no domain');
    expect(readLabels(JSON.stringify({ labels: list })).labels).toHaveLength(2);
  });

  it('a file that is not JSON, or not a list, is refused in one line', () => {
    expect(() => readLabels('{"labels": [', 'x.json')).toThrow(LabelsError);
    expect(() => readLabels('{"labels": [', 'x.json')).toThrow(/^not JSON \(/);
    expect(() => readLabels('{"domain": "a.example"}')).toThrow(/is a list of/);
  });

  it('a file larger than the limit is not read', () => {
    expect(() => readLabels(`domain,label\n${'a'.repeat(MAX_LABELS_BYTES)}`)).toThrow(/larger than 1 MB/);
  });
});

describe('hostile strings', () => {
  it('markup stays text; control and direction-override characters are taken out; only http(s) sources', () => {
    const r = readLabels(
      JSON.stringify([
        { domain: 'a.example', label: '<img src=x onerror=alert(1)>' },
        { domain: 'b.example', label: 'Safe\u202e txet\u0000 here' },
        { domain: 'c.example', label: 'Rated', url: 'data:text/html,<script>alert(1)</script>' },
        { domain: 'evil\u202e.example', label: 'Spoof' },
        { domain: 'javascript:alert(1)', label: 'x' },
        { domain: 'd.example', label: { toString: 'x' } },
      ]),
    );
    expect(r.labels).toEqual([
      { domain: 'a.example', label: '<img src=x onerror=alert(1)>' },
      { domain: 'b.example', label: 'Safe txet here' },
    ]);
    expect(r.skipped).toHaveLength(4);
  });

  it('labels read back from storage are checked again', () => {
    const stored = cleanStoredLabels({
      labels: [{ domain: 'A.example', label: 'ok', url: 'javascript:alert(1)' }, { domain: 42, label: 'x' }, { domain: 'b.example', label: 'y'.repeat(500) }],
      file: 'f.csv',
    });
    expect(stored).toEqual({ labels: [{ domain: 'a.example', label: 'ok' }, { domain: 'b.example', label: 'y'.repeat(80) }], file: 'f.csv' });
    expect(cleanStoredLabels('corrupt')).toBeNull();
  });
});

describe('finding the label for an address', () => {
  const find = labelFinder([
    { domain: 'example.com', label: 'Parent' },
    { domain: 'sport.example.com', label: 'Sport desk' },
  ]);

  it('the host and its subdomains, the most specific entry first', () => {
    expect(find('https://example.com/a')?.label).toBe('Parent');
    expect(find('https://www.example.com/a')?.label).toBe('Parent');
    expect(find('https://news.example.com/a')?.label).toBe('Parent');
    expect(find('https://live.sport.example.com/a')?.label).toBe('Sport desk');
    expect(find('HTTPS://NEWS.EXAMPLE.COM./x')?.label).toBe('Parent');
  });

  it('not a look-alike host, nor a bad or missing address', () => {
    expect(find('https://badexample.com/')).toBeUndefined();
    expect(find('https://example.com.evil.net/')).toBeUndefined();
    expect(find('https://evil.net/?u=example.com')).toBeUndefined();
    expect(find('not a url')).toBeUndefined();
    expect(find(undefined)).toBeUndefined();
  });

  it('domains are read as a reader writes them', () => {
    expect(cleanDomain('https://www.Example.com/politics')).toBe('example.com');
    expect(cleanDomain('10.0.0.1')).toBeUndefined();
    expect(cleanDomain('localhost')).toBeUndefined();
  });

  it('an analysis gets the labels of its page and of its sources; a finding shows its outlet’s', () => {
    const a = {
      page: { title: 'p', url: 'https://news.example.com/story' },
      mentions: [],
      claims: [{ id: 'c', sentence: 'It cost $5 million.', sentenceStart: 0, sentenceEnd: 19, subjects: [], context: [], events: [], verdict: 'conflict' }],
      comparisons: [{ claimId: 'c', referenceId: 'r', sourceId: 's', relation: 'conflict', why: '' }],
      references: { r: { id: 'r', sourceId: 's', sentence: 'It cost $9 million.', sentenceStart: 0, sentenceEnd: 19, subjects: [], context: [], events: [] } },
      sources: { s: { id: 's', title: 'Other', url: 'https://live.sport.example.com/x', textHash: 'h' }, t: { id: 't', title: 'No address', textHash: 'i' } },
      summary: { conflicts: 1, quoteVariants: 0, updates: 0, agreements: 0, unique: 0, mentions: 0 },
    } as unknown as Analysis;
    const b = applyLabels(a, [
      { domain: 'example.com', label: 'Parent' },
      { domain: 'sport.example.com', label: 'Sport desk', url: 'https://ratings.example/sport' },
    ]);
    expect(b.labels).toEqual({ page: { domain: 'example.com', label: 'Parent' }, sources: { s: { domain: 'sport.example.com', label: 'Sport desk', url: 'https://ratings.example/sport' } } });
    expect(findingsOf(b)[0]!.refs[0]!.label?.label).toBe('Sport desk');
    expect(applyLabels(a, [])).toBe(a);
    expect(applyLabels(a, [{ domain: 'unrelated.example', label: 'x' }])).toBe(a);
  });
});
