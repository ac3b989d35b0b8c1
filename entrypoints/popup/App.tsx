// The toolbar popup: what Crosscheck found on the current tab, disagreements first.
// Also works as a tab (popup.html?tab=N), which the demo and the tests use.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Analysis } from '@/lib/engine';
import { toBackground, toContent, type TabState } from '@/lib/messages';
import { INFERRED_NOTE, KIND_WORDS, sentencePieces, sourceName } from '@/lib/ui/format';
import { findingsOf, summarize, type Finding, type Summary as Counts } from '@/lib/ui/findings';
import { Marked, RefItem } from '@/lib/ui/FindingParts';
import { pageError, type ReaderError } from '@/lib/ui/errors';
import { Details } from '@/lib/ui/Details';
import { KeepThisPage, LearningOffer, StoryView } from './Story';
import { LabelTag } from '@/lib/ui/LabelTag';

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


/** An error in the reader's words, with a Retry only where trying again can help. */
function Trouble({ e, onRetry, busy }: { e: ReaderError; onRetry?: () => void; busy: boolean }) {
  return (
    <div class="state" data-state={e.kind === 'cannot-run' ? 'cannot-run' : 'error'} data-error-kind={e.kind}>
      <h2>{e.title}</h2>
      <p>{e.text}</p>
      {e.retry && onRetry && (
        <button class="primary" type="button" data-retry disabled={busy} onClick={onRetry}>
          Try again
        </button>
      )}
      <Details detail={e.detail} />
    </div>
  );
}

async function targetTab(): Promise<number | undefined> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const COUNTS: { key: keyof Counts; kind?: keyof typeof KIND_WORDS; cls: string }[] = [
  { key: 'factChecks', kind: 'fact-check', cls: 'fact-checks' },
  { key: 'conflicts', kind: 'conflict', cls: 'conflicts' },
  { key: 'quoteVariants', kind: 'quote-variant', cls: 'variants' },
  { key: 'updates', kind: 'update', cls: 'updates' },
  { key: 'agreements', kind: 'agree', cls: 'agreements' },
  { key: 'unique', kind: 'unique', cls: 'unique' },
  { key: 'mentions', cls: 'mentions' },
];

function Summary({ s }: { s: Counts }) {
  return (
    <ul class="summary" aria-label="Summary">
      {/* Fact-checks are rare: counted only where there is one. */}
      {COUNTS.filter((c) => c.key !== 'factChecks' || (s.factChecks ?? 0) > 0).map((c) => (
        <li key={c.key} class={c.cls} data-count={c.key}>
          <b>{s[c.key] ?? 0}</b>
          <span>{c.kind ? KIND_WORDS[c.kind] : s[c.key] === 1 ? 'Mention' : 'Mentions'}</span>
        </li>
      ))}
    </ul>
  );
}

