// Moving a section model to a new place in the document: a copy with every span
// shifted. Typing moves every section after the cursor, so this is on the hot path of
// incremental analysis: it is written per model type (no generic walk), and an object
// the model shares (a heading, a decision that is also a callout, an action that is
// also a callout's) is copied once and stays shared. A span added to the model must be
// added here; the property test comparing incremental and full parses catches a miss.
import type { SectionModel } from './parser';
import type {
  Action, Attendance, Callout, Field, Heading, Item, Justering, Notice, NoticeLine, ParseProblem, Person, Section, Signer, Span,
  SubTopic,
} from './model';

export function moveSection(model: SectionModel, delta: number): SectionModel {
  if (delta === 0) return model;
  const d = delta;
  const heading = model.heading && moveHeading(model.heading, d);
  const same = (h: Heading): Heading => (h === model.heading ? heading! : moveHeading(h, d));
  const span = model.section.span === model.span ? undefined : move(model.span, d);
  const section: Section = moveSectionEntry(model.section, d, model.heading, heading);
  const out: { -readonly [K in keyof SectionModel]: SectionModel[K] } = {
    ...model,
    span: span ?? section.span,
    section,
    problems: model.problems.length === 0 ? model.problems : model.problems.map((p) => moveProblem(p, d)),
  };
  if (heading) out.heading = heading;
  if (model.item) out.item = moveItem(model.item, d, same);
  if (model.attendance) out.attendance = moveAttendance(model.attendance, d, same);
  if (model.justering) out.justering = moveJustering(model.justering, d, same);
  if (model.notice) out.notice = moveNotice(model.notice, d, same);
  return out;
}

function move(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function moveSectionEntry(s: Section, d: number, oldHeading: Heading | undefined, heading: Heading | undefined): Section {
  if (!s.heading) return { ...s, span: move(s.span, d) };
  return { ...s, span: move(s.span, d), heading: s.heading === oldHeading ? heading! : moveHeading(s.heading, d) };
}

function moveHeading(h: Heading, d: number): Heading {
  return { ...h, span: move(h.span, d), textSpan: move(h.textSpan, d) };
}

function moveProblem(p: ParseProblem, d: number): ParseProblem {
  return { ...p, span: move(p.span, d) };
}

function moveField(f: Field, d: number): Field {
  return { ...f, span: move(f.span, d), valueSpan: move(f.valueSpan, d) };
}

function moveFields(fields: readonly Field[], d: number): readonly Field[] {
  if (fields.length === 0) return fields;
  const out = new Array<Field>(fields.length);
  for (let i = 0; i < fields.length; i++) out[i] = moveField(fields[i]!, d);
  return out;
}

function moveAction(a: Action, d: number): Action {
  return { ...a, span: move(a.span, d), boxSpan: move(a.boxSpan, d), fields: moveFields(a.fields, d) };
}

function moveItem(item: Item, d: number, heading: (h: Heading) => Heading): Item {
  const actions = item.actions.length === 0 ? item.actions : item.actions.map((a) => moveAction(a, d));
  // A callout's actions are the item's own action objects.
  const sameAction = (a: Action) => {
    const i = item.actions.indexOf(a);
    return i >= 0 ? actions[i]! : moveAction(a, d);
  };
  const callouts = item.callouts.length === 0 ? item.callouts : item.callouts.map((c) => moveCallout(c, d, sameAction));
  // Decisions are callouts too: the same objects in both lists.
  const decisions = item.decisions.length === 0
    ? item.decisions
    : item.decisions.map((c) => {
      const i = item.callouts.indexOf(c);
      return (i >= 0 ? callouts[i]! : moveCallout(c, d, sameAction)) as typeof c;
    });
  return {
    ...item,
    heading: heading(item.heading),
    span: move(item.span, d),
    numberSpan: move(item.numberSpan, d),
    fields: moveFields(item.fields, d),
    subTopics: item.subTopics.length === 0 ? item.subTopics : item.subTopics.map((t) => moveSubTopic(t, d)),
    decisions,
    callouts,
    actions,
    paragraphs: item.paragraphs.length === 0 ? item.paragraphs : item.paragraphs.map((p) => ({ ...p, span: move(p.span, d) })),
  };
}

function moveSubTopic(t: SubTopic, d: number): SubTopic {
  return { ...t, heading: moveHeading(t.heading, d), span: move(t.span, d) };
}

function moveCallout(c: Callout, d: number, action: (a: Action) => Action): Callout {
  return {
    ...c,
    span: move(c.span, d),
    markerSpan: move(c.markerSpan, d),
    titleSpan: move(c.titleSpan, d),
    fields: moveFields(c.fields, d),
    actions: c.actions.length === 0 ? c.actions : c.actions.map(action),
  };
}

function movePerson(p: Person, d: number): Person {
  return { ...p, nameSpan: move(p.nameSpan, d), span: move(p.span, d), fields: moveFields(p.fields, d) };
}

function moveAttendance(a: Attendance, d: number, heading: (h: Heading) => Heading): Attendance {
  return { ...a, heading: heading(a.heading), span: move(a.span, d), people: a.people.map((p) => movePerson(p, d)) };
}

function moveSigner(s: Signer, d: number): Signer {
  return { ...s, nameSpan: move(s.nameSpan, d), span: move(s.span, d), fields: moveFields(s.fields, d) };
}

function moveJustering(j: Justering, d: number, heading: (h: Heading) => Heading): Justering {
  const out = { ...j, heading: heading(j.heading), span: move(j.span, d), signers: j.signers.map((s) => moveSigner(s, d)) };
  if (j.approvedItems) out.approvedItems = { ...j.approvedItems, span: move(j.approvedItems.span, d), valueSpan: move(j.approvedItems.valueSpan, d) };
  return out;
}

function moveNoticeLine(l: NoticeLine, d: number): NoticeLine {
  return { ...l, span: move(l.span, d), valueSpan: move(l.valueSpan, d) };
}

function moveNotice(n: Notice, d: number, heading: (h: Heading) => Heading): Notice {
  const out: { -readonly [K in keyof Notice]: Notice[K] } = { ...n, heading: heading(n.heading), span: move(n.span, d) };
  if (n.posted) out.posted = moveNoticeLine(n.posted, d);
  if (n.removed) out.removed = moveNoticeLine(n.removed, d);
  if (n.storage) out.storage = moveNoticeLine(n.storage, d);
  return out;
}
