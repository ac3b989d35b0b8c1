// The command-line tool: `crosscheck check` and `crosscheck corpus build` (see DESIGN.md for the contract).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../engine';
import { CorpusError, CorpusIndex, parseCorpus, serializeCorpus } from '../corpus';
import { buildCorpus, type SourceArticle } from '../corpus/build';
import { InputError, readInput } from './read-input';
import { isClaimReviewShaped, readClaimReviews } from '../factcheck/claimreview';
import { factCheckCorpus } from '../factcheck/source';
import { formatOf, isReadme, stemOf } from '../article/file';
import { toJsonReport, toTextReport } from './report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_CORPUS = join(ROOT, 'assets', 'corpus', 'corpus.json');

const USAGE = `usage:
  crosscheck check [--json] [--corpus FILE] [--published YYYY-MM-DD] [--url URL] FILE_OR_URL
  crosscheck corpus build DIR -o FILE`;

class UsageError extends Error {}

interface Parsed {
  flags: Map<string, string | true>;
  rest: string[];
}

function parseArgs(argv: string[], withValue: string[]): Parsed {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('-') && a !== '-') {
      if (withValue.includes(a)) {
        const val = argv[++i];
        if (val === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(a, val);
      } else if (a === '--json' || a === '--help' || a === '-h') flags.set(a, true);
      else throw new UsageError(`unknown option ${a}`);
    } else rest.push(a);
  }
  return { flags, rest };
}

export function loadCorpusFile(path: string): CorpusIndex {
  if (!existsSync(path)) throw new CorpusError(`no corpus at ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CorpusError(`the corpus ${path} is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  try {
    return new CorpusIndex(parseCorpus(json));
  } catch (e) {
    throw new CorpusError(`${path}: ${(e as Error).message}`);
  }
}

async function check(argv: string[], out: (s: string) => void): Promise<number> {
  const { flags, rest } = parseArgs(argv, ['--corpus', '--published', '--url']);
  if (rest.length !== 1) throw new UsageError('check takes one FILE_OR_URL');
  const published = flags.get('--published') as string | undefined;
  if (published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(published)) throw new UsageError('--published must be YYYY-MM-DD');
  const index = loadCorpusFile((flags.get('--corpus') as string) ?? BUNDLED_CORPUS);
  const input = await readInput(rest[0], { published, url: flags.get('--url') as string | undefined });
  const analysis = analyze(input, index);
  out(flags.has('--json') ? JSON.stringify(toJsonReport(analysis)) : toTextReport(analysis, input.text));
  return 0;
}

async function corpusBuild(argv: string[], out: (s: string) => void): Promise<number> {
  const { flags, rest } = parseArgs(argv, ['-o', '--output']);
  if (rest[0] !== 'build' || rest.length !== 2) throw new UsageError('corpus build takes one DIR');
  const target = (flags.get('-o') ?? flags.get('--output')) as string | undefined;
  if (!target) throw new UsageError('corpus build needs -o FILE');
  const dir = rest[1];
  if (!existsSync(dir)) throw new InputError(`no such folder: ${dir}`);
  // The articles of a folder as the options page's import picks them (lib/article/file.ts).
  const all = readdirSync(dir).sort();
  const files = all.filter((f) => formatOf(f) && !isReadme(f));
  const reviews = claimReviewFiles(dir, all, files);
  if (!files.length && !reviews.length) throw new InputError(`no articles (.txt, .md, .html) or ClaimReview files (.json) in ${dir}`);
  const articles: SourceArticle[] = [];
  for (const f of files) {
    // readInput applies the sidecar NAME.json (title, outlet, url, published, note).
    const input = await readInput(join(dir, f), {});
    articles.push({ id: stemOf(f), input, outlet: input.site, publishedInferred: input.publishedInferred === true, note: input.note });
  }
  const corpus = buildCorpus(articles);
  // Fact-checks from the folder's ClaimReview files, read with the names the articles use.
  const known = new Map((corpus.names ?? []).map((n) => [n.name, n.kind] as const));
  const checks = factCheckCorpus(reviews.flatMap((r) => r.reviews), known).file;
  const ids = new Set(corpus.sources.map((s) => s.id));
  for (const s of checks.sources) if (!ids.has(s.id)) corpus.sources.push(s);
  corpus.references.push(...checks.references.filter((r) => !ids.has(r.sourceId)));
  writeFileSync(target, serializeCorpus(corpus) + '\n');
  const skipped = reviews.reduce((n, r) => n + r.skipped.length, 0);
  const fc = checks.sources.length ? ` (${checks.sources.length} fact-checks${skipped ? `; ${skipped} reviews skipped` : ''})` : '';
  out(`built ${target}: ${corpus.sources.length} sources${fc}, ${corpus.references.length} reference claims`);
  return 0;
}

/**
 * The reviews in the folder's ClaimReview .json files: a .json beside an article of the same name
 * is its sidecar, and a .json that is not ClaimReview (or not JSON) is none of this command's.
 */
function claimReviewFiles(dir: string, all: string[], articles: string[]): ReturnType<typeof readClaimReviews>[] {
  const stems = new Set(articles.map((f) => stemOf(f)));
  const out: ReturnType<typeof readClaimReviews>[] = [];
  for (const f of all) {
    if (!/\.json$/i.test(f) || stems.has(stemOf(f))) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch {
      continue;
    }
    if (isClaimReviewShaped(json)) out.push(readClaimReviews(json));
  }
  return out;
}

/** Runs the tool; returns the exit code. Errors are one line on stderr, never a stack trace. */
export async function main(argv: string[], io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) }): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'check') return await check(rest, io.out);
    if (command === 'corpus') return await corpusBuild(rest, io.out);
    throw new UsageError(`unknown command ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`crosscheck: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError || e instanceof CorpusError) {
      io.err(`crosscheck: ${e.message}`);
      return 1;
    }
    io.err(`crosscheck: unexpected error: ${(e as Error)?.message ?? String(e)}`);
    return 1;
  }
}
