// Errors in a reader's words. The browsers word their errors differently (and change them), so
// each is read for what it means and said the same way in both; the browser's or the validator's
// own text goes behind a "Details" disclosure, never in the sentence.

export interface ReaderError {
  /** What kind of trouble, for tests and styling. */
  kind: 'cannot-run' | 'permission' | 'slow' | 'no-background' | 'failed';
  title: string;
  /** What happened and what the reader can do, in one or two sentences. */
  text: string;
  /** Whether trying again can help (no Retry is offered where it cannot). */
  retry: boolean;
  /** The technical text, for the Details disclosure. */
  detail?: string;
}

/** Browser pages, extension pages and the web stores: no extension may run there. */
export function isClosedPage(url: string | undefined): boolean {
  if (!url) return false;
  if (/^(chrome|edge|brave|opera|vivaldi|about|moz-extension|chrome-extension|view-source|devtools|resource|chrome-search|chrome-untrusted|data|javascript):/i.test(url)) return true;
  return /^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|microsoftedge\.microsoft\.com\/addons|addons\.mozilla\.org)\b/i.test(url);
}

const CLOSED =
  /cannot access (a |an )?(chrome|edge|about|moz-extension|chrome-extension|devtools|view-source)[:\w]*|cannot be scripted|extensions gallery|chrome web store|webstore|addons\.mozilla|reserved|privileged|cannot access a (?:chrome|javascript|data)/i;
const PERMISSION = /cannot access contents of|must request permission|missing host permission|permission|not allowed to access|activeTab/i;

/** The reader's words for an error from trying to run Crosscheck on a tab or from reading a page. */
export function pageError(raw: string | undefined, url?: string): ReaderError {
  const detail = raw?.trim() || undefined;
  if (isClosedPage(url) || (detail && CLOSED.test(detail))) {
    return {
      kind: 'cannot-run',
      title: 'Crosscheck can’t run on this page',
      text: 'Browser pages, extension pages and add-on stores are closed to every extension. Open a news article to check it.',
      retry: false,
      detail,
    };
  }
  if (detail && PERMISSION.test(detail)) {
    return {
      kind: 'permission',
      title: 'Crosscheck needs your go-ahead for this page',
      text: 'The browser did not let Crosscheck read this page. Go to the page, click the Crosscheck button in the toolbar, then choose “Check this page”: that lets it read the page once.',
      retry: false,
      detail,
    };
  }
  if (detail && /did not answer|not read in|timed? ?out/i.test(detail)) {
    return {
      kind: 'slow',
      title: 'Crosscheck took too long on this page',
      text: 'The page was not read in time. It may still be loading; you can try again.',
      retry: true,
      detail,
    };
  }
  if (detail && /receiving end does not exist|could not establish connection|extension context invalidated|message manager|background/i.test(detail)) {
    return {
      kind: 'no-background',
      title: 'Crosscheck could not reach the page',
      text: 'The page and Crosscheck lost touch (the page may have been reloaded, or Crosscheck updated). Reload the page, then try again.',
      retry: true,
      detail,
    };
  }
  return {
    kind: 'failed',
    title: 'Crosscheck could not check this page',
    text: 'Something stopped it half-way. Nothing was sent anywhere; you can try again.',
    retry: true,
    detail,
  };
}

/** The reader's words for a corpus file that could not be imported (the options page). */
export function importError(fileName: string, raw: string): { text: string; detail: string } {
  const name = `“${fileName}”`;
  let why: string;
  if (/too large/i.test(raw)) {
    const limit = /limit is ([\d.]+ ?MB)/i.exec(raw)?.[1] ?? /more than ([\d.]+ ?MB)/i.exec(raw)?.[1];
    why = `${name} is too large: Crosscheck takes corpus files of up to ${limit ?? '50 MB'}.`;
  } else if (/empty/i.test(raw)) why = `${name} is empty.`;
  else if (/^not JSON/i.test(raw)) why = `${name} is not a corpus file: a corpus file is JSON text, and this is not.`;
  else if (/no sources/i.test(raw)) why = `${name} is a corpus file with no articles in it.`;
  else if (/not a Crosscheck corpus/i.test(raw)) why = `${name} is JSON, but not a Crosscheck corpus file.`;
  else if (/could not be read/i.test(raw)) why = `${name} could not be read from the disk.`;
  else why = `${name} could not be added.`;
  return {
    text: `${why} Your corpus is unchanged. A corpus file is one that “crosscheck corpus build” writes, or that “Export your corpus” saved.`,
    detail: raw,
  };
}
