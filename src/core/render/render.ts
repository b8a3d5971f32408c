// The minutes as a document: model + each section's mdast → hast → HTML. The layout of
// a protokoll (header, items, signatures, notice) lives here once, for the preview and
// for every export format. Pure: no `vscode`, no Node built-ins.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { signerLines } from '../extract';
import { ROLE_SPELLING } from '../keywords';
import type { Item, Language, MinutesDocument, Person, Section } from '../model';
import { LineIndex } from '../text';
import { itemHeading } from './labels';
import { fieldsInText, h, parseMarkdown, scopeTableHeaders, sectionToHast } from './markdown';
import { WORDS } from './words';

export interface RenderOptions {
  /** Only these item numbers (a *protokollsutdrag*). */
  readonly items?: readonly number[];
  /** Mark each part with the line it starts at (`data-line`), for the preview's scrolling. */
  readonly lines?: boolean;
  /** Keeps each section's rendering between calls, so an edit re-renders one section. */
  readonly cache?: RenderCache;
  /**
   * Each section's mdast from the analysis (`parseMinutes`' `onSectionTree`), by section
   * start: sections without GFM syntax are rendered from it instead of being parsed again.
   */
  readonly trees?: ReadonlyMap<number, MdRoot>;
}

export interface RenderedMinutes {
  /** `<title>`: `Protokoll – Kultur- och fritidsnämnden 2025-03-11`. */
  readonly title: string;
  readonly language: Language;
  /** The `<main>` element's HTML. */
  readonly html: string;
  /** The same as a hast tree (DOCX is built from it). */
  readonly hast: HastRoot;
  /** The running header of printed pages: body and date. */
  readonly runningHeader: string;
  readonly author?: string;
  /** Item numbers that were asked for and do not exist. */
  readonly missingItems: readonly number[];
}

/**
 * Section renderings of the last call only, keyed by language, profile and text: an
 * edit renders the touched section again, and memory stays bounded by one version.
 */
export class RenderCache {
  private previous = new Map<string, ElementContent[]>();
  private current = new Map<string, ElementContent[]>();
  hits = 0;
  misses = 0;

  get(key: string, build: () => ElementContent[]): ElementContent[] {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value) this.hits++;
    else {
      this.misses++;
      value = build();
    }
    this.current.set(key, value);
    return value;
  }

  /** Called after each render: what the last render did not use is dropped. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

export { itemHeading };

export function renderMinutes(doc: MinutesDocument, options: RenderOptions = {}): RenderedMinutes {
  const language = doc.language;
  const w = WORDS[language];
  const fm = doc.frontMatter;
  const profile = doc.profile ?? doc.effectiveProfile;
  const lines = options.lines ? new LineIndex(doc.text) : undefined;
  const lineOf = (offset: number) => (lines ? { dataLine: lines.positionAt(offset).line } : {});
  const wanted = options.items ? new Set(options.items) : undefined;
  const extract = !!wanted;

  const kind = extract ? w.extract : w.profile[profile];
  const dated = [fm?.body, fm?.date].filter(Boolean).join(' ');
  const title = dated ? `${kind} – ${dated}` : kind;
  const heading = !extract && doc.title ? stripFields(doc.title.text) : title;

  const main: ElementContent[] = [];
  main.push(h('header', { className: ['minutes-head'] }, [h('h1', lineOf(doc.title?.span.start ?? 0), [heading]), headerList(doc, extract)]));

  const items = extract ? doc.items.filter((i) => i.number !== undefined && wanted!.has(i.number)) : doc.items;
  const itemByStart = new Map(items.map((i) => [i.span.start, i] as const));
  for (const section of doc.sections) {
    if (section.kind === 'item') {
      const item = itemByStart.get(section.span.start);
      if (item) main.push(h('section', { className: ['item'], id: itemId(item), ...lineOf(section.span.start) }, renderSection(doc, section, item, options)));
    } else if (!extract && (section.kind === 'title' || section.kind === 'preamble')) {
      const body = renderSection(doc, section, undefined, options);
      if (body.length > 0) main.push(h('div', { className: ['preamble'], ...lineOf(section.span.start) }, body));
    }
  }
  main.push(signatureBlock(doc, extract, lineOf(doc.justering?.span.start ?? doc.text.length)));
  if (extract) main.push(certification(language));
  else if (doc.notice || (profile === 'protokoll' && language === 'sv')) main.push(noticeBlock(doc, lineOf(doc.notice?.span.start ?? doc.text.length)));
  options.cache?.commit();

  const root: HastRoot = { type: 'root', children: [h('main', { className: ['minutes', `profile-${profile}`] }, main)] };
  const missingItems = options.items?.filter((n) => !items.some((i) => i.number === n)) ?? [];
  const author = fm?.secretary ?? doc.justering?.signers.find((s) => s.role === 'recorder')?.name;
  return {
    title,
    language,
    html: toHtml(root),
    hast: root,
    runningHeader: dated || kind,
    ...(author ? { author } : {}),
    missingItems,
  };
}

function itemId(item: Item): string {
  return item.number !== undefined ? `item-${item.number}` : `item-at-${item.span.start}`;
}


/**
 * What the analysis' parser (CommonMark + task items) reads differently from GFM: tables,
 * strikethrough, autolinks, footnotes. A section with none of these renders from its tree.
 */
