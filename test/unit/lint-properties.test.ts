// Property test (the fuzz test): random line and character edits of the example documents
// never make the linter throw, findings stay inside the text, no `##` section is dropped
// from the model, and fixText settles in a bounded number of passes without a rule that
// does not settle, is idempotent, and loses no word except the date words MIN002 documents.
// `npm test` runs a small budget with a fixed seed; `npm run fuzz` a long one
// (JUSTERA_FUZZ_RUNS, JUSTERA_FUZZ_SEED, FC_SEED).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DATE_WORDS } from '../../src/core/dates';
import { fixText, lint, MAX_FIX_PASSES } from '../../src/core/lint/engine';
import { rules } from '../../src/core/lint/registry';
import { parseMinutes, type SectionCacheEntry } from '../../src/core/parser';
import { splitSections } from '../../src/core/sections';
import { EXAMPLE_TODAY } from './rule-harness';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const files = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort() : [];

/** Pieces of the dialect, so random edits hit headings, callouts, fields and fences. */
const PIECES = [
  '\n', '\r\n', ' ', '#', '## ', '### ', '§', '§ 3', '1.', '2) ', '>', '> ', '> [!beslut]', '[!decision]', '[!reservation] ',
  '- ', '- [ ] ', '[x]', '[', ']', '::', '[ansvarig:: ', '[senast:: 2021-09-08]', '[due:: 8 september]', '[roll:: ordförande]',
  ':', '---', '---\n', 'typ: protokoll\n', 'paragraf-start: 7\n', 'Beslut\n\n', '**Beslut:** ', 'Decision', '*', '`', '```',
  'ä', 'Ö', '\t', '\u00a0', '\uFEFF', '20 augusti 2021', '## Närvarande\n', '## Justering\n', 'Justerade paragrafer: § 1–3',
  // Hostile input: open fences and comments, lone CRs, nesting deeper than any minutes.
  '```\n', '~~~~', '<!--', '-->', '<pre>', '\r', '[klar:: 3 maj]', '[senast:: 15 januari]', '**Decision:** ',
  '> '.repeat(120), '- '.repeat(120), 'x: &a Styrelsen\norgan: *a\n',
  // The Local Government Act rules (MIN016, MIN033–MIN039, MIN054, MIN060).
  '> [!yrkande] Per Holmberg (M)\n', '> [!omröstning]\n> Ja: 2\n> Nej: 2\n', '> - Karin Lindqvist (S): ja\n', '> - Lena Sjöberg: nej',
  '> [!jäv] Lena Sjöberg\n', '> [!reservation] Maria Berg (C)\n', '[!protokollsanteckning]', '> [!rättelse] 2024-04-20\n> Namnet rättat.\n',
  '[ersätter:: Birgitta Nordin (C)]', '[omedelbar-justering:: ja]', '[sluten:: ja]', 'ledamöter: 3\n', 'justerad-hash: sha256:00\n',
  '- Omedelbart justerade paragrafer: § 2 [signerat:: 2024-04-16]\n', '- Anslag omedelbar justering: 2024-04-17\n',
  '811218-9876', '19811218-9876', 'personnummer 8112189876', 'Ja: 1,5', '### Tjänstgörande ersättare\n',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), line: fc.nat(), other: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  if (e.kind === 'insert') {
    const at = text.length === 0 ? 0 : e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.kind === 'delete') {
    const at = text.length === 0 ? 0 : e.at % text.length;
    return text.slice(0, at) + text.slice(at + e.length);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  if (e.kind === 'delete-line') lines.splice(i, 1);
  else if (e.kind === 'swap-lines') {
    const j = e.other % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  } else lines.splice(i, 0, lines[i]!);
  return lines.join('\n');
}

const parse = (t: string) => parseMinutes(t, { assumeMinutes: true });

/** A parse with a section cache, as the editor and the CLI use between fix passes. */
function cachedParse(): (t: string) => ReturnType<typeof parseMinutes> {
  const cache = new Map<string, SectionCacheEntry>();
  return (t) => parseMinutes(t, { assumeMinutes: true, cache });
}

/** Letters-only words, lower case, with their counts. */
function words(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    out.set(w, (out.get(w) ?? 0) + 1);
  }
  return out;
}

/** MIN036 documents that its fix turns a dissent by someone who did not take part into a statement. */
const DISSENT_WORDS = /^(?:reservation|dissent)$/iu;

