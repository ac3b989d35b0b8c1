// The same person written with a familiar first name ("Dave Calhoun", "David Calhoun") is one
// speaker. No library on the registry gives English hypocorisms as a small table, so this is
// the common, unambiguous ones (a name that shortens two ways, like "Pat" or "Alex", is left out).
const FORMAL: Record<string, string> = Object.assign(Object.create(null), {
  Dave: 'David', Davey: 'David', Bill: 'William', Billy: 'William', Will: 'William', Bob: 'Robert', Bobby: 'Robert',
  Rob: 'Robert', Robbie: 'Robert', Mike: 'Michael', Mick: 'Michael', Jim: 'James', Jimmy: 'James', Jamie: 'James',
  Tom: 'Thomas', Tommy: 'Thomas', Joe: 'Joseph', Joey: 'Joseph', Tony: 'Anthony', Chris: 'Christopher',
  Steve: 'Steven', Stephen: 'Steven', Dan: 'Daniel', Danny: 'Daniel', Matt: 'Matthew', Nick: 'Nicholas',
  Rick: 'Richard', Rich: 'Richard', Dick: 'Richard', Ed: 'Edward', Eddie: 'Edward', Ben: 'Benjamin',
  Andy: 'Andrew', Greg: 'Gregory', Jeff: 'Jeffrey', Ken: 'Kenneth', Kenny: 'Kenneth', Larry: 'Lawrence',
  Pete: 'Peter', Ron: 'Ronald', Ronnie: 'Ronald', Don: 'Donald', Donnie: 'Donald', Doug: 'Douglas',
  Fred: 'Frederick', Josh: 'Joshua', Phil: 'Philip', Tim: 'Timothy', Timmy: 'Timothy', Zach: 'Zachary',
  Charlie: 'Charles', Chuck: 'Charles', Liz: 'Elizabeth', Beth: 'Elizabeth', Betsy: 'Elizabeth',
  Kate: 'Katherine', Katie: 'Katherine', Kathy: 'Katherine', Becky: 'Rebecca', Jen: 'Jennifer', Jenny: 'Jennifer',
  Sue: 'Susan', Susie: 'Susan', Peggy: 'Margaret', Maggie: 'Margaret', Vicky: 'Victoria', Abby: 'Abigail',
  Debbie: 'Deborah', Cindy: 'Cynthia', Gabe: 'Gabriel', Nate: 'Nathaniel', Ray: 'Raymond', Walt: 'Walter',
});

/** A person's name with a familiar first name written in full: the key two spellings of one person share. */
export function personKey(name: string): string {
  const sp = name.indexOf(' ');
  if (sp < 0) return name;
  const first = name.slice(0, sp);
  const formal = FORMAL[first];
  return formal ? formal + name.slice(sp) : name;
}

/** The keys a speaker is filed and looked up under: as written, and with the first name in full. */
export function speakerKeys(name: string): string[] {
  const k = personKey(name);
  return k === name ? [name] : [name, k];
}
