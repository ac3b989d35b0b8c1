// Lookup tables keyed by words from the page: without a prototype, so "constructor" or
// "__proto__" in an article is just a word that is not in the table.
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