const GFM_SYNTAX = /\||~|https?:|www\.|@|\[\^/;

function renderSection(doc: MinutesDocument, section: Section, item: Item | undefined, options: RenderOptions): ElementContent[] {
  const text = doc.text.slice(section.span.start, section.span.end);
  const build = () => {
    const given = options.trees?.get(section.span.start);
    const tree = given && !GFM_SYNTAX.test(text) ? { ...given, children: given.children.slice() } : parseMarkdown(text);
    // The item's and the title's own heading are laid out here, not taken from the Markdown.
    if (section.heading && tree.children[0]?.type === 'heading') tree.children.shift();
    const body = sectionToHast(tree, doc.language);
    scopeTableHeaders(body);
    if (!item) return body;
    const head: ElementContent[] = [h('h2', {}, [itemHeading(item)])];
    if (item.dnr) head.push(h('p', { className: ['dnr'] }, [`${WORDS[doc.language].dnr} ${item.dnr}`]));
    return [...head, ...body];
  };
  const cache = options.cache;
  return cache ? cache.get(`${doc.language}\u0000${section.kind}\u0000${item ? itemHeading(item) : ''}\u0000${text}`, build) : build();
}

function stripFields(text: string): string {
  return text.replace(/\s*\[[^[\]\n:]+?::[^[\]\n]*\]/g, '').trim();
}

function personText(p: Person, language: Language): string[] {
  const w = WORDS[language];
  let s = p.party ? `${p.name} (${p.party})` : p.name;
  if (p.organisation) s += `, ${p.organisation}`;
  for (const r of p.roles) if (!p.organisation?.toLowerCase().includes(ROLE_SPELLING[r][language])) s += `, ${ROLE_SPELLING[r][language]}`;
  if (p.replaces) s += `, ${w.replaces} ${p.replaces}`;
  if (p.presence) s += ` (${p.presence})`;
  return [s];
}

function entry(term: string, values: readonly (readonly (ElementContent | string)[])[]): ElementContent[] {
  if (values.length === 0) return [];
  return [h('dt', {}, [term]), ...values.map((v) => h('dd', {}, [...v]))];
}

/** Body, date, time, place; for a protokoll the attendance, approvers and the items. */
function headerList(doc: MinutesDocument, extract: boolean): Element {
  const w = WORDS[doc.language];
  const fm = doc.frontMatter;
  const rows: ElementContent[] = [];
  if (fm?.body) rows.push(...entry(w.body, [[fm.body]]));
  if (fm?.date) rows.push(...entry(w.date, [[fm.date]]));
  if (fm?.time) rows.push(...entry(w.time, [[fm.time]]));
  if (fm?.place) rows.push(...entry(w.place, [[fm.place]]));
  if (!extract) {
    const groups = ['members', 'substitutes', 'also-present', 'unspecified', 'absent'] as const;
    for (const g of groups) {
      const people = doc.attendance?.people.filter((p) => p.group === g) ?? [];
      rows.push(...entry(w.groups[g], people.map((p) => personText(p, doc.language))));
    }
  }
  if (doc.effectiveProfile === 'protokoll') {
    const approvers = fm?.approvers.length ? fm.approvers : (doc.justering?.signers.filter((s) => s.role === 'approver').map((s) => s.name) ?? []);
    if (!extract && approvers.length > 0) rows.push(...entry(w.approvers, [[approvers.join(', ')]]));
    const placeTime = [fm?.approval?.place, fm?.approval?.date].filter(Boolean).join(' ');
    if (placeTime) rows.push(...entry(w.approvalPlaceTime, [[placeTime]]));
  }
  const numbers = (extract ? doc.items.filter((i) => i.number !== undefined) : doc.items).map((i) => i.number).filter((n): n is number => n !== undefined);
  if (doc.items.some((i) => i.numberStyle === 'paragraph') && numbers.length > 0) {
    const min = Math.min(...numbers);
    const max = Math.max(...numbers);
    rows.push(...entry(w.items, [[min === max ? `§ ${min}` : `§ ${min}–${max}`]]));
  }
  return h('dl', { className: ['meta'] }, rows);
}

/** Sekreterare / Ordförande / Justerare: a line to sign on, or the date it was signed. */
function signatureBlock(doc: MinutesDocument, extract: boolean, line: object): Element {
  const w = WORDS[doc.language];
  const signers = signerLines(doc, doc.language).map((s) =>
    h('div', { className: ['signer'] }, [
      h('p', { className: ['sign-role'] }, [w.signers[s.role]]),
      s.signed
        ? h('p', { className: ['signed'] }, [`${w.signed} ${s.signed}`])
        : h('p', { className: ['sign-line'] }, [h('span', { className: ['visually-hidden'] }, [w.notice.signature])]),
      h('p', { className: ['sign-name'] }, [s.name]),
    ]),
  );
  const parts: ElementContent[] = [h('h2', {}, [w.signatures]), h('div', { className: ['signers'] }, signers)];
  const approved = doc.justering?.approvedItems;
  if (approved && !extract) parts.push(h('p', { className: ['approved-items'] }, [`${w.approvedItems}: ${approved.text.replace(/^[^:]*:\s*/, '')}`]));
  return h('section', { className: ['signatures'], ...line }, parts);
}

function certification(language: Language): Element {
  const w = WORDS[language];
  return h('section', { className: ['certification'] }, [
    h('h2', {}, [w.certification]),
    h('div', { className: ['signers'] }, [
      h('div', { className: ['signer'] }, [
        h('p', { className: ['sign-line'] }, [h('span', { className: ['visually-hidden'] }, [w.notice.signature])]),
        h('p', { className: ['sign-name'] }, [w.certification]),
      ]),
    ]),
  ]);
}

/** ANSLAG/BEVIS: that the approval was posted, from when to when, and where the minutes are kept. */
function noticeBlock(doc: MinutesDocument, line: object): Element {
  const w = WORDS[doc.language];
  const n = w.notice;
  const blank = (v: string | undefined): (ElementContent | string)[] => (v ? [v] : [h('span', { className: ['blank'] }, [' '])]);
  return h('section', { className: ['notice'], ...line }, [
    h('h2', {}, [n.heading]),
    h('p', {}, [n.text]),
    h('dl', { className: ['meta'] }, [
      ...entry(w.body, [blank(doc.frontMatter?.body)]),
      ...entry(n.meetingDate, [blank(doc.frontMatter?.date)]),
      ...entry(n.posted, [blank(doc.notice?.posted?.value)]),
      ...entry(n.removed, [blank(doc.notice?.removed?.value)]),
      ...entry(n.storage, [blank(doc.notice?.storage?.value)]),
      ...entry(n.signature, [[h('span', { className: ['sign-line', 'inline'] }, [h('span', { className: ['visually-hidden'] }, [n.signature])])]]),
    ]),
  ]);
}

/** Inline text with fields as words, for hosts that label fields outside a full render. */
export function renderInline(text: string, language: Language): string {
  return toHtml({ type: 'root', children: fieldsInText(text, language) });
}
