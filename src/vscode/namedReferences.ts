// decode-named-character-reference in the extension's bundle (scripts/build.mjs puts this
// module in its place there). HTML's table of named character references was 28 KB of the
// bundle, loaded at every activation; only a document with a reference such as `&auml;`
// needs it, so it is read from dist/entities.js when the first one is decoded.
import * as path from 'node:path';

type Table = Readonly<Record<string, string>>;

/** A decoder that loads its table on first use: a name's character(s), or false. */
export function namedReferenceDecoder(load: () => Table): (value: string) => string | false {
  let table: Table | undefined;
  return (value) => {
    table ??= load();
    return Object.hasOwn(table, value) ? table[value]! : false;
  };
}

export const decodeNamedCharacterReference = namedReferenceDecoder(
  // A computed path: esbuild leaves this require to Node instead of bundling the table.
  () => (require(path.join(__dirname, 'entities.js')) as { characterEntities: Table }).characterEntities,
);
