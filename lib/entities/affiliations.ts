// Who speaks for which organisation, as an article introduces them: "Velo Air CEO Dana Reyes",
// "Dana Reyes, the chief executive of Velo Air", "Dana Reyes, Velo Air's spokeswoman". A figure an
// officer gives is the organisation's figure too: one report has "Velo Air says", another quotes
// its chief executive. Only roles that speak for the organisation count (not "Velo Air pilot").
// Written by hand: it reads the engine's own mentions, in the article's own order.
import type { Mention } from '../types';

/** Roles whose holder speaks for the organisation, lower case, longest first where they overlap. */
const SPEAKING_ROLES = [
  'chief executive officer', 'chief financial officer', 'chief operating officer', 'chief executive', 'chief financial', 'chief operating',
  'ceo', 'cfo', 'coo', 'president', 'chairman', 'chairwoman', 'chairperson', 'chair', 'founder', 'co-founder', 'cofounder',
  'spokesman', 'spokeswoman', 'spokesperson', 'head', 'director', 'chief', 'owner', 'managing director',
];
const ROLE = `(?:(?:executive|vice|deputy|interim|acting|senior|former|then-|group|global|company)\\s+)*(?:${SPEAKING_ROLES.map((r) => r.replace('-', '\\-')).join('|')})`;

/** "Velo Air CEO ", "Velo Air's chief executive ": between the organisation and the person. */
const ORG_THEN_ROLE = new RegExp(`^(?:['’]s)?\\s+${ROLE}\\s*,?\\s+$`, 'i');
/** ", the chief executive of ", ", who heads " ... then the organisation. */
const ROLE_OF = new RegExp(`^\\s*,\\s*(?:the\\s+|its\\s+|a\\s+)?${ROLE}\\s+(?:of|at|for)\\s+(?:the\\s+)?$`, 'i');
/** ", " then "Velo Air's chief executive": the organisation's role after the person. */
const ORG_POSSESSIVE_ROLE = new RegExp(`^['’]s\\s+${ROLE}\\b`, 'i');

const canonical = (m: Mention) => m.canonical ?? m.text;

/**
 * Each person the article names as an organisation's officer, with that organisation (canonical
 * names). A person tied to two organisations is tied to none: which one a figure is for is not known.
 */
export function affiliationsOf(text: string, entities: readonly Mention[]): Map<string, string> {
  const named = [...entities].filter((e) => e.kind === 'person' || e.kind === 'organization').sort((a, b) => a.start - b.start);
  const found = new Map<string, Set<string>>();
  const tie = (person: Mention, org: Mention) => {
    const p = canonical(person);
    let s = found.get(p);
    if (!s) found.set(p, (s = new Set()));
    s.add(canonical(org));
  };
  for (let i = 0; i + 1 < named.length; i++) {
    const x = named[i]!;
    const y = named[i + 1]!;
    if (y.start - x.end > 60) continue;
    const between = text.slice(x.end, y.start);
    // The role itself says which is the organisation: a name the gazetteer does not know is read
    // as a person's ("Velo Air"), and a spokesperson may speak for a person.
    if (y.kind === 'person' && ORG_THEN_ROLE.test(between)) tie(y, x);
    else if (x.kind === 'person') {
      if (ROLE_OF.test(between)) tie(x, y);
      else if (/^\s*,\s*$/.test(between) && ORG_POSSESSIVE_ROLE.test(text.slice(y.end, y.end + 40))) tie(x, y);
    }
  }
  const out = new Map<string, string>();
  for (const [p, orgs] of found) if (orgs.size === 1) out.set(p, [...orgs][0]!);
  return out;
}