/** Words of `before` that `after` has fewer of, except those a rule documents (MIN002's date words, MIN036's callout type). */
function lostWords(before: string, after: string): string[] {
  const kept = words(after);
  return [...words(before)].filter(([w, n]) => (kept.get(w) ?? 0) < n && !DATE_WORDS.test(w) && !DISSENT_WORDS.test(w)).map(([w]) => w);
}

/** `##` section starts of the text the model has no item or known section for. */
function droppedSections(doc: ReturnType<typeof parseMinutes>): number[] {
  const known = new Set(doc.sections.filter((s) => s.kind !== 'preamble' && s.kind !== 'title').map((s) => s.heading?.span.start));
  return splitSections(doc.text)
    .filter((r) => r.kind === 'body' && /^##(?:[ \t]|$)/.test(doc.text.slice(r.start, r.start + 3)))
    .map((r) => r.start)
    .filter((start) => !known.has(start));
}

const RUNS = Number(process.env.JUSTERA_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.JUSTERA_FUZZ_SEED ?? process.env.FC_SEED ?? 20210820);

describe('lint properties on edited examples', function () {
  this.timeout(process.env.JUSTERA_FUZZ_RUNS ? 0 : 120_000);

  for (const file of files) {
    it(`${file}: lint never throws, spans stay inside, fixText settles`, () => {
      const original = readFileSync(join(EXAMPLES, file), 'utf8');
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const text = edits.reduce(apply, original);
          const doc = parse(text);
          // The engine skips a rule that throws; here that is a failure.
          const failed: string[] = [];
          const onRuleError = (code: string, e: unknown) => failed.push(`${code}: ${e instanceof Error ? e.stack : String(e)}`);
          const findings = lint(doc, { today: EXAMPLE_TODAY, onRuleError });
          assert.deepEqual(droppedSections(doc), [], 'a ## section is missing from the model');
          for (const f of findings) {
            assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= doc.text.length, `${f.code} span outside the text`);
            for (const e of f.fix?.edits ?? []) assert.ok(0 <= e.start && e.start <= e.end && e.end <= doc.text.length, `${f.code} edit outside`);
          }
          const cached = cachedParse();
          const once = fixText(text, cached, { today: EXAMPLE_TODAY, onRuleError });
          const twice = fixText(once.text, cached, { today: EXAMPLE_TODAY, onRuleError });
          assert.equal(twice.text, once.text, `fixText is not idempotent (passes ${once.passes})`);
          assert.ok(once.passes < MAX_FIX_PASSES, `fixText took ${once.passes} passes`);
          assert.deepEqual(once.unsettled, [], 'every fix settles');
          assert.deepEqual(lostWords(doc.text, once.text), [], 'a fix lost words');
          assert.deepEqual(failed, [], 'no rule throws');
        }),
        { numRuns: RUNS, seed: SEED, ...(process.env.JUSTERA_FUZZ_RUNS ? {} : { interruptAfterTimeLimit: 30_000 }) },
      );
    });
  }

  it('a rule that throws is reported and skipped; the others run on', () => {
    const rule = rules.find((r) => r.meta.code === 'MIN040')!;
    const original = rule.check;
    (rule as { check: typeof original }).check = () => {
      throw new Error('boom');
    };
    try {
      const failed: string[] = [];
      const text = readFileSync(join(EXAMPLES, 'seed-2021-08-20.md'), 'utf8');
      const findings = lint(parse(text), { today: EXAMPLE_TODAY, onRuleError: (code, e) => failed.push(`${code} ${(e as Error).message}`) });
      assert.deepEqual(failed, ['MIN040 boom']);
      assert.ok(findings.some((f) => f.code === 'MIN041') && !findings.some((f) => f.code === 'MIN040'));
    } finally {
      (rule as { check: typeof original }).check = original;
    }
  });

  it('no rule throws on the smallest broken inputs', () => {
    // Empty, whitespace-only and fence-only texts are the smallest broken inputs.
    for (const text of ['', '\n', '---', '---\n', '---\n---\n', '# \n## \n### ', '## §\n> [!beslut]', '\uFEFF']) {
      const doc = parse(text);
      const failed: string[] = [];
      lint(doc, { today: EXAMPLE_TODAY, onRuleError: (code) => failed.push(code) });
      assert.deepEqual(failed, [], JSON.stringify(text));
      const once = fixText(text, parse, { today: EXAMPLE_TODAY });
      assert.equal(fixText(once.text, parse, { today: EXAMPLE_TODAY }).text, once.text, JSON.stringify(text));
    }
  });
});
