// Which way a bare "Tuesday" or "July" points. News is written in the past tense, so the
// default is backwards. A future marker ("will", "is set to", "scheduled", "plans to",
// "next", "upcoming", "expected to", "due to") within a few words in the same sentence turns
// it forwards: before the date when it stands closer than any past-tense verb ("said on
// Tuesday that it will ..." is about what was said on Tuesday), after the date only when no
// past-tense verb precedes it ("closed in July and expects to reopen" is still July past).
import { ABBREVIATIONS } from './lexicon';
import type { Direction } from './spec';
import type { Token } from './tokenize';

const WINDOW = 8;

/** Future markers on their own. */
const FUTURE = new Set([
  'will', 'shall', 'upcoming', 'forthcoming', 'next', 'scheduled', 'rescheduled', 'slated', 'planned', 'planning',
  'expected', 'expects', 'expect', 'postponed', 'deferred', 'tomorrow', 'soon', 'awaited', 'pending',
]);

/** Future markers when "to" follows: "plans to", "is set to", "is going to", "aims to". */
const FUTURE_BEFORE_TO = new Set([
  'plans', 'plan', 'set', 'going', 'aims', 'aim', 'intends', 'intend', 'hopes', 'hope', 'poised', 'seeks', 'seek',
  'wants', 'want', 'vows', 'vowed', 'pledges', 'pledged', 'promises', 'promised', 'threatens', 'threatened', 'about',
  'forecast', 'projected', 'likely',
]);

/** What may follow "due" to make it "due to happen" rather than "because of". */
const DUE_FOLLOWERS = new Set(['on', 'in', 'by', 'for', 'at', 'back', 'out', 'next', 'this', 'later']);
const DUE_TO_VERBS = new Set([
  'be', 'begin', 'start', 'take', 'meet', 'open', 'close', 'end', 'arrive', 'launch', 'return', 'expire', 'finish',
  'vote', 'testify', 'appear', 'speak', 'travel', 'visit', 'announce', 'release', 'report', 'hold', 'sign', 'resume',
  'reopen', 'come', 'go', 'face', 'run', 'hear', 'rule', 'deliver', 'give', 'publish', 'decide', 'debate', 'leave',
]);

/** Irregular past-tense verbs (regular ones end in -ed). */
const PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'took', 'met', 'began', 'came', 'went', 'made', 'held', 'won', 'lost',
  'rose', 'fell', 'saw', 'gave', 'left', 'paid', 'sold', 'spent', 'became', 'grew', 'struck', 'ran', 'brought',
  'bought', 'caught', 'fought', 'found', 'got', 'knew', 'led', 'sent', 'shot', 'spoke', 'stood', 'thought', 'wrote',
  'broke', 'chose', 'drove', 'flew', 'froze', 'hid', 'rode', 'rang', 'sank', 'stole', 'swore', 'tore', 'woke', 'wore',
  'shut', 'kept', 'felt', 'dealt', 'built', 'heard', 'ago', 'yesterday', 'last',
]);

/** Words in -ed that are not past tense. */
const NOT_PAST_ED = new Set(['need', 'speed', 'hundred', 'indeed', 'proceed', 'succeed', 'exceed', 'bed', 'red', 'shed', 'seed', 'feed', 'weed', 'breed', 'embed', 'sacred', 'naked', 'wicked', 'kindred']);

function isApostrophe(t: Token | undefined): boolean {
  return !!t && (t.text === "'" || t.text === '’');
}

function isFutureAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  const nextLow = next && next.kind === 'word' ? next.low : '';
  // "it'll", "won't": the apostrophe splits them.
  if (t.low === 'll' && !t.spaced && isApostrophe(tokens[k - 1])) return true;
  if (t.low === 'won' && isApostrophe(next) && !next!.spaced && tokens[k + 2]?.low === 't') return true;
  if (FUTURE.has(t.low)) return true;
  if (FUTURE_BEFORE_TO.has(t.low) && nextLow === 'to') return true;
  // "a hearing is set for Feb. 12".
  if (t.low === 'set' && nextLow === 'for') return true;
  // "the ban takes effect in June", "comes into force on Monday" (present tense for a timetable).
  if ((t.low === 'takes' || t.low === 'take') && nextLow === 'effect') return true;
  if ((t.low === 'comes' || t.low === 'come') && nextLow === 'into') return true;
  if (t.low === 'due') {
    if (DUE_FOLLOWERS.has(nextLow)) return true;
    if (nextLow === 'to') return DUE_TO_VERBS.has(tokens[k + 2]?.low ?? '');
  }
  return false;
}

