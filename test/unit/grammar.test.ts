import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { APPROVED_ITEMS_LABELS, CALLOUT_WORDS, IMMEDIATE_ITEMS_LABELS, NOTICE_LABELS, SIGNER_LABELS } from '../../src/core/keywords';

const require = createRequire(import.meta.url);
const INJECTION_PATH = new URL('../../syntaxes/justera.injection.tmLanguage.json', import.meta.url);
const injectionText = readFileSync(INJECTION_PATH, 'utf8');
const injection = JSON.parse(injectionText) as Record<string, unknown>;

/**
 * A small stand-in for VS Code's Markdown grammar with the same shapes that matter for the
 * injection: heading captures re-tokenized, begin/while blockquotes and lists that set \G,
 * fenced code, inline code and front matter. Set JUSTERA_MARKDOWN_GRAMMAR to the path of
 * the real markdown.tmLanguage.json to run the same tests against it.
 */
const BASE_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#block' }],
  repository: {
    frontMatter: {
      begin: '\\A-{3}\\s*$',
      end: '^-{3}\\s*$',
      contentName: 'meta.embedded.block.frontmatter',
      patterns: [],
    },
    block: {
      patterns: [
        { include: '#heading' },
        { include: '#blockquote' },
        { include: '#fenced' },
        { include: '#list' },
        { include: '#paragraph' },
      ],
    },
    heading: {
      match: '(?:^|\\G) {0,3}(#{1,6})\\s+(.*?)\\s*$',
      name: 'markup.heading.markdown',
      captures: {
        1: { name: 'punctuation.definition.heading.markdown' },
        2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] },
      },
    },
    blockquote: {
      begin: '(^|\\G) {0,3}(>) ?',
      while: '(^|\\G)\\s*(>) ?',
      name: 'markup.quote.markdown',
      patterns: [{ include: '#block' }],
    },
    fenced: {
      begin: '(^|\\G)(\\s*)(`{3,})\\s*(?=([^`]*)?$)',
      end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
      name: 'markup.fenced_code.block.markdown',
    },
    list: {
      begin: '(^|\\G)( {0,3})([-*+])([\\t ])',
      while: '((^|\\G)( {2,4}|\\t))|^([\\t ]*)$',
      name: 'markup.list.unnumbered.markdown',
      patterns: [{ include: '#block' }],
    },
    paragraph: {
      begin: '(^|\\G) {0,3}(?=[^\\t\\n ])',
      while: '(^|\\G)((?=\\s*[-=]{3,}\\s*$)| {4,}(?=[^\\t\\n ]))',
      name: 'meta.paragraph.markdown',
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [{ match: '(`+)([^`]*)(\\1)', name: 'markup.inline.raw.string.markdown' }],
    },
  },
};

function baseGrammar(): vsctm.IRawGrammar {
  const real = process.env['JUSTERA_MARKDOWN_GRAMMAR'];
  if (real) return vsctm.parseRawGrammar(readFileSync(real, 'utf8'), real);
  return vsctm.parseRawGrammar(JSON.stringify(BASE_MARKDOWN), 'markdown.json');
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.html.markdown') return baseGrammar();
        if (scopeName === 'text.html.markdown.justera') return vsctm.parseRawGrammar(injectionText, INJECTION_PATH.pathname);
        return null;
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['text.html.markdown.justera'] : undefined),
    });
    const g = await registry.loadGrammar('text.html.markdown');
    assert.ok(g, 'markdown grammar loads');
    return g;
  })();
  return grammarPromise;
}

interface Tok {
  text: string;
  scopes: string[];
}

