import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { parseMinutes } from '../../src/core/parser';
import { htmlDocument } from '../../src/core/render/html';
import { itemHeading, RenderCache, renderMinutes } from '../../src/core/render/render';

const examples = join(__dirname, '..', '..', 'examples');
const files = readdirSync(examples).filter((f) => f.endsWith('.md'));

function elements(node: Root | Element, out: Element[] = []): Element[] {
  for (const c of node.children) {
    if (c.type === 'element') {
      out.push(c);
      elements(c, out);
    }
  }
  return out;
}

function text(node: Root | Element | import('hast').ElementContent): string {
  if (node.type === 'text') return node.value;
  // Elements apart, as a reader sees them (`<dt>Beslutande</dt><dd>…` is two words).
  if (node.type === 'element' || node.type === 'root') return node.children.map((c) => text(c as Element)).join(node.type === 'element' && INLINE.has(node.tagName) ? '' : ' ');
  return '';
}

const INLINE = new Set(['h1', 'h2', 'h3', 'h4', 'strong', 'em', 'a', 'span', 'code']);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('render: every example as a protokoll', () => {
  for (const file of files) {
    describe(file, () => {
      const doc = parseMinutes(readFileSync(join(examples, file), 'utf8'));
      const rendered = renderMinutes(doc);
      const all = elements(rendered.hast);
      const body = squash(text(rendered.hast));

      it('has a title of kind, body and date, and one h1', () => {
        const kind = doc.language === 'sv' ? (doc.effectiveProfile === 'protokoll' ? 'Protokoll' : 'Minnesanteckningar') : 'Minutes';
        assert.equal(rendered.title, `${kind} – ${doc.frontMatter!.body} ${doc.frontMatter!.date}`);
        assert.equal(all.filter((e) => e.tagName === 'h1').length, 1);
      });

      it('skips no heading level', () => {
        let last = 0;
        for (const e of all) {
          const m = /^h([1-6])$/.exec(e.tagName);
          if (!m) continue;
          const level = Number(m[1]);
          assert.ok(level <= last + 1, `h${level} after h${last}: ${text(e)}`);
          last = level;
        }
      });

      it('has every item as an h2 with its number and title', () => {
        const h2 = all.filter((e) => e.tagName === 'h2').map((e) => text(e));
        assert.ok(doc.items.length > 0);
        for (const item of doc.items) {
          assert.ok(h2.includes(itemHeading(item)), `missing ${itemHeading(item)} in ${h2.join(' | ')}`);
          assert.match(itemHeading(item), new RegExp(`^${doc.items[0]!.numberStyle === 'paragraph' ? '§ ' : ''}${item.number}`));
        }
      });

      it('has every decision text under a visible decision heading', () => {
        const labels = all.filter((e) => /^h[3-6]$/.test(e.tagName) && text(e) === (doc.language === 'sv' ? 'Beslut' : 'Decision'));
        const decisions = doc.items.flatMap((i) => i.decisions);
        assert.equal(labels.length, decisions.length);
        for (const d of decisions) {
          // The model's text runs on into the actions; the rendering puts their status before them.
          const first = d.actions[0] ? d.text.indexOf(d.actions[0].text) : -1;
          const prose = squash(first > 0 ? d.text.slice(0, first) : d.text).slice(0, 60);
          assert.ok(body.includes(prose), `missing decision ${d.id}: ${prose}`);
        }
      });

      it('has every action with its owners and due date in words', () => {
        const actions = doc.items.flatMap((i) => i.actions);
        for (const a of actions) {
          assert.ok(body.includes(squash(a.text).slice(0, 50)), `missing action ${a.text}`);
          for (const o of a.owners) assert.ok(body.includes(o), `missing owner ${o}`);
          if (a.due) assert.ok(body.includes(`${doc.language === 'sv' ? 'Senast' : 'Due'}: ${a.due}`), `missing due ${a.due}`);
        }
        const lis = all.filter((e) => e.tagName === 'li' && (e.properties['className'] as string[] | undefined)?.includes('action'));
        assert.equal(lis.length, actions.length);
      });

      it('has the signers by name', () => {
        const names = doc.justering?.signers.map((s) => s.name) ?? [];
        assert.ok(names.length > 0);
        const signers = squash(text(all.find((e) => (e.properties['className'] as string[] | undefined)?.includes('signatures'))!));
        for (const n of names) assert.ok(signers.includes(n), `missing signer ${n}`);
      });

      it('leaks none of the dialect syntax', () => {
        for (const leak of ['[!', '::', '[roll', '[role', '[ ]', '[x]', '[/]']) assert.ok(!body.includes(leak), `"${leak}" in the output`);
      });

      it('is a whole HTML file with language, title, scoped header cells', () => {
        const html = htmlDocument(rendered);
        assert.match(html, new RegExp(`<html lang="${doc.language}">`));
        assert.ok(html.includes(`<title>${rendered.title}</title>`));
        assert.ok(!/<th(?=[\s>])(?![^>]*scope=)/.test(html), 'a th without scope');
        assert.ok(!/<script|<link /.test(html), 'not self-contained');
      });
    });
  }
});