function FindingItem({ f, onShow }: { f: Finding; onShow?: () => void }) {
  const claim = f.claim;
  const marks = sentencePieces(claim);
  // Disagreements list every other article; agreements the first, and how many more.
  const refs = f.kind === 'agree' ? f.refs.slice(0, 1) : f.refs;
  const more = f.refs.length - refs.length;
  return (
    <li class={`claim ${f.kind}`} data-claim-id={f.id} data-verdict={f.kind}>
      <div class="head">
        <span class={`badge ${f.kind}`}>{KIND_WORDS[f.kind]}</span>
        <span class="label">{f.label}</span>
        {onShow && (
          <button class="show" type="button" aria-label={`Show me: ${f.label}`} onClick={onShow}>
            Show me
          </button>
        )}
      </div>
      <p class="sentence">
        <Marked pieces={marks} />
      </p>
      {refs.length > 0 && (
        <ul class="refs">
          {refs.map((r) => (
            <RefItem key={`${r.sourceId}:${r.reference?.id ?? ''}`} r={r} withSentence={false} />
          ))}
        </ul>
      )}
      {more > 0 && <p class="more">{more === 1 ? 'One more article agrees.' : `${more} more articles agree.`}</p>}
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
      setError(res.error ?? 'enable-tab failed');
      return;
    }
    setTimeout(refresh, 300);
  };

  const setSite = async (on: boolean) => {
    if (!ts) return;
    await toBackground('set-site', { site: ts.site, on, tabId });
    setTimeout(refresh, 300);
  };

  const show = async (claimId: string) => {
    if (tabId === undefined) return;
    const asTab = new URLSearchParams(location.search).has('tab');
    // The page gets the focus: as a tab, this tab steps aside for the page's; as the toolbar
    // popup, it closes once the page has opened the card (focus cannot move while it is open).
    if (asTab) await browser.tabs.update(tabId, { active: true }).catch(() => {});
    const res = await toContent(tabId, 'show-claim', { claimId, focus: true }).catch(() => ({ ok: false }));
    if (res.ok && !asTab) window.close();
  };

  let body;
  const url = ts && 'url' in ts.state ? ts.state.url : undefined;
  if (error) {
    body = <Trouble e={pageError(error, url)} busy={busy} onRetry={refresh} />;
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
          <Trouble e={pageError(undefined, 'about:')} busy={busy} />
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
        body = <Trouble e={pageError(st.message, st.url)} busy={busy} onRetry={() => void enable()} />;
        break;
      case 'analysed': {
        const a = st.analysis;
        const findings = findingsOf(a);
        const counts = summarize(a);
        const factChecked = findings.filter((f) => f.kind === 'fact-check');
        const disagreements = findings.filter((f) => f.kind === 'conflict' || f.kind === 'quote-variant' || f.kind === 'update');
        const agreements = findings.filter((f) => f.kind === 'agree');
        const nothing = a.comparisons.length === 0;
        body = (
          <div data-state="analysed">
            <Summary s={counts} />
            {a.page.matchedSource && (
              <p class="matched">
                This page is itself in the corpus{a.sources[a.page.matchedSource] ? ` (${sourceName(a.sources[a.page.matchedSource])})` : ''}; it
                is compared with the other articles only.
              </p>
            )}
            {!ts.corpus.loaded ? (
              <div class="state" data-state="no-corpus">
                <h2>No coverage to compare with</h2>
                <p>Crosscheck has no corpus in use. Add one in Settings.</p>
                <Details detail={ts.corpus.error} />
              </div>
            ) : nothing ? (
              <div class="state" data-state="nothing-in-corpus">
                <h2>Nothing in the corpus on this story</h2>
                <p>
                  None of the {ts.corpus.sources} articles in the corpus speaks of what this page says, so there is nothing to compare.
                </p>
              </div>
            ) : null}
            {a.corrected ? (
              <p class="corrected-note" data-corrected-count={a.corrected}>
                {a.corrected === 1 ? 'One pairing is' : `${a.corrected} pairings are`} left out, as you corrected them; Settings lists your corrections.
              </p>
            ) : null}
            {ts.learning && !ts.learning.on && !ts.learning.offered && <LearningOffer onDone={refresh} />}
            <StoryView a={a} />
            {factChecked.length > 0 && (
              <ul class="claims" aria-label="Fact-checked claims" data-list="fact-checks">
                {factChecked.map((f) => (
                  <FindingItem key={f.id} f={f} onShow={() => void show(f.id)} />
                ))}
              </ul>
            )}
            {disagreements.length > 0 && (
              <ul class="claims" aria-label="Where other coverage differs" data-list="differs">
                {disagreements.map((f) => (
                  <FindingItem key={f.id} f={f} onShow={() => void show(f.id)} />
                ))}
              </ul>
            )}
            {findings.some((f) => f.refs.some((r) => r.inferredNote)) && <p class="inferred-note">{INFERRED_NOTE}</p>}
            {agreements.length > 0 && (
              <details>
                <summary>
                  {KIND_WORDS.agree}: {agreements.length} {agreements.length === 1 ? 'finding' : 'findings'} where other coverage says the same
                </summary>
                <ul class="claims" aria-label="Where other coverage agrees" data-list="agrees">
                  {agreements.map((f) => (
                    <FindingItem key={f.id} f={f} onShow={() => void show(f.id)} />
                  ))}
                </ul>
              </details>
            )}
            {tabId !== undefined && <KeepThisPage a={a} tabId={tabId} onChange={refresh} />}
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
          {ts?.state.kind === 'analysed' && <LabelTag label={ts.state.analysis.labels?.page} />}
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
