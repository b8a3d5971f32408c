// Matching people by name across attendance, owners, signers and callout titles.
// A party or organisation in parentheses is not part of the name.

const keys = new Map<string, string>();

/** Key for comparing names: no parenthesised suffix, collapsed space, lower case. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = stripParenthesis(name).replace(/\s+/g, ' ').trim().toLowerCase();
    // Names repeat across a document and its versions; the memo is bounded all the same.
    if (keys.size > 10_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

/** `Amir Haddad (M)` → `Amir Haddad`. */
export function stripParenthesis(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b) && nameKey(a) !== '';
}

/**
 * Splits a list of names (`Helene Olofsson, Anna Söderström`, `A och B`, `A and B`)
 * into names with their offsets within `text`.
 */
export function splitNames(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = /[^,;&]+/g;
  for (const part of text.matchAll(re)) {
    // "A och B" / "A and B" / "A samt B" inside one comma part.
    let offset = part.index!;
    for (const piece of part[0].split(/(\s+(?:och|and|samt)\s+)/i)) {
      if (/^\s+(?:och|and|samt)\s+$/i.test(piece)) {
        offset += piece.length;
        continue;
      }
      const lead = piece.length - piece.trimStart().length;
      const name = piece.trim();
      if (name) out.push({ name, start: offset + lead, end: offset + lead + name.length });
      offset += piece.length;
    }
  }
  return out;
}
