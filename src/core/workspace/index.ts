// The workspace index: every minutes file of a workspace reduced to its summary plus
// what the workspace rules and views need. Pure (no vscode, no Node): callers feed it
// texts (the extension through `workspace.fs` and open documents, the CLI from disk).
import type { MinutesDocument } from '../model';
import { parseMinutes } from '../parser';
import { nameKey, sameName } from '../people';
import { summarize } from '../summary';
import { LineIndex } from '../text';
import { isOpenStatus } from '../actionState';
import { actionKey, followUpItem, originOf, sameOrigin, type CarriedAction } from './carry';
import { contentHash } from './hash';
import { isUnder, urisUnder } from './paths';
import type { IndexEntry, IndexedAction, IndexedDecision, WorkspaceView } from './view';

export type { FollowUpInfo, IndexEntry, IndexedAction, IndexedDecision, WorkspaceView } from './view';

/** Bumped when the entry shape changes: older caches are dropped, not misread. */
export const INDEX_FORMAT = 2;

export interface ActionFilter {
  /** Only open and in-progress actions that no later meeting carried over or closed. */
  readonly open?: boolean;
  /** An owner name (`Amir Haddad (M)` matches `Amir Haddad`). */
  readonly owner?: string;
  readonly body?: string;
  /** Case-insensitive text found in the action, its owners, body or date. */
  readonly text?: string;
  /** Only meetings before this ISO date, and later meetings do not count (state as of then). */
  readonly before?: string;
  readonly exceptUri?: string;
}

export interface DecisionFilter {
  readonly body?: string;
  readonly text?: string;
}

export interface IndexChange {
  /** URIs whose entry was added, replaced or removed. */
  readonly uris: readonly string[];
}

export interface UpdateOptions {
  readonly assumeMinutes?: boolean;
  /** `indexHash(text, assumeMinutes)`, when the caller computed it already. */
  readonly hash?: string;
  /** The text already parsed (the editor's analysis of an open document): not parsed again. */
  readonly parsed?: MinutesDocument;
}