function isPastAt(tokens: Token[], k: number): boolean {
  const low = tokens[k].low;
  // "will be held", "to be signed": a passive participle, not a past tense.
  const before = tokens[k - 1];
  if (before && before.kind === 'word' && (before.low === 'be' || before.low === 'being')) return false;
  if (PAST.has(low)) return true;
  return low.length >= 5 && low.endsWith('ed') && !NOT_PAST_ED.has(low) && !low.endsWith('eed');
}

/** A sentence ends after token k: ". ! ? ;" followed by a space or the end, not "Mr." or "Jan.". */
function endsSentence(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind !== 'punct') return false;
  const next = tokens[k + 1];
  if (next && !next.spaced) return false;
  if (t.text === '!' || t.text === '?' || t.text === ';' || t.text === '…') return true;
  if (t.text !== '.') return false;
  const prev = tokens[k - 1];
  if (!prev || prev.kind !== 'word' || t.spaced) return true;
  return !(ABBREVIATIONS.has(prev.low) || prev.low.length === 1);
}

/** Words that make the date after them the end of something that lasts: a deadline. */
const DEADLINE = new Set(['through', 'thru', 'until', 'till', 'til']);
/** Verbs whose extent runs forward from when they are done: "extended the ban through Sunday". */
const FORWARD = /^(extend|cancel|suspend|ground|postpon|delay|push|halt|paus)/;

/**
 * "through Sunday", "until Jan. 21": a deadline looks ahead unless a past verb of the clause says
 * it is over ("stayed closed until Sunday"); a verb that sets an extent ("extended the
 * cancellations through Sunday") is past but its deadline still ahead.
 */
function deadlineDirection(tokens: Token[], start: number): Direction | undefined {
  const prev = tokens[start - 1];
  if (!prev || prev.kind !== 'word' || !DEADLINE.has(prev.low)) return undefined;
  let words = 0;
  for (let k = start - 2; k >= 0 && words < WINDOW; k--) {
    if (tokens[k + 1].newline || endsSentence(tokens, k)) break;
    if (tokens[k].kind !== 'word') continue;
    words++;
    if (isFutureAt(tokens, k)) return 'future';
    if (FORWARD.test(tokens[k].low)) return 'future';
    if (isPastAt(tokens, k)) return 'past';
  }
  return 'future';
}

/** Looks up to WINDOW words each side of tokens [start, end) within the sentence. */
export function clauseDirection(tokens: Token[], start: number, end: number): Direction {
  const deadline = deadlineDirection(tokens, start);
  if (deadline) return deadline;
  let future = Infinity;
  let past = Infinity;
  let words = 0;
  for (let k = start - 1; k >= 0 && words < WINDOW; k--) {
    if (tokens[k + 1].newline || endsSentence(tokens, k)) break;
    if (tokens[k].kind !== 'word') continue;
    words++;
    if (future === Infinity && isFutureAt(tokens, k)) future = words;
    else if (past === Infinity && isPastAt(tokens, k)) past = words;
  }
  if (past === Infinity && future === Infinity) {
    words = 0;
    for (let k = end; k < tokens.length && words < WINDOW; k++) {
      if (tokens[k].newline || endsSentence(tokens, k - 1)) break;
      if (tokens[k].kind !== 'word') continue;
      words++;
      if (isFutureAt(tokens, k)) return 'future';
    }
  }
  // Ties cannot happen (one word is one or the other); the nearer marker before the date governs it.
  return future < past ? 'future' : 'past';
}
