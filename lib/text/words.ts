// Words and their light stems, for comparing the context of two claims cheaply.

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto over under about as than then that this these those ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'it its it\'s he him his she her hers they them their theirs we us our you your i me my mine who whom whose which what ' +
    'when where why how not no nor so too very just also only even still yet already more most less least much many some any ' +
    'all both each every few other another such own same there here up down out off again further once said says say saying ' +
    'told tells according while after before during since until because though although whether per via new one two ' +
    'mr mrs ms dr billion million trillion thousand hundred percent dollars dollar year years month months week weeks day days ' +
    'according would like well really actually'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A crude English stem: enough to let "invests", "investing" and "invested" meet. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "starting" -> "start", "planned" -> "plann" -> "plan"
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[aeiouls]/.test(w[w.length - 1])) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words (letters, digits, apostrophes, inner hyphens) with their offsets. */
export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/** Stems of the content words of a text: no stopwords, no bare numbers. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const lower = w.text.toLowerCase().replace(/\u2019/g, "'");
    if (isStopword(lower) || /^[\d.,]+$/.test(lower) || lower.length < 2) continue;
    out.push(stem(lower));
  }
  return out;
}

/** Jaccard similarity of two word lists taken as sets (0 to 1). */
export function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  const union = A.size + B.size - shared;
  return union ? shared / union : 0;
}
