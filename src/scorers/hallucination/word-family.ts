// Whether a set of stemmed terms holds a term or one of its word family.

/**
 * The term, or one of its word family: Porter stems of one family can still differ ("tenant" /
 * "tenanc", "engin" / "engineer"). A shared prefix of six letters, or a stem of four or more
 * that the other extends, counts; "transfer" and "transport" (five) do not.
 */
export function hasWordFamily(terms: ReadonlySet<string>, term: string): boolean {
  if (terms.has(term)) return true;
  if (term.length < 4) return false;
  for (const other of terms) {
    if (other.length < 4 || other[0] !== term[0]) continue;
    const [short, long] = other.length <= term.length ? [other, term] : [term, other];
    if (long.startsWith(short)) return true;
    let shared = 0;
    while (shared < short.length && short[shared] === long[shared]) shared++;
    if (shared >= 6) return true;
  }
  return false;
}
