// Moving a section model to a new place in the document: a copy with every span
// shifted. Typing moves every section after the cursor, so this is on the hot path of
// incremental analysis. Each type is copied by a literal with the parser's properties
// in the parser's order (one shape per type for the engine), and an object the model
// shares (a heading, a decision that is also a callout, an action that is also a
// callout's) is copied once and stays shared. A property added to the model must be
// added here: the incremental tests compare moved models with parsed ones, keys in order.
import { asDecision, type SectionModel } from './sectionModel';
import type {
  Action, Attendance, Callout, Decision, Field, Heading, Item, Justering, Notice, NoticeLine, ParseProblem, Person, Signer, Span, SubTopic,
} from './model';

export function moveSection(model: SectionModel, delta: number): SectionModel {
  if (delta === 0) return model;
  const d = delta;
  const old = model.heading;
  const heading = old && moveHeading(old, d);
  const same = (h: Heading): Heading => (h === old ? heading! : moveHeading(h, d));
  const span = move(model.span, d);
  const s = model.section;
  return {
    kind: model.kind,
    span,
    heading,
    section: { kind: s.kind, span: s.span === model.span ? span : move(s.span, d), heading: s.heading && same(s.heading) },
    item: model.item && moveItem(model.item, d, same),
    attendance: model.attendance && moveAttendance(model.attendance, d, same),
    justering: model.justering && moveJustering(model.justering, d, same),
    notice: model.notice && moveNotice(model.notice, d, same),
    problems: model.problems.length === 0 ? model.problems : model.problems.map((p) => moveProblem(p, d)),
  };
}

function move(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function moveHeading(h: Heading, d: number): Heading {
  return { depth: h.depth, text: h.text, span: move(h.span, d), textSpan: move(h.textSpan, d) };
}

function moveProblem(p: ParseProblem, d: number): ParseProblem {
  return { kind: p.kind, message: p.message, span: move(p.span, d) };
}

function moveFields(fields: readonly Field[], d: number): readonly Field[] {
  if (fields.length === 0) return fields;
  const out = new Array<Field>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    out[i] = { key: f.key, rawKey: f.rawKey, value: f.value, span: move(f.span, d), valueSpan: move(f.valueSpan, d) };
  }
  return out;
}

function moveAction(a: Action, d: number): Action {
  return {
    text: a.text, span: move(a.span, d), boxSpan: move(a.boxSpan, d), status: a.status, owners: a.owners,
    due: a.due, done: a.done, from: a.from, fields: moveFields(a.fields, d), decisionId: a.decisionId,
  };
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
    heading: heading(item.heading),
    span: move(item.span, d),
    number: item.number,
    numberStyle: item.numberStyle,
    numberSpan: move(item.numberSpan, d),
    title: item.title,
    fields: moveFields(item.fields, d),
    dnr: item.dnr,
    informational: item.informational,
    subTopics: item.subTopics.length === 0 ? item.subTopics : item.subTopics.map((t) => ({ heading: moveHeading(t.heading, d), span: move(t.span, d) }) as SubTopic),
    decisions,
    callouts,
    actions,
    paragraphs: item.paragraphs.length === 0 ? item.paragraphs : item.paragraphs.map((p) => ({ span: move(p.span, d), text: p.text, container: p.container })),
    opaque: item.opaque,
  };
}

function moveCallout(c: Callout, d: number, action: (a: Action) => Action): Callout {
  const callout: Callout = {
    kind: c.kind,
    typeWord: c.typeWord,
    span: move(c.span, d),
    markerSpan: move(c.markerSpan, d),
    title: c.title,
    titleSpan: move(c.titleSpan, d),
    text: c.text,
    fields: moveFields(c.fields, d),
    vote: c.vote,
    ballots: c.ballots && c.ballots.map((b) => ({ name: b.name, nameSpan: move(b.nameSpan, d), vote: b.vote, word: b.word, span: move(b.span, d) })),
    immediateApproval: c.immediateApproval,
    actions: c.actions.length === 0 ? c.actions : c.actions.map(action),
  };
  // Every decision callout is a Decision (parser.ts makes them with asDecision).
  return c.kind === 'decision' ? asDecision(callout, (c as Decision).id, (c as Decision).index) : callout;
}

function movePerson(p: Person, d: number): Person {
  return {
    name: p.name, nameSpan: move(p.nameSpan, d), organisation: p.organisation, party: p.party, roles: p.roles, presence: p.presence,
    replaces: p.replaces, group: p.group, span: move(p.span, d), fields: moveFields(p.fields, d),
  };
}

function moveAttendance(a: Attendance, d: number, heading: (h: Heading) => Heading): Attendance {
  return { heading: heading(a.heading), span: move(a.span, d), people: a.people.map((p) => movePerson(p, d)) };
}

function moveSigner(s: Signer, d: number): Signer {
  return {
    role: s.role, name: s.name, nameSpan: move(s.nameSpan, d), label: s.label, span: move(s.span, d), signed: s.signed,
    fields: moveFields(s.fields, d),
  };
}

function moveJustering(j: Justering, d: number, heading: (h: Heading) => Heading): Justering {
  const a = j.approvedItems;
  const im = j.immediateItems;
  return {
    heading: heading(j.heading),
    span: move(j.span, d),
    signers: j.signers.map((s) => moveSigner(s, d)),
    approvedItems: a && { text: a.text, span: move(a.span, d), valueSpan: move(a.valueSpan, d), from: a.from, to: a.to },
    immediateItems: im && {
      text: im.text, span: move(im.span, d), valueSpan: move(im.valueSpan, d), numbers: im.numbers, signed: im.signed, fields: moveFields(im.fields, d),
    },
  };
}

function moveNoticeLine(l: NoticeLine | undefined, d: number): NoticeLine | undefined {
  return l && { value: l.value, span: move(l.span, d), valueSpan: move(l.valueSpan, d) };
}

function moveNotice(n: Notice, d: number, heading: (h: Heading) => Heading): Notice {
  return {
    heading: heading(n.heading),
    span: move(n.span, d),
    posted: moveNoticeLine(n.posted, d),
    removed: moveNoticeLine(n.removed, d),
    storage: moveNoticeLine(n.storage, d),
    immediatePosted: moveNoticeLine(n.immediatePosted, d),
  };
}
