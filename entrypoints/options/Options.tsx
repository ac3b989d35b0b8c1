// Settings: where Crosscheck runs by itself, and the corpus in use.
import { useEffect, useState } from 'preact/hooks';
import { readSettings, toBackground, type CorpusStatus, type Settings } from '@/lib/messages';
import { NEWS_SITES } from '@/lib/page/sites';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [corpus, setCorpus] = useState<CorpusStatus | null>(null);

  const load = () => {
    void readSettings().then(setSettings);
    void toBackground('corpus-status', {}).then(setCorpus, () => setCorpus(null));
  };
  useEffect(load, []);

  const toggle = async (site: string, on: boolean) => {
    await toBackground('set-site', { site, on });
    load();
  };

  const extraOff = settings?.offSites.filter((s) => !NEWS_SITES.includes(s)) ?? [];
  return (
    <main style={{ maxWidth: '40rem' }}>
      <h1>Crosscheck settings</h1>
      <section aria-labelledby="corpus-h">
        <h2 id="corpus-h" style={{ fontSize: '14px' }}>
          Corpus
        </h2>
        <p data-corpus-status>
          {!corpus
            ? 'Loading…'
            : corpus.loaded
              ? `The bundled corpus: ${corpus.sources} sources, ${corpus.references} reference claims.`
              : `No corpus loaded${corpus.error ? ` (${corpus.error})` : ''}.`}
        </p>
        <p style={{ color: '#5f6b76' }}>Everything stays in your browser: Crosscheck makes no network request.</p>
      </section>
      <section aria-labelledby="sites-h">
        <h2 id="sites-h" style={{ fontSize: '14px' }}>
          Sites where Crosscheck runs by itself
        </h2>
        <p style={{ color: '#5f6b76' }}>
          On any other page, open Crosscheck from the toolbar and choose “Check this page”.
        </p>
        <ul style={{ listStyle: 'none', padding: 0, columns: 2 }}>
          {[...NEWS_SITES, 'localhost', '127.0.0.1'].map((site) => (
            <li key={site}>
              <label>
                <input
                  type="checkbox"
                  checked={!settings?.offSites.includes(site)}
                  onChange={(e) => void toggle(site, (e.target as HTMLInputElement).checked)}
                />{' '}
                {site}
              </label>
            </li>
          ))}
        </ul>
        {extraOff.length > 0 && (
          <>
            <h3 style={{ fontSize: '13px' }}>Turned off elsewhere</h3>
            <ul>
              {extraOff.map((site) => (
                <li key={site}>
                  {site}{' '}
                  <button type="button" onClick={() => void toggle(site, true)}>
                    Turn on
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
