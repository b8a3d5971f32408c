// Item numbering shared by MIN020 (heading form) and MIN021 (sequence).
import type { Item, MinutesDocument } from '../model';

export type NumberStyle = 'paragraph' | 'dotted';

/**
 * The numbering form the document should use: Swedish protokoll `§ N`, notes `N.`.
 * English minutes use `N.` by custom, so they may use either form as long as they are
 * consistent: the first numbered item decides.
 */
export function expectedStyle(doc: MinutesDocument): NumberStyle {
  if (doc.effectiveProfile === 'notes') return 'dotted';
  if (doc.language === 'sv') return 'paragraph';
  const first = doc.items.find((i) => i.numberStyle !== 'none');
  return first?.numberStyle === 'paragraph' ? 'paragraph' : 'dotted';
}

export function numberToken(style: NumberStyle, n: number): string {
  return style === 'paragraph' ? `§ ${n}` : `${n}.`;
}

/** The style an item keeps when renumbered: its own, or the document's for unnumbered ones. */
export function styleOf(doc: MinutesDocument, item: Item): NumberStyle {
  return item.numberStyle === 'none' ? expectedStyle(doc) : item.numberStyle;
}
