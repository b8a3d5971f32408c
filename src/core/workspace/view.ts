// What the workspace index holds and the read-only view of it that workspace rules get.
// Types only, so the lint contract can name them without importing the index.
import type { Language, MinutesStatus, Profile } from '../model';
import type { ActionSummary, DecisionSummary, MeetingSummary } from '../summary';
import type { CarriedAction, Origin } from './carry';

export interface FollowUpInfo {
  readonly number: number | null;
  readonly title: string;
  readonly line: number;
}

export interface IndexEntry {
  readonly uri: string;
  /** `contentHash` of the text and the `assumeMinutes` flag it was parsed with. */
  readonly hash: string;
  readonly isMinutes: boolean;
  readonly body: string | null;
  readonly date: string | null;
  readonly profile: Profile | null;
  readonly language: Language;
  readonly status: MinutesStatus | null;
  /** `paragraf-start` as written. */
  readonly declaredFirstItem: number | null;
  /** Lowest and highest item numbers. */
  readonly firstItem: number | null;
  readonly lastItem: number | null;
  readonly followUp: FollowUpInfo | null;
  /** Absent for files that are not minutes. */
  readonly summary: MeetingSummary | null;
  /** Why the file could not be indexed (a bug in Justera), to report rather than pass over. */
  readonly error: string | null;
}

/** An action with the meeting it stands in. */
export interface IndexedAction extends ActionSummary {
  readonly uri: string;
  readonly body: string | null;
  readonly date: string | null;
  readonly item: number | null;
  readonly itemTitle: string;
  /** The action's `från`, else its own meeting and item. */
  readonly origin: Origin | undefined;
  readonly key: string;
}

export interface IndexedDecision extends DecisionSummary {
  readonly uri: string;
  readonly body: string | null;
  readonly date: string | null;
  readonly item: number | null;
  readonly itemTitle: string;
}

/** The read-only view the lint engine gives workspace rules. */
export interface WorkspaceView {
  /** The latest minutes of the same body dated before `date` (not `exceptUri`). */
  previousMeeting(body: string, date: string, exceptUri?: string): IndexEntry | undefined;
  /** Actions of a meeting. */
  actionsOf(entry: IndexEntry): readonly IndexedAction[];
  /** The action of a meeting of `body` after `date` that carries over or closes `action`, if any. */
  continuation(body: string, date: string, action: CarriedAction, exceptUri?: string, onlyOfOrigin?: boolean): IndexedAction | undefined;
}
