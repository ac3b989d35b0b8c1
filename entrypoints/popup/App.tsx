// The toolbar popup: what Crosscheck found on the current tab, disagreements first.
// Also works as a tab (popup.html?tab=N), which the demo and the tests use.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Analysis, CheckedClaim } from '@/lib/engine';
import { toBackground, toContent, type TabState } from '@/lib/messages';
import { claimMarks, markRanges, referencesOf, sortClaims, sourceDate, sourceName } from '@/lib/ui/format';

const BADGE: Record<CheckedClaim['verdict'], string> = {
  conflict: 'Disagrees',
  'quote-variant': 'Quoted differently',
  update: 'Story moved on',
  agree: 'Agrees',
  unique: 'Only here',
};

/** How long the popup waits for a page to be read before it says it could not be. */
const ANALYSIS_DEADLINE_MS = 25_000;
/** How long one question to the background may take (it may be waking, or busy on a long page). */
const REQUEST_TIMEOUT_MS = 10_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer in ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** "could not check this page", with what went wrong in small print and a way to try again. */
function CouldNotCheck({ detail, onRetry, busy }: { detail?: string; onRetry: () => void; busy: boolean }) {
  return (
    <div class="state" data-state="error">
      <h2>Crosscheck could not check this page</h2>
      <p>Something stopped it half-way. Nothing was sent anywhere; you can simply try again.</p>
      {detail && (
        <p class="detail" data-error-detail>
          {detail}
        </p>
      )}
      <button class="primary" type="button" data-retry disabled={busy} onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

async function targetTab(): Promise<number | undefined> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Summary({ s }: { s: Analysis['summary'] }) {
  return (
    <ul class="summary" aria-label="Summary">
      <li class="conflicts" data-count="conflicts">
        <b>{s.conflicts}</b>
        <span>{s.conflicts === 1 ? 'conflict' : 'conflicts'}</span>
      </li>
      <li class="variants" data-count="quoteVariants">
        <b>{s.quoteVariants}</b>
        <span>{s.quoteVariants === 1 ? 'quote variant' : 'quote variants'}</span>
      </li>
      <li class="agreements" data-count="agreements">
        <b>{s.agreements}</b>
        <span>{s.agreements === 1 ? 'agreement' : 'agreements'}</span>
      </li>
      <li data-count="unique">
        <b>{s.unique}</b>
        <span>unique</span>
      </li>
      <li data-count="mentions">
        <b>{s.mentions}</b>
        <span>{s.mentions === 1 ? 'mention' : 'mentions'}</span>
      </li>
    </ul>
  );
}

function ClaimItem({ analysis, claim, onShow }: { analysis: Analysis; claim: CheckedClaim; onShow?: () => void }) {
  const refs = referencesOf(analysis, claim.id);
  const first = refs[0];
  const ref = first?.reference;
  const marks = markRanges(claim.sentence, claimMarks(claim, first?.comparison.differs?.claim));
  return (
    <li class={`claim ${claim.verdict}`} data-claim-id={claim.id} data-verdict={claim.verdict}>
      <div class="head">
        <span class={`badge ${claim.verdict}`}>{BADGE[claim.verdict]}</span>
        {onShow && (
          <button class="show" type="button" onClick={onShow}>
            Show me
          </button>
        )}
      </div>
      <p class="sentence">{marks.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>
      {ref && (
        <p class="other">
          <b>{sourceName(first.source)}</b>
          {sourceDate(first.source) ? ` (${sourceDate(first.source)})` : ''}: “{ref.sentence}”
          {refs.length > 1 ? ` and ${refs.length - 1} more` : ''}
        </p>
      )}
      {first?.comparison.why && <p class="why">{first.comparison.why}</p>}
    </li>
  );
}

export function App() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [ts, setTs] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void targetTab().then(setTabId, (e) => setError(String(e)));
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    let stop = false;
    let failures = 0;
    const started = Date.now();
    const load = async () => {
      try {
        const s = await withTimeout(toBackground('get-tab-state', { tabId }), REQUEST_TIMEOUT_MS, 'the background');
        if (stop) return;
        failures = 0;
        setError(null);
        if (s.state.kind === 'analysing') {
          // Still reading the page: ask again shortly, but never wait forever.
          if (Date.now() - started > ANALYSIS_DEADLINE_MS) {
            setTs({ ...s, state: { kind: 'error', url: s.state.url, message: `the page was not read in ${ANALYSIS_DEADLINE_MS / 1000} s` } });
            return;
          }
          setTimeout(load, 400);
        }
        setTs(s);
      } catch (e) {
        if (stop) return;
        // The background may be restarting: ask once more before saying so.
        if (failures++ < 1) {
          setTimeout(load, 300);
          return;
        }
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    void load();
    return () => {
      stop = true;
    };
  }, [tabId, tick]);

  const refresh = () => {
    setError(null);
    setTick((t) => t + 1);
  };

  const enable = async () => {
    if (tabId === undefined) return;
    setBusy(true);
    setTs((t) => (t ? { ...t, state: { kind: 'analysing', url: 'url' in t.state ? (t.state.url ?? '') : '' } } : t));
    const res = await withTimeout(toBackground('enable-tab', { tabId }), 2 * REQUEST_TIMEOUT_MS, 'the page').catch((e) => ({
      ok: false,
      error: e instanceof Error ? e.message : String(e),
    }));
    setBusy(false);
    if (!res.ok) {
      setError(res.error ?? 'Crosscheck could not run on this page.');
      return;
    }
    setTimeout(refresh, 300);
  };

  const setSite = async (on: boolean) => {
    if (!ts) return;
    await toBackground('set-site', { site: ts.site, on, tabId });
    setTimeout(refresh, 300);
  };

  const show = (claimId: string) => {
    if (tabId === undefined) return;
    void toContent(tabId, 'show-claim', { claimId }).catch(() => {});
  };

  let body;
  if (error) {
    body = <CouldNotCheck detail={error} busy={busy} onRetry={refresh} />;
  } else if (!ts) {
    body = (
      <div class="state" data-state="loading">
        <p>Reading…</p>
      </div>
    );
  } else {
    const st = ts.state;
    switch (st.kind) {
      case 'analysing':
        body = (
          <div class="state" data-state="analysing">
            <p>Reading the article…</p>
          </div>
        );
        break;
      case 'off':
        body = (
          <div class="state" data-state="off">
            <h2>Crosscheck is off on {ts.site}</h2>
            <p>Turn it on to compare this page with other coverage.</p>
            <button class="primary" type="button" onClick={() => void setSite(true)}>
              Turn on for {ts.site}
            </button>
          </div>
        );
        break;
      case 'not-running':
        body = st.canRun ? (
          <div class="state" data-state="not-running">
            <h2>Check this page?</h2>
            <p>Crosscheck runs by itself only on a list of news sites. It can read this page once, on your click; nothing leaves your browser.</p>
            <button class="primary" type="button" disabled={busy} onClick={() => void enable()}>
              Check this page
            </button>
          </div>
        ) : (
          <div class="state" data-state="cannot-run">
            <h2>Crosscheck can't read this page</h2>
            <p>Browser pages and extension stores are closed to extensions.</p>
          </div>
        );
        break;
      case 'not-article':
        body = (
          <div class="state" data-state="not-article">
            <h2>This doesn't look like an article</h2>
            <p>Crosscheck found no running text to check here.</p>
          </div>
        );
        break;
      case 'skipped':
        body = (
          <div class="state" data-state="skipped">
            <h2>Crosscheck left this page alone</h2>
            <p>{st.reason}</p>
          </div>
        );
        break;
      case 'error':
        body = (
          <CouldNotCheck detail={st.message} busy={busy} onRetry={() => void enable()} />
        );
        break;
      case 'analysed': {
        const a = st.analysis;
        const sorted = sortClaims(a.claims);
        const disagreements = sorted.filter((c) => c.verdict === 'conflict' || c.verdict === 'quote-variant');
        const agreements = sorted.filter((c) => c.verdict === 'agree');
        const nothing = a.comparisons.length === 0;
        body = (
          <div data-state="analysed">
            <Summary s={a.summary} />
            {a.page.matchedSource && (
              <p class="matched">
                This page is itself in the corpus{a.sources[a.page.matchedSource] ? ` (${sourceName(a.sources[a.page.matchedSource])})` : ''}; it
                is compared with the other sources only.
              </p>
            )}
            {!ts.corpus.loaded ? (
              <div class="state" data-state="no-corpus">
                <h2>No corpus</h2>
                <p>There is no reference coverage to compare with{ts.corpus.error ? ` (${ts.corpus.error})` : ''}.</p>
              </div>
            ) : nothing ? (
              <div class="state" data-state="nothing-in-corpus">
                <h2>Nothing in the corpus on this story</h2>
                <p>
                  None of the {ts.corpus.sources} sources in the corpus speaks of what this page says, so there is nothing to compare.
                </p>
              </div>
            ) : null}
            {disagreements.length > 0 && (
              <ul class="claims" aria-label="Disagreements">
                {disagreements.map((c) => (
                  <ClaimItem key={c.id} analysis={a} claim={c} onShow={() => show(c.id)} />
                ))}
              </ul>
            )}
            {agreements.length > 0 && (
              <details>
                <summary>
                  {agreements.length} {agreements.length === 1 ? 'claim agrees' : 'claims agree'} with other coverage
                </summary>
                <ul class="claims" aria-label="Agreements">
                  {agreements.map((c) => (
                    <ClaimItem key={c.id} analysis={a} claim={c} onShow={() => show(c.id)} />
                  ))}
                </ul>
              </details>
            )}
          </div>
        );
        break;
      }
    }
  }

  return (
    <>
      <main>
        <h1>
          Crosscheck
          {ts?.site && <span class="site">{ts.site}</span>}
        </h1>
        {body}
      </main>
      {ts && ts.site && ts.state.kind !== 'not-running' && (
        <footer>
          <label>
            <input type="checkbox" checked={!ts.siteOff} onChange={(e) => void setSite((e.target as HTMLInputElement).checked)} />
            On for this site
          </label>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Settings
          </a>
        </footer>
      )}
    </>
  );
}
