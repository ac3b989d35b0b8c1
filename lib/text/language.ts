// Whether a text is English: the engine's rules (names, figures, dates, quotes) are English ones,
// and on other languages they would mark noise. Common function words make up a large share of
// any English text and almost none of other languages'.

const COMMON = new Set(
  'the of and to in is was that for it with as on be at by this had not are but from or have an they which you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  ),
);

/** The share of a text's words that are common English function words (0 to 1). */
export function englishShare(text: string, maxWords = 2000): number {
  let words = 0;
  let common = 0;
  const re = /[\p{L}']+/gu;
  for (let m = re.exec(text); m && words < maxWords; m = re.exec(text)) {
    words++;
    if (COMMON.has(m[0].toLowerCase())) common++;
  }
  return words ? common / words : 0;
}

/**
 * English unless the page says otherwise or its words say so. Short texts are given the benefit
 * of the doubt: too few words to tell.
 */
export function isEnglish(text: string, lang?: string): boolean {
  if (lang && !/^en\b/i.test(lang.trim())) return false;
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  // Chinese, Japanese, Arabic, Cyrillic...: the letters themselves tell.
  if (letters >= 40 && latin / letters < 0.5) return false;
  const words = sample.match(/[\p{L}']+/gu)?.length ?? 0;
  if (words < 40) return true;
  return englishShare(text) >= 0.12;
}