const SV = readFileSync(join(examples, 'ks-au-2024-04-16.md'), 'utf8');

describe('render: layout', () => {
  it('lays out the protokoll header from the attendance groups', () => {
    const body = squash(text(renderMinutes(parseMinutes(SV)).hast));
    for (const s of [
      'Beslutande Karin Lindqvist (S), ordförande Per Holmberg (M)',
      'Ersättare Johan Ek (C), ersätter Birgitta Nordin (C)',
      'Övriga närvarande Sofia Karlsson, nämndsekreterare',
      'Utses att justera Amir Haddad',
      'Justeringens plats och tid Kommunledningskontoret 2024-04-18',
      'Paragrafer § 45–52',
      'Anslag/Bevis',
      'Datum då anslaget sätts upp 2024-04-19',
    ]) assert.ok(body.includes(s), `missing "${s}"`);
  });

  it('renders a vote as a table with a caption and header cells', () => {
    const html = renderMinutes(parseMinutes(SV)).html;
    assert.match(html, /<table class="vote"><caption>Omröstningsresultat<\/caption><thead><tr><th scope="col">Röst<\/th>/);
    assert.match(html, /<th scope="row">Ja<\/th><td>3<\/td>/);
    assert.ok(!/Ja: 3/.test(html));
  });

  it('labels a callout kind and a field Justera does not know, and hides [info:: ja]', () => {
    const doc = parseMinutes(`---\ntyp: protokoll\norgan: Nämnden\ndatum: 2025-03-11\n---\n\n## § 1 Rättelse [info:: ja]\n\n> [!rättelse] Sofia Karlsson\n> Fel datum i § 3. [ersätter:: § 3] [nytt-fält:: värde]\n`);
    const html = renderMinutes(doc).html;
    assert.ok(html.includes('<strong>Rättelse – Sofia Karlsson</strong>'), html);
    assert.ok(html.includes('<span class="field-key">Nytt fält:</span> värde'), html);
    assert.ok(html.includes('<span class="field-key">Ersätter:</span> § 3'), html);
    assert.ok(!html.includes('info'), html);
  });

  it('renders ordinary Markdown as usual: tables, links, emphasis', () => {
    const doc = parseMinutes(`---\ntype: minutes\nbody: Board\ndate: 2024-03-12\n---\n\n## 1. Budget\n\nSpending by line:\n\n| Line | Amount |\n|---|---|\n| Roof | **£212,000** |\n\nSee [the plan](https://example.org/plan) and *this*.\n`);
    const html = renderMinutes(doc).html;
    assert.match(html, /<table><caption>Spending by line<\/caption>\s*<thead>/);
    assert.ok(html.includes('<th scope="col">Line</th>'), html);
    assert.ok(!html.includes('<p>Spending by line:</p>'), html);
    assert.ok(html.includes('<strong>£212,000</strong>'));
    assert.ok(html.includes('<a href="https://example.org/plan">the plan</a>'));
    assert.ok(html.includes('<em>this</em>'));
  });

  it('writes the signed date, or a line to sign on', () => {
    const doc = parseMinutes(SV.replace('- Justerare: Amir Haddad [signerat:: 2024-04-18]', '- Justerare: Amir Haddad'));
    const html = renderMinutes(doc).html;
    assert.ok(html.includes('<p class="sign-role">Sekreterare</p><p class="signed">Signerat 2024-04-18</p><p class="sign-name">Sofia Karlsson</p>'));
    assert.ok(html.includes('<p class="sign-role">Justerare</p><p class="sign-line">'));
  });
});

