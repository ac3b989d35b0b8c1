// Settings: learning as the reader reads (off until they turn it on), how long read articles are
// kept, and the last problem keeping one (a full disk, a store that would not open), in one line.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readLearning, watchLearning, writeLearning, type LearningSettings } from '@/lib/storage';

/** Where the background notes the last problem keeping a page (entrypoints/background.ts). */
const LEARNING_ERROR_KEY = 'learning-error';

export function LearningSection() {
  const [l, setL] = useState<LearningSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void readLearning().then(setL);
    const unwatch = watchLearning(setL);
    const readProblem = () =>
      void browser.storage.local.get(LEARNING_ERROR_KEY).then(
        (got) => {
          const p = got[LEARNING_ERROR_KEY] as { message?: unknown } | undefined;
          setProblem(typeof p?.message === 'string' ? p.message : null);
        },
        () => setProblem(null),
      );
    readProblem();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LEARNING_ERROR_KEY in changes) readProblem();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      unwatch();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const set = (change: Partial<LearningSettings>) => void writeLearning({ ...change, offered: true }).then(setL);

  return (
    <section aria-labelledby="learning-h">
      <h2 id="learning-h">Learn as you read</h2>
      <p class="quiet">
        When this is on, each article Crosscheck reads is kept in this browser as part of your corpus: its outlet, title, address, date
        and the claims Crosscheck found in it, so that the next article on the same story is compared with it. Nothing is kept from
        private windows, from sites you turned off, or from pages that are not articles in English. Nothing leaves your computer.
      </p>
      <label>
        <input type="checkbox" data-learning-toggle checked={l?.on ?? false} disabled={!l} onChange={(e) => set({ on: (e.target as HTMLInputElement).checked })} />{' '}
        Learn from the articles I read
      </label>
      <div class="row">
        <label>
          Keep read articles for{' '}
          <input
            type="number"
            min={1}
            max={3650}
            data-learning-days
            value={l?.keepDays ?? 90}
            disabled={!l}
            onChange={(e) => set({ keepDays: Number((e.target as HTMLInputElement).value) })}
          />{' '}
          days,
        </label>{' '}
        <label>
          and at most{' '}
          <input
            type="number"
            min={1}
            max={100000}
            data-learning-articles
            value={l?.keepArticles ?? 2000}
            disabled={!l}
            onChange={(e) => set({ keepArticles: Number((e.target as HTMLInputElement).value) })}
          />{' '}
          of them (the oldest go first).
        </label>
      </div>
      <p class="quiet">Pages you add yourself (“Add this page” in the toolbar popup) and files you import are kept until you delete them.</p>
      {problem && (
        <p class="notice error" role="alert" data-learning-problem>
          {problem}
        </p>
      )}
    </section>
  );
}