export function bodyKey(body: string | null | undefined): string {
  return (body ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How the index parses a text it was not handed parsed (the CLI counts its parses). */
export type IndexParser = (text: string, options: { assumeMinutes: boolean }) => MinutesDocument;

function entryFor(uri: string, text: string, hash: string, assumeMinutes: boolean, parsed?: MinutesDocument, parse: IndexParser = parseMinutes): IndexEntry {
  const doc = parsed && parsed.text === text ? parsed : parse(text, { assumeMinutes });
  if (!doc.isMinutes) {
    return {
      uri, hash, isMinutes: false, body: null, date: null, profile: null, language: doc.language, status: null,
      declaredFirstItem: null, firstItem: null, lastItem: null, followUp: null, summary: null, error: null,
    };
  }
  const lines = new LineIndex(doc.text);
  const numbers = doc.items.map((i) => i.number).filter((n): n is number => n !== undefined);
  const follow = followUpItem(doc);
  const fm = doc.frontMatter;
  return {
    uri,
    hash,
    isMinutes: true,
    body: fm?.body ?? null,
    date: fm?.date ?? null,
    profile: doc.profile ?? null,
    language: doc.language,
    status: fm?.status ?? null,
    declaredFirstItem: fm?.firstItem ?? null,
    // A loop, not Math.min(...numbers): spreading 125,000 arguments overflows the stack.
    firstItem: numbers.length ? numbers.reduce((a, b) => (b < a ? b : a)) : null,
    lastItem: numbers.length ? numbers.reduce((a, b) => (b > a ? b : a)) : null,
    followUp: follow
      ? { number: follow.number ?? null, title: follow.title, line: lines.positionAt(follow.heading.span.start).line + 1 }
      : null,
    summary: summarize(doc, lines),
    error: null,
  };
}

/** What an entry's `hash` is: the text's content hash and the `assumeMinutes` flag. */
export function indexHash(text: string, assumeMinutes: boolean): string {
  return `${contentHash(text)}${assumeMinutes ? '+m' : ''}`;
}

/** A file read for the index where it was read (a worker thread): unchanged, or its entry. */
export type FileIndexResult = { readonly unchanged: true } | { readonly entry: IndexEntry };

/**
 * The index's answer for a file's text: unchanged when its hash is `known` (the hash the
 * index has for it), else its entry for `WorkspaceIndex.put`.
 */
export function indexFileText(uri: string, text: string, assumeMinutes: boolean, known: string | undefined): FileIndexResult {
  const hash = indexHash(text, assumeMinutes);
  return hash === known ? { unchanged: true } : { entry: indexEntry(uri, text, { assumeMinutes, hash }) };
}

/**
 * The index entry of a text, computed on its own (in a worker thread, say) and handed
 * to `WorkspaceIndex.put`: plain data, nothing of the index is needed.
 */
export function indexEntry(uri: string, text: string, options: UpdateOptions = {}, parse?: IndexParser): IndexEntry {
  const assume = options.assumeMinutes ?? false;
  const hash = options.hash ?? indexHash(text, assume);
  try {
    return entryFor(uri, text, hash, assume, options.parsed, parse);
  } catch (e) {
    // A bug: keep the file out rather than fail the scan, and say why (`error`).
    return { ...entryFor(uri, '', hash, false), error: e instanceof Error ? e.message : String(e) };
  }
}

/** An entry's sort keys, computed once when it is indexed, never inside a comparator. */
interface Keyed {
  readonly entry: IndexEntry;
  readonly body: string;
  readonly date: string;
}

/** Bodies in Swedish order (å, ä, ö after z), whatever the machine's own language. */
const compareBodies = new Intl.Collator('sv').compare;

function compareKeyed(a: Keyed, b: Keyed): number {
  return compareBodies(a.body, b.body) || a.date.localeCompare(b.date) || a.entry.uri.localeCompare(b.entry.uri);
}

/** First index in `list` whose element is not before `probe` (lower bound). */
function lowerBound<T>(list: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly byUri = new Map<string, IndexEntry>();
  /**
   * Minutes entries in `entries()` order and, per body key, its dated meetings oldest
   * first: kept sorted on every change so that queries (MIN042 asks once per open
   * action) are binary searches, not a sort of the whole workspace.
   */
  private readonly keyed = new Map<string, Keyed>();
  private readonly ordered: Keyed[] = [];
  private readonly meetings = new Map<string, Keyed[]>();
  private readonly actionCache = new WeakMap<IndexEntry, IndexedAction[]>();
  private readonly originCache = new WeakMap<IndexEntry, Map<string, IndexedAction[]>>();
  private readonly decisionCache = new WeakMap<IndexEntry, IndexedDecision[]>();
  /** Per body key, its meetings by the origin dates of their actions (built when asked, dropped when the body changes). */
  private readonly originMeetingsCache = new Map<string, Map<string, Keyed[]>>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private batchDepth = 0;
  private pending = new Set<string>();

  /** Texts parsed (cache misses) since creation: a cached rebuild parses nothing. */
  parses = 0;
  /** Full scans the feeder reported (`beginFullScan`); an edit must not add one. */
  fullScans = 0;

  constructor(private readonly parse?: IndexParser) {}

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the start of a scan of every file (for the statistics). */
  beginFullScan(): void {
    this.fullScans++;
  }

  /** Runs `fn` with change events merged into one at the end. */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      this.batchDepth--;
      this.flush();
    }
  }

  /** Like `batch`, for an asynchronous scan: one change event when it settles. */
  async batchAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.batchDepth++;
    try {
      return await fn();
    } finally {
      this.batchDepth--;
      this.flush();
    }
  }

  private changed(uri: string): void {
    this.pending.add(uri);
    this.flush();
  }

  private flush(): void {
    if (this.batchDepth > 0 || this.pending.size === 0) return;
    const change: IndexChange = { uris: [...this.pending] };
    this.pending = new Set();
    for (const l of [...this.listeners]) {
      try {
        l(change);
      } catch {
        // A listener's bug must not stop the others.
      }
    }
  }

  private set(entry: IndexEntry): void {
    this.unlink(entry.uri);
    this.byUri.set(entry.uri, entry);
    if (!entry.isMinutes) return;
    const k: Keyed = { entry, body: bodyKey(entry.body), date: entry.date ?? '' };
    this.keyed.set(entry.uri, k);
    this.originMeetingsCache.delete(k.body);
    this.ordered.splice(lowerBound(this.ordered, (x) => compareKeyed(x, k) < 0), 0, k);
    if (entry.body && entry.date) {
      let list = this.meetings.get(k.body);
      if (!list) this.meetings.set(k.body, (list = []));
      list.splice(lowerBound(list, (x) => compareKeyed(x, k) < 0), 0, k);
    }
  }

  private unlink(uri: string): boolean {
    const had = this.byUri.delete(uri);
    const k = this.keyed.get(uri);
    if (!k) return had;
    this.keyed.delete(uri);
    this.originMeetingsCache.delete(k.body);
    this.ordered.splice(lowerBound(this.ordered, (x) => compareKeyed(x, k) < 0), 1);
    const list = this.meetings.get(k.body);
    if (list) {
      const i = lowerBound(list, (x) => compareKeyed(x, k) < 0);
      if (list[i] === k) list.splice(i, 1);
      if (list.length === 0) this.meetings.delete(k.body);
    }
    return had;
  }

  /** Whether `update(uri, text)` would parse (the text is not the indexed one). */
  isStale(uri: string, text: string, options: UpdateOptions = {}): boolean {
    return this.byUri.get(uri)?.hash !== (options.hash ?? indexHash(text, options.assumeMinutes ?? false));
  }

  /** The indexed hash of a file (to skip reading unchanged files when the caller knows its own). */
  hashOf(uri: string): string | undefined {
    return this.byUri.get(uri)?.hash;
  }

  /** Indexes a text; returns false when the same content was indexed already. */
  update(uri: string, text: string, options: UpdateOptions = {}): boolean {
    const hash = options.hash ?? indexHash(text, options.assumeMinutes ?? false);
    if (this.byUri.get(uri)?.hash === hash) return false;
    if (options.parsed?.text !== text) this.parses++;
    this.set(indexEntry(uri, text, { ...options, hash }, this.parse));
    this.changed(uri);
    return true;
  }

  /** Takes an entry `indexEntry` made (a text parsed elsewhere); false when it was indexed already. */
  put(entry: IndexEntry): boolean {
    if (this.byUri.get(entry.uri)?.hash === entry.hash) return false;
    this.parses++;
    this.set(entry);
    this.changed(entry.uri);
    return true;
  }

  remove(uri: string): boolean {
    if (!this.unlink(uri)) return false;
    this.changed(uri);
    return true;
  }

  /** Removes every file under a folder URI (a deleted folder), except those `keep` names. */
  removeUnder(folder: string, keep: (uri: string) => boolean = () => false): number {
    let n = 0;
    this.batch(() => {
      for (const uri of urisUnder(this.byUri.keys(), folder)) if (!keep(uri) && this.remove(uri)) n++;
    });
    return n;
  }

  rename(from: string, to: string): boolean {
    const entry = this.byUri.get(from);
    if (!entry) return false;
    this.unlink(from);
    this.set({ ...entry, uri: to });
    this.batch(() => {
      this.changed(from);
      this.changed(to);
    });
    return true;
  }

  /** Drops the files for which `keep` is false (after a scan: files that are gone). */
  retain(keep: (uri: string) => boolean): number {
    let n = 0;
    this.batch(() => {
      for (const uri of [...this.byUri.keys()]) if (!keep(uri) && this.remove(uri)) n++;
    });
    return n;
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  /** Whether any file under a folder URI is indexed. */
  hasUnder(folder: string): boolean {
    for (const uri of this.byUri.keys()) if (isUnder(uri, folder)) return true;
    return false;
  }

  get(uri: string): IndexEntry | undefined {
    return this.byUri.get(uri);
  }

  /** Every indexed URI, minutes or not. */
  uris(): string[] {
    return [...this.byUri.keys()];
  }

  /** Minutes entries, by body then date then URI. */
  entries(): IndexEntry[] {
    return this.ordered.map((k) => k.entry);
  }

  /** Bodies (as first written), sorted. */
  bodies(): string[] {
    const seen = new Map<string, string>();
    for (const e of this.entries()) if (e.body && !seen.has(bodyKey(e.body))) seen.set(bodyKey(e.body), e.body);
    return [...seen.values()].sort((a, b) => a.localeCompare(b, 'sv'));
  }

  /** Meetings of a body, oldest first. */
  meetingsOf(body: string): IndexEntry[] {
    return (this.meetings.get(bodyKey(body)) ?? []).map((k) => k.entry);
  }

  previousMeeting(body: string, date: string, exceptUri?: string): IndexEntry | undefined;
  previousMeeting(uri: string): IndexEntry | undefined;
  previousMeeting(bodyOrUri: string, date?: string, exceptUri?: string): IndexEntry | undefined {
    if (date === undefined) {
      const entry = this.byUri.get(bodyOrUri);
      if (!entry?.body || !entry.date) return undefined;
      return this.previousMeeting(entry.body, entry.date, entry.uri);
    }
    const list = this.meetings.get(bodyKey(bodyOrUri)) ?? [];
    for (let i = lowerBound(list, (k) => k.date < date) - 1; i >= 0; i--) {
      if (list[i]!.entry.uri !== exceptUri) return list[i]!.entry;
    }
    return undefined;
  }

  actionsOf(entry: IndexEntry): readonly IndexedAction[] {
    let out = this.actionCache.get(entry);
    if (out) return out;
    out = [];
    for (const item of entry.summary?.items ?? []) {
      for (const a of item.actions) {
        // Written out, not spread: tens of thousands are made after a scan.
        const x: Writable<IndexedAction> = { text: a.text, owners: a.owners, due: a.due, status: a.status, line: a.line } as Writable<IndexedAction>;
        if (a.done !== undefined) x.done = a.done;
        if (a.from !== undefined) x.from = a.from;
        if (a.decision !== undefined) x.decision = a.decision;
        x.uri = entry.uri;
        x.body = entry.body;
        x.date = entry.date;
        x.item = item.number;
        x.itemTitle = item.title;
        x.origin = originOf(entry.date, item.number, a.from);
        x.key = actionKey(a.text);
        out.push(x);
      }
    }
    this.actionCache.set(entry, out);
    return out;
  }

  continuation(body: string, date: string, action: CarriedAction, exceptUri?: string, onlyOfOrigin = false): IndexedAction | undefined {
    const key = bodyKey(body);
    const list = this.meetings.get(key);
    if (!list || !action.origin) return undefined;
    let byOrigin = this.originMeetingsCache.get(key);
    if (!byOrigin) this.originMeetingsCache.set(key, (byOrigin = this.originMeetings(list)));
    return this.continuationIn(byOrigin.get(action.origin.date), date, action, onlyOfOrigin, (k) => k.entry.uri === exceptUri);
  }

  /** A meeting's actions by the date of their origin (the candidates for `sameOrigin`). */
  private actionsByOriginDate(entry: IndexEntry): ReadonlyMap<string, readonly IndexedAction[]> {
    let byDate = this.originCache.get(entry);
    if (!byDate) {
      byDate = new Map();
      for (const a of this.actionsOf(entry)) {
        if (!a.origin) continue;
        let list = byDate.get(a.origin.date);
        if (!list) byDate.set(a.origin.date, (list = []));
        list.push(a);
      }
      this.originCache.set(entry, byDate);
    }
    return byDate;
  }

  /**
   * Per origin date, the meetings of `list` (in its order, oldest first) that hold an
   * action of that origin: a continuation is looked for only where one can be, not in
   * every later meeting of the body.
   */
  private originMeetings(list: readonly Keyed[]): Map<string, Keyed[]> {
    const out = new Map<string, Keyed[]>();
    for (const k of list) {
      for (const date of this.actionsByOriginDate(k.entry).keys()) {
        let meetings = out.get(date);
        if (!meetings) out.set(date, (meetings = []));
        meetings.push(k);
      }
    }
    return out;
  }

  /**
   * The newest action in the meetings after `date` among `candidates` (meetings holding
   * actions of the action's origin date, oldest first) that continues `action`: same
   * origin and text, or (a reworded carry-over) the only action of that origin on both sides.
   */
  private continuationIn(
    candidates: readonly Keyed[] | undefined,
    date: string,
    action: CarriedAction,
    onlyOfOrigin: boolean,
    skip?: (k: Keyed) => boolean,
  ): IndexedAction | undefined {
    if (!action.origin || !candidates) return undefined;
    const origin = action.origin;
    for (let i = candidates.length - 1; i >= 0 && candidates[i]!.date > date; i--) {
      const k = candidates[i]!;
      if (skip?.(k)) continue;
      // One pass, no array: this runs for every open action.
      let count = 0;
      let last: IndexedAction | undefined;
      for (const a of this.actionsByOriginDate(k.entry).get(origin.date) ?? []) {
        if (!sameOrigin(a.origin!, origin)) continue;
        if (a.key === action.key) return a;
        count++;
        last = a;
      }
      if (count === 1 && onlyOfOrigin) return last;
    }
    return undefined;
  }

  /** Actions across meetings (newest meeting first, then URI and line), with the filter applied. */
  actions(filter: ActionFilter = {}): IndexedAction[] {
    const needle = filter.text?.trim().toLowerCase();
    const groups = new Map<string, Keyed[]>();
    for (const k of this.ordered) {
      const e = k.entry;
      if (filter.exceptUri && e.uri === filter.exceptUri) continue;
      if (filter.before && (!e.date || e.date >= filter.before)) continue;
      if (filter.body && k.body !== bodyKey(filter.body)) continue;
      let list = groups.get(k.body);
      if (!list) groups.set(k.body, (list = []));
      list.push(k);
    }
    // Meetings are put in order, not their actions: a few thousand keys to compare, not tens of thousands.
    const kept: { readonly k: Keyed; readonly actions: IndexedAction[] }[] = [];
    for (const meetings of groups.values()) {
      const byOrigin = filter.open ? this.originMeetings(meetings) : undefined;
      for (const k of meetings) {
        const m = k.entry;
        const actions: IndexedAction[] = [];
        for (const a of this.actionsOf(m)) {
          if (byOrigin) {
            if (!isOpenStatus(a.status)) continue;
            // Undated meetings have no later ones.
            if (m.date && a.origin) {
              let ofOrigin = 0;
              for (const o of this.actionsByOriginDate(m).get(a.origin.date) ?? []) if (sameOrigin(o.origin!, a.origin)) ofOrigin++;
              if (this.continuationIn(byOrigin.get(a.origin.date), k.date, a, ofOrigin === 1)) continue;
            }
          }
          if (filter.owner && !a.owners.some((o) => sameName(o, filter.owner!))) continue;
          if (needle && !matchesText(a, needle)) continue;
          actions.push(a);
        }
        if (actions.length > 0) kept.push({ k, actions });
      }
    }
    kept.sort((a, b) => b.k.date.localeCompare(a.k.date) || a.k.entry.uri.localeCompare(b.k.entry.uri));
    const out: IndexedAction[] = [];
    for (const { actions } of kept) out.push(...actions.sort((a, b) => a.line - b.line));
    return out;
  }

  /** Open actions that no later meeting carried over or closed. */
  openActions(filter: Omit<ActionFilter, 'open'> = {}): IndexedAction[] {
    return this.actions({ ...filter, open: true });
  }

  /** A meeting's decisions in the order of their lines. */
  private decisionsOf(entry: IndexEntry): readonly IndexedDecision[] {
    let out = this.decisionCache.get(entry);
    if (out) return out;
    out = [];
    for (const item of entry.summary?.items ?? []) {
      for (const d of item.decisions) out.push({ id: d.id, line: d.line, text: d.text, uri: entry.uri, body: entry.body, date: entry.date, item: item.number, itemTitle: item.title });
    }
    out.sort((a, b) => a.line - b.line);
    this.decisionCache.set(entry, out);
    return out;
  }

  /** Decisions, by body then newest meeting first (then URI and line). */
  decisions(filter: DecisionFilter = {}): IndexedDecision[] {
    const needle = filter.text?.trim().toLowerCase();
    const body = filter.body === undefined ? undefined : bodyKey(filter.body);
    const out: IndexedDecision[] = [];
    // `ordered` is by body, date and URI, oldest first: each body's run is read by date
    // from the newest, and the URIs of one date in their order. Nothing is sorted here.
    const sameBody = (a: string, b: string) => a === b || compareBodies(a, b) === 0;
    const sameDate = (a: string, b: string) => a === b || a.localeCompare(b) === 0;
    const list = this.ordered;
    for (let i = 0; i < list.length; ) {
      let j = i + 1;
      while (j < list.length && sameBody(list[j]!.body, list[i]!.body)) j++;
      for (let end = j; end > i; ) {
        let start = end - 1;
        while (start > i && sameDate(list[start - 1]!.date, list[end - 1]!.date)) start--;
        for (let x = start; x < end; x++) {
          if (body !== undefined && list[x]!.body !== body) continue;
          for (const d of this.decisionsOf(list[x]!.entry)) {
            if (needle && !`${d.text} ${d.itemTitle} ${d.id} ${d.body ?? ''} ${d.date ?? ''}`.toLowerCase().includes(needle)) continue;
            out.push(d);
          }
        }
        end = start;
      }
      i = j;
    }
    return out;
  }

  /** JSON for a cache: restoring it and updating unchanged texts parses nothing. */
  serialize(): string {
    // By URI, not in the order files were indexed: the same file whatever thread finished first.
    const entries = [...this.byUri.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return JSON.stringify({ format: INDEX_FORMAT, entries });
  }

  /** An index from `serialize()` output; an unreadable or outdated cache gives an empty index. */
  static restore(json: string | undefined): WorkspaceIndex {
    const index = new WorkspaceIndex();
    if (!json) return index;
    try {
      const data = JSON.parse(json) as { format?: unknown; entries?: unknown };
      if (data.format !== INDEX_FORMAT || !Array.isArray(data.entries)) return index;
      for (const e of data.entries as IndexEntry[]) {
        if (e && typeof e.uri === 'string' && typeof e.hash === 'string' && typeof e.isMinutes === 'boolean') index.set(e);
      }
    } catch {
      // A corrupt cache is rebuilt, never fatal.
    }
    return index;
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function matchesText(a: IndexedAction, needle: string): boolean {
  return `${a.text} ${a.owners.join(' ')} ${a.body ?? ''} ${a.date ?? ''} ${a.itemTitle}`.toLowerCase().includes(needle);
}

/** Owner names across actions (first spelling wins), sorted. */
export function ownersOf(actions: readonly IndexedAction[]): string[] {
  const seen = new Map<string, string>();
  for (const a of actions) for (const o of a.owners) if (!seen.has(nameKey(o))) seen.set(nameKey(o), o);
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'sv'));
}
