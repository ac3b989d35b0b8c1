// What opening an IndexedDB database costs in Debian's Chromium, and what it depends on (kept from
// the measurement behind reader-db.ts's layout; not part of npm run bench):
//   npx tsx tests/bench/idb-open.ts RECORDS BYTES KEYS [ls]      (BATCH=records per transaction, WAIT=ms)
// stores RECORDS records of about BYTES bytes, each with KEYS entries in a multiEntry index, in
// transactions of BATCH records, and a small second database beside them; then three times: the
// browser restarted, the big database opened once and closed, and in a new page both opened (small
// first, big first, both at once), printing [ms to open, ms to read one record] for each. `ls`
// lists the origin's IndexedDB files (Chromium 150: one LevelDB per origin, every database in it).
// Measured on a 2-core machine shared with other jobs: 100,000 records in one transaction, 300 to
// 890 ms to open whatever the database; the same in transactions of 2,000, about 50 ms; 5,000
// records holding the same bytes in one transaction, 60 to 85 ms.
import { mkdtempSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM } from '../tools/lib/chromium';
const ORIGIN = 'http://bench.crosscheck.test';
const script = `
const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
function openDb(name, upgrade) { return new Promise((res, rej) => { const r = indexedDB.open(name, 1); r.onupgradeneeded = () => upgrade && upgrade(r.result); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); }); }
window.probe = {
  async store(n, bytes, keys, batch) {
    const db = await openDb('big', (d) => { const s = d.createObjectStore('refs', { keyPath: 'id' }); s.createIndex('keys', 'keys', { multiEntry: true }); });
    const filler = 'x'.repeat(bytes);
    for (let i = 0; i < n; i += batch) {
      const tx = db.transaction('refs', 'readwrite'); const s = tx.objectStore('refs');
      for (let j = i; j < Math.min(n, i + batch); j++) s.put({ id: 'r' + j, keys: Array.from({ length: keys }, (_, k) => 'k' + ((j * 7 + k * 13) % 20000)), json: filler + j });
      await new Promise((res) => (tx.oncomplete = res));
    }
    db.close();
    const sm = await openDb('small', (d) => d.createObjectStore('meta'));
    const tx = sm.transaction('meta', 'readwrite'); tx.objectStore('meta').put({ a: 'x'.repeat(20000) }, 'summary'); await new Promise((res) => (tx.oncomplete = res));
    sm.close();
    return true;
  },
  async touch() { const db = await openDb('big'); await req(db.transaction('refs').objectStore('refs').count()); db.close(); return true; },
  async wake(order) {
    const out = {}; const t0 = performance.now();
    for (const name of order) {
      const a = performance.now();
      const db = await openDb(name);
      const b = performance.now();
      const store = db.objectStoreNames[0];
      await req(db.transaction(store).objectStore(store).get(name === 'big' ? 'r5' : 'summary'));
      out[name] = [Math.round(b - a), Math.round(performance.now() - b)];
    }
    out.total = Math.round(performance.now() - t0);
    return out;
  },
  async parallel() {
    const t0 = performance.now(); const times = {};
    await Promise.all(['small', 'big'].map(async (name) => { const db = await openDb(name); const store = db.objectStoreNames[0]; await req(db.transaction(store).objectStore(store).get(name === 'big' ? 'r5' : 'summary')); times[name] = Math.round(performance.now() - t0); }));
    return times;
  },
};`;
async function open(dir: string): Promise<BrowserContext> {
  const c = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--no-first-run', '--disable-background-networking'] });
  await c.route(`${ORIGIN}/**`, (route) => route.request().url().endsWith('/p.js') ? route.fulfill({ body: script, contentType: 'text/javascript' }) : route.fulfill({ body: '<!doctype html><script src="/p.js"></script>', contentType: 'text/html' }));
  return c;
}
function du(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); const s = statSync(p); if (s.isDirectory()) walk(p); else if (p.includes('IndexedDB')) out.push(`${p.slice(dir.length)} ${s.size}`); } };
  walk(dir); return out;
}
const BATCH = Number(process.env.BATCH ?? 2000);
const [n, bytes, keys, mode] = process.argv.slice(2).map((x, i) => (i < 3 ? Number(x) : x)) as [number, number, number, string];
const dir = mkdtempSync(join(tmpdir(), 'probe-'));
try {
  let c = await open(dir); let p = await c.newPage(); await p.goto(ORIGIN + '/');
  const t = Date.now(); await p.evaluate(([a, b, k, bt]) => (window as unknown as { probe: Record<string, (...a: unknown[]) => Promise<unknown>> }).probe.store(a, b, k, bt), [n, bytes, keys, BATCH]); const storeMs = Date.now() - t;
  await new Promise((r) => setTimeout(r, Number(process.env.WAIT ?? 0)));
  await c.close();
  if (mode === 'ls') console.log(du(dir).join('\n'));
  for (const order of [['small', 'big'], ['big', 'small'], 'par']) {
    c = await open(dir); p = await c.newPage(); await p.goto(ORIGIN + '/');
    await p.evaluate(() => (window as unknown as { probe: Record<string, (...a: unknown[]) => Promise<unknown>> }).probe.touch()); await p.close(); await new Promise((r) => setTimeout(r, 3000));
    p = await c.newPage(); await p.goto(ORIGIN + '/');
    const r = order === 'par' ? await p.evaluate(() => (window as unknown as { probe: Record<string, (...a: unknown[]) => Promise<unknown>> }).probe.parallel()) : await p.evaluate((o) => (window as unknown as { probe: Record<string, (...a: unknown[]) => Promise<unknown>> }).probe.wake(o), order);
    console.log(`n=${n} bytes=${bytes} keys=${keys} store=${storeMs}ms ${JSON.stringify(order)} ${JSON.stringify(r)}`);
    await c.close();
  }
} finally { rmSync(dir, { recursive: true, force: true }); }
