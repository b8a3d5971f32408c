// What the workspace commands decide, over the index and a parsed document: which open
// actions of earlier meetings a new meeting is missing, and which decision a search
// names. The vscode adapter (vscode/workspace/register.ts) only asks and applies.
import type { MinutesDocument } from '../model';
import { actionKey, continues, originOf, sameOrigin } from './carry';
import type { WorkspaceIndex } from './index';
import type { IndexedAction, IndexedDecision } from './view';

export type CarryCandidates =
  | { readonly ok: false; readonly error: 'not-minutes' | 'no-body-or-date' }
  | { readonly ok: true; readonly body: string; readonly actions: readonly IndexedAction[] };

/**
 * The open actions of earlier meetings of the document's body that it neither carries
 * nor closes, oldest first: what "insert open actions" offers.
 */
export function carryCandidates(index: WorkspaceIndex, doc: MinutesDocument, uri: string): CarryCandidates {
  if (!doc.isMinutes) return { ok: false, error: 'not-minutes' };
  const body = doc.frontMatter?.body;
  const date = doc.frontMatter?.date;
  if (!body || !date) return { ok: false, error: 'no-body-or-date' };
  const here = doc.items.flatMap((item) => item.actions.map((a) => ({ origin: originOf(date, item.number ?? null, a.from), key: actionKey(a.text) })));
  const actions = index
    .openActions({ body, before: date, exceptUri: uri })
    .filter((a) => !here.some((h) => h.origin && a.origin && sameOrigin(h.origin, a.origin) && continues(h, a, false)))
    .sort((a, b) => (a.origin?.date ?? '').localeCompare(b.origin?.date ?? '') || a.line - b.line);
  return { ok: true, body, actions };
}

/** The decision a search names: a § id exactly, else the first whose text contains the words. */
export function findDecision(decisions: readonly IndexedDecision[], query: string): IndexedDecision | undefined {
  const q = query.trim().toLowerCase();
  return decisions.find((d) => d.id.toLowerCase() === q) ?? decisions.find((d) => d.text.toLowerCase().includes(q));
}

/** A decision as the search picker lists it: id and text, shortened. */
export function decisionPickLabel(d: IndexedDecision): string {
  return `${d.id} ${d.text.length > 120 ? `${d.text.slice(0, 119)}…` : d.text}`;
}
