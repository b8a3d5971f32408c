// A document reduced to what reports need: the CLI's `tree` JSON (DIALECT section 5)
// and the workspace index store this, not the full model.
import type { ActionStatus, MinutesDocument } from './model';
import { LineIndex } from './text';

export interface ActionSummary {
  readonly text: string;
  readonly owners: readonly string[];
  readonly due: string | null;
  readonly status: ActionStatus;
  /** 1-based line of the action. */
  readonly line: number;
  readonly done?: string;
  readonly from?: string;
  readonly decision?: string;
}

export interface DecisionSummary {
  readonly id: string;
  readonly line: number;
  readonly text: string;
}

export interface ItemSummary {
  readonly number: number | null;
  readonly title: string;
  readonly line: number;
  readonly decisions: readonly DecisionSummary[];
  readonly actions: readonly ActionSummary[];
}

/** A vote (`[!omröstning]`): the counts and the roll call as written. */
export interface VoteSummary {
  readonly line: number;
  readonly text: string;
  readonly yes: number | null;
  readonly no: number | null;
  readonly abstain: number | null;
  /** `vote` is null when the word is not a vote word. */
  readonly ballots: readonly { readonly name: string; readonly vote: 'yes' | 'no' | 'abstain' | null; readonly word: string; readonly line: number }[];
}

/** A dissent (`[!reservation] Name`). */
export interface DissentSummary {
  readonly line: number;
  readonly name: string;
  readonly text: string;
}

/** An item with the record of how it was decided: the `tree` JSON (the index keeps the plain summary). */
export interface RecordedItemSummary extends ItemSummary {
  readonly votes: readonly VoteSummary[];
  readonly dissents: readonly DissentSummary[];
}

export interface RecordedMeetingSummary extends Omit<MeetingSummary, 'items'> {
  readonly items: readonly RecordedItemSummary[];
}

export interface MeetingSummary {
  readonly organ: string | null;
  readonly datum: string | null;
  /** The profile word as written in the front matter (`protokoll`, `notes`…). */
  readonly typ: string | null;
  /** The status word as written in the front matter. */
  readonly status: string | null;
  readonly items: readonly ItemSummary[];
}

function written(doc: MinutesDocument, key: 'type' | 'status'): string | null {
  const v = doc.frontMatter?.values[key]?.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The summary with each item's votes and dissents (Kommunallagen 5 kap. 66–67 §§), for reports. */
export function summarizeWithRecord(doc: MinutesDocument, lines: LineIndex = new LineIndex(doc.text)): RecordedMeetingSummary {
  const summary = summarize(doc, lines);
  const line = (offset: number) => lines.positionAt(offset).line + 1;
  const items = doc.items;
  return {
    ...summary,
    items: summary.items.map((s, i) => {
      const callouts = items[i]!.callouts;
      return {
        ...s,
        votes: callouts
          .filter((c) => c.kind === 'vote')
          .map((c) => ({
            line: line(c.span.start),
            text: c.text,
            yes: c.vote?.yes ?? null,
            no: c.vote?.no ?? null,
            abstain: c.vote?.abstain ?? null,
            ballots: (c.ballots ?? []).map((b) => ({ name: b.name, vote: b.vote ?? null, word: b.word, line: line(b.span.start) })),
          })),
        dissents: callouts.filter((c) => c.kind === 'dissent').map((c) => ({ line: line(c.span.start), name: c.title, text: c.text })),
      };
    }),
  };
}

export function summarize(doc: MinutesDocument, lines: LineIndex = new LineIndex(doc.text)): MeetingSummary {
  const line = (offset: number) => lines.positionAt(offset).line + 1;
  return {
    organ: doc.frontMatter?.body ?? null,
    datum: doc.frontMatter?.date ?? null,
    typ: written(doc, 'type'),
    status: written(doc, 'status'),
    items: doc.items.map((item) => ({
      number: item.number ?? null,
      title: item.title,
      line: line(item.heading.span.start),
      decisions: item.decisions.map((d) => ({ id: d.id, line: line(d.span.start), text: d.text })),
      actions: item.actions.map((a) => ({
        text: a.text,
        owners: a.owners,
        due: a.due ?? null,
        status: a.status,
        line: line(a.span.start),
        ...(a.done ? { done: a.done } : {}),
        ...(a.from ? { from: a.from } : {}),
        ...(a.decisionId ? { decision: a.decisionId } : {}),
      })),
    })),
  };
}