describe('render: protokollsutdrag', () => {
  it('keeps the chosen items, the justering lines and a certification line', () => {
    const r = renderMinutes(parseMinutes(SV), { items: [46, 48] });
    const h2 = elements(r.hast).filter((e) => e.tagName === 'h2').map((e) => text(e));
    assert.deepEqual(h2, ['§ 46 Godkännande av dagordning', '§ 48 Revidering av riktlinjer för representation och gåvor', 'Underskrifter', 'Utdragsbestyrkande']);
    assert.equal(r.title, 'Utdrag ur protokoll – Kommunstyrelsens arbetsutskott 2024-04-16');
    assert.ok(!text(r.hast).includes('Beslutande'));
    assert.deepEqual(r.missingItems, []);
  });

  it('says "Extract certified by" in English and reports items that do not exist', () => {
    const r = renderMinutes(parseMinutes(readFileSync(join(examples, 'board-2024-03-12.md'), 'utf8')), { items: [5, 99] });
    assert.ok(text(r.hast).includes('Extract certified by'));
    assert.deepEqual(r.missingItems, [99]);
  });
});

describe('render: from the analysis\' syntax trees', () => {
  const collect = (text: string) => {
    const trees = new Map<number, import('mdast').Root>();
    const doc = parseMinutes(text, { onSectionTree: (start, tree) => trees.set(start, tree) });
    return { doc, trees };
  };

  for (const file of files) {
    it(`${file}: the same HTML as a parse of its own`, () => {
      const { doc, trees } = collect(readFileSync(join(examples, file), 'utf8'));
      assert.ok(trees.size > 3);
      assert.equal(renderMinutes(doc, { trees }).html, renderMinutes(doc).html);
    });
  }

  it('parses a section with GFM syntax (a table) again rather than lose it', () => {
    const { doc, trees } = collect(`---\ntype: minutes\nbody: Board\ndate: 2024-03-12\n---\n\n## 1. Budget\n\n| Line | Amount |\n|---|---|\n| Roof | 212 |\n\n## 2. Other\n\nText.\n`);
    assert.ok(renderMinutes(doc, { trees }).html.includes('<th scope="col">Line</th>'));
  });
});

describe('render: cache', () => {
  it('renders only the edited section again', () => {
    const cache = new RenderCache();
    const first = renderMinutes(parseMinutes(SV), { cache, lines: true });
    const misses = cache.misses;
    const edited = SV.replace('Bifall till kommunledningskontorets förslag.', 'Bifall till förslaget.');
    const second = renderMinutes(parseMinutes(edited), { cache, lines: true });
    assert.equal(cache.misses - misses, 1);
    assert.ok(second.html.includes('Bifall till förslaget.'));
    assert.ok(first.html.includes('data-line="'));
  });
});

describe('render: broken documents', () => {
  const PIECES = ['> [!', '> [!beslut]', '[ansvarig:: ', ']', '::', '\n', '\n## § ', '| a |\n|---|\n', '- [ ] ', '- [/] ', '---\n', 'typ: protokoll\n', '# ', '**', '[^1]', '<b>', '\n> ', '§', '~~'];

  it('renders any edit of an example without throwing and without raw HTML', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.record({ at: fc.nat(), text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 5 })) }), { maxLength: 8 }),
        (file, edits) => {
          let text = readFileSync(join(examples, file), 'utf8');
          for (const e of edits) {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.text + text.slice(at);
          }
          const doc = parseMinutes(text);
          const r = renderMinutes(doc);
          assert.ok(!r.html.includes('<b>'), 'raw HTML passed through');
          renderMinutes(doc, { items: doc.items.flatMap((i) => (i.number !== undefined ? [i.number] : [])).slice(0, 2) });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('renders an empty document and one without front matter', () => {
    assert.equal(renderMinutes(parseMinutes('')).title, 'Minnesanteckningar');
    assert.ok(renderMinutes(parseMinutes('## 1. Punkt\n\n> [!beslut]\n')).html.includes('<h2>1. Punkt</h2>'));
  });
});
