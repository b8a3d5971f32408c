// Labels for a callout word or a field key in the language of its spelling, for hosts
// that show the Markdown itself (VS Code's built-in preview) rather than the render.
import { CALLOUT_SPELLING, CALLOUT_WORDS, FIELD_KEYS, YES_WORDS, canonicalKey, lookup } from '../keywords';
import type { Item, Language } from '../model';
import { WORDS, readableKey } from './words';

export function calloutLabel(word: string): { kind: string; label: string } {
  const kind = lookup(CALLOUT_WORDS, word);
  if (!kind) return { kind: word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''), label: readableKey(word) };
  const language: Language = CALLOUT_SPELLING[kind].sv === word.trim().toLowerCase() ? 'sv' : 'en';
  return { kind, label: WORDS[language].callouts[kind] };
}

/** `Ansvarig: Name`; undefined for fields that only steer Justera (`[info:: ja]`). */
export function fieldLabel(rawKey: string, value: string): string | undefined {
  const key = canonicalKey(FIELD_KEYS, rawKey);
  const language: Language = key && FIELD_KEYS[key].en === rawKey.trim().toLowerCase() && FIELD_KEYS[key].sv !== FIELD_KEYS[key].en ? 'en' : 'sv';
  if (key === 'info') return undefined;
  if (key === 'immediate-approval') return YES_WORDS.includes(value.trim().toLowerCase()) ? WORDS[language].fields[key] : undefined;
  const label = (key && WORDS[language].fields[key]) ?? readableKey(rawKey);
  return `${label}: ${value}`;
}

/** `§ 14 Title`, `1. Title` or the title alone, as the item is numbered. */
export function itemHeading(item: Item): string {
  if (item.number === undefined) return item.title;
  return item.numberStyle === 'paragraph' ? `§ ${item.number} ${item.title}` : `${item.number}. ${item.title}`;
}