async function tokenize(doc: string): Promise<Tok[][]> {
  const grammar = await loadGrammar();
  let stack = vsctm.INITIAL;
  return doc.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Asserts that some token that is exactly `text` on line `lineNo` (0-based) has `scope`. */
function assertScope(lines: Tok[][], lineNo: number, text: string, scope: string): void {
  const toks = lines[lineNo]!.filter((t) => t.text === text);
  assert.ok(toks.length > 0, `no token ${JSON.stringify(text)} on line ${lineNo}: ${JSON.stringify(lines[lineNo]!.map((t) => t.text))}`);
  const hit = toks.some((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  assert.ok(hit, `${JSON.stringify(text)} on line ${lineNo} lacks ${scope}: ${toks.map((t) => t.scopes.join(' ')).join(' | ')}`);
}

function anyJustera(lines: Tok[][], lineNo: number): boolean {
  return lines[lineNo]!.some((t) => t.scopes.some((s) => s.endsWith('.justera')));
}

describe('justera injection grammar', () => {
  it('is an injection into Markdown made only of single-line match rules', () => {
    assert.equal(injection['scopeName'], 'text.html.markdown.justera');
    assert.match(String(injection['injectionSelector']), /^L:text\.html\.markdown\b/);
    for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'meta.embedded']) {
      assert.ok(String(injection['injectionSelector']).includes(`-${excluded}`), `selector excludes ${excluded}`);
    }
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
      if (node && typeof node === 'object') {
        for (const key of ['begin', 'end', 'while']) assert.ok(!(key in node), `${path} uses ${key}`);
        const match = (node as Record<string, unknown>)['match'];
        if (typeof match === 'string') assert.ok(!/\\n/.test(match), `${path} matches a newline`);
        for (const [k, v] of Object.entries(node)) visit(v, `${path}.${k}`);
      }
    };
    visit(injection, '$');
  });

  it('scopes item numbers in ## headings, keeping the heading scope', async () => {
    const lines = await tokenize('## § 27 Val av justerare\n## 3. Kommande möten\n### 4. Not an item\nText § 5 here');
    assertScope(lines, 0, '§', 'punctuation.definition.item.section-sign.justera');
    assertScope(lines, 0, '27', 'constant.numeric.item.justera');
    assertScope(lines, 0, '27', 'markup.heading.markdown');
    assertScope(lines, 1, '3', 'constant.numeric.item.justera');
    assertScope(lines, 1, '.', 'punctuation.definition.item.justera');
    assert.ok(!anyJustera(lines, 2), 'only ## headings are items');
    assert.ok(!anyJustera(lines, 3), 'a § in prose is not an item number');
  });

  it('scopes every callout type of the dialect, Swedish and English', async () => {
    const types = ['beslut', 'decision', 'sammanfattning', 'summary', 'yrkande', 'motion', 'omröstning', 'vote',
      'reservation', 'dissent', 'protokollsanteckning', 'statement', 'jäv', 'conflict'];
    const lines = await tokenize(types.map((t) => `> [!${t}]\n> Text.\n`).join('\n'));
    types.forEach((t, i) => assertScope(lines, i * 3, t, 'keyword.control.callout.justera'));
    const other = await tokenize('> [!note]\n> [!BESLUT]\n[!beslut] not in a quote');
    assert.ok(!anyJustera(other, 0), 'plain Obsidian callouts are left alone');
    assertScope(other, 1, 'BESLUT', 'keyword.control.callout.justera');
    assert.ok(!anyJustera(other, 2));
  });

  it('scopes the name after a callout type', async () => {
    const lines = await tokenize('> [!yrkande] Per Holmberg (M)\n> Bifall.');
    assertScope(lines, 0, 'Per Holmberg (M)', 'entity.name.person.justera');
    assertScope(lines, 0, '[', 'markup.quote.markdown');
  });

  it('scopes inline fields with ISO dates in values', async () => {
    const lines = await tokenize('- Anna Söderström [roll:: sekreterare]\n## § 47 Ekonomi [dnr:: KS 2024/31]\nText [närvaro:: t.o.m. 10:00] and [senast:: 2021-09-08].');
    assertScope(lines, 0, 'roll', 'entity.name.tag.field.justera');
    assertScope(lines, 0, '::', 'punctuation.separator.key-value.justera');
    assertScope(lines, 0, 'sekreterare', 'string.unquoted.field-value.justera');
    assertScope(lines, 1, 'dnr', 'entity.name.tag.field.justera');
    assertScope(lines, 1, 'KS 2024/31', 'string.unquoted.field-value.justera');
    assertScope(lines, 2, 'närvaro', 'entity.name.tag.field.justera');
    assertScope(lines, 2, '2021-09-08', 'constant.numeric.date.justera');
    assertScope(lines, 2, '2021-09-08', 'string.unquoted.field-value.justera');
  });

  it('scopes task boxes, including [/] and [-], in lists and callouts', async () => {
    const lines = await tokenize([
      '- [ ] Open [ansvarig:: Anna]',
      '- [/] Going [owner:: Bo]',
      '- [x] Done',
      '- [-] Cancelled',
      '> [!beslut]',
      '> - [/] In a decision [senast:: 2024-05-01]',
      'Not a task [x] here',
      '[x] at a paragraph start is not a task either',
    ].join('\n'));
    assertScope(lines, 0, '[', 'meta.task.open.justera');
    assertScope(lines, 1, '/', 'constant.language.task.in-progress.justera');
    assertScope(lines, 2, 'x', 'constant.language.task.done.justera');
    assertScope(lines, 3, '-', 'constant.language.task.cancelled.justera');
    assertScope(lines, 5, '/', 'constant.language.task.in-progress.justera');
    assertScope(lines, 5, '2024-05-01', 'constant.numeric.date.justera');
    assert.ok(!anyJustera(lines, 6), 'a box outside a list item is not a task');
    assert.ok(!anyJustera(lines, 7), 'a box at a paragraph start is not a task');
  });

  it('scopes justering, signature and anslag labels', async () => {
    const lines = await tokenize([
      '## Justering',
      '',
      '- Vid anteckningarna: Anna Söderström',
      '- Justeras: Helene Olofsson [signerat:: 2021-08-27]',
      '- Ordförande: Karin Lindqvist',
      '- Recorded by: Thomas Reid',
      '- Approved by: Priya Raman',
      '- Anslaget sätts upp: 2024-04-19',
      'Ordförande: not in a list',
    ].join('\n'));
    assertScope(lines, 2, 'Vid anteckningarna', 'keyword.other.signature.justera');
    assertScope(lines, 3, 'Justeras', 'keyword.other.signature.justera');
    assertScope(lines, 3, '2021-08-27', 'constant.numeric.date.justera');
    assertScope(lines, 4, 'Ordförande', 'keyword.other.signature.justera');
    assertScope(lines, 5, 'Recorded by', 'keyword.other.signature.justera');
    assertScope(lines, 6, 'Approved by', 'keyword.other.signature.justera');
    assertScope(lines, 7, 'Anslaget sätts upp', 'keyword.other.signature.justera');
    assert.ok(!anyJustera(lines, 8));
  });

  it('scopes every signature, notice and approved-items label the parser reads', async () => {
    const labels = [...Object.keys(SIGNER_LABELS), ...Object.keys(NOTICE_LABELS), ...APPROVED_ITEMS_LABELS, ...IMMEDIATE_ITEMS_LABELS];
    const lines = await tokenize(['## Justering', '', ...labels.map((l) => `- ${l[0]!.toUpperCase()}${l.slice(1)}: x`)].join('\n'));
    labels.forEach((l, i) => assertScope(lines, i + 2, `${l[0]!.toUpperCase()}${l.slice(1)}`, 'keyword.other.signature.justera'));
  });

  it('highlights every callout word the parser reads, the person after it included', async () => {
    const words = Object.keys(CALLOUT_WORDS);
    const lines = await tokenize(words.map((w) => `> [!${w}] Karin Lindqvist (S)\n`).join('\n'));
    words.forEach((w, i) => {
      assertScope(lines, i * 2, w, 'keyword.control.callout.justera');
      assertScope(lines, i * 2, 'Karin Lindqvist (S)', 'entity.name.person.justera');
    });
  });

  it('leaves fenced code, inline code and front matter alone', async () => {
    const lines = await tokenize([
      '---',
      'typ: protokoll',
      'note: "[roll:: ordförande]"',
      '---',
      '',
      '```',
      '> [!beslut]',
      '- [/] x [ansvarig:: A]',
      '```',
      '',
      'Use `[roll:: ordförande]` like this.',
    ].join('\n'));
    for (const n of [2, 6, 7]) assert.ok(!anyJustera(lines, n), `line ${n} untouched`);
    assert.ok(!anyJustera(lines, 10), 'inline code untouched');
  });

  it('does not leak state to the next line', async () => {
    const lines = await tokenize('> [!beslut] [dnr:: unterminated\nplain text\n## 2. Next');
    assert.ok(!anyJustera(lines, 1));
    assertScope(lines, 2, '2', 'constant.numeric.item.justera');
  });
});
