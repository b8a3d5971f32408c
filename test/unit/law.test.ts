// The Local Government Act rules beyond their examples: SHA-256 and signing (MIN054),
// the identity number table (MIN060), the protokoll example and its broken copy.
import { strict as assert } from 'node:assert';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { analyzeFull, DocumentAnalyzer } from '../../src/core/analysis';
import { fixText, lint } from '../../src/core/lint/engine';
import { examplesOf } from '../../src/core/lint/examples';
import { rules } from '../../src/core/lint/registry';
import { findIdentityNumbers, luhnValid } from '../../src/core/lint/rules/min060-personal-identity-number';
import { sha256, sha256Hex, utf8 } from '../../src/core/sha256';
import { contentHash, normaliseForHash, signText } from '../../src/core/sign';
import { generateMeeting } from '../../bench/generate';
import { EXAMPLE_TODAY, fixRule, lintAll, lintRule, parse } from './rule-harness';

const ROOT = join(__dirname, '..', '..');
const KS_AU = readFileSync(join(ROOT, 'examples', 'ks-au-2024-04-16.md'), 'utf8');
const BROKEN = readFileSync(join(ROOT, 'test', 'fixtures', 'ks-au-2024-04-16.broken.md'), 'utf8');
const LAW_RULES = ['MIN016', 'MIN033', 'MIN034', 'MIN035', 'MIN036', 'MIN037', 'MIN038', 'MIN039', 'MIN054', 'MIN060'];

describe('sha256 (pure, for MIN054)', () => {
  it('gives the NIST vectors', () => {
    assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(
      sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on random bytes of every length around the block size, and on Swedish text', () => {
    for (let n = 0; n < 200; n++) {
      const bytes = randomBytes(n);
      assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'), `length ${n}`);
    }
    for (const s of ['Förvaringsplats: Kommunledningskontoret', 'åäö ÅÄÖ § – “”', '😀 emoji', '\ud800 lone surrogate', KS_AU]) {
      assert.equal(sha256(s), createHash('sha256').update(s, 'utf8').digest('hex'));
      assert.deepEqual(Buffer.from(utf8(s)), Buffer.from(s, 'utf8'));
    }
  });
});

describe('signing (justera sign, Mark as Signed)', () => {
  const draft = KS_AU.replace(/^justerad-hash:.*\n/m, '').replace('status: justerad', 'status: för-justering').replace(/justering:\n  datum: 2024-04-18\n  plats: Kommunledningskontoret\n/, '');

  it('sets the status, the signing date and the hash over the normalised content', () => {
    const result = signText(draft, '2024-04-18', parse);
    assert.ok(result.ok);
    assert.match(result.text, /^status: justerad$/m);
    assert.match(result.text, /^justering:\n {2}datum: 2024-04-18$/m);
    assert.match(result.text, new RegExp(`^justerad-hash: ${result.hash}$`, 'm'));
    assert.equal(result.hash, contentHash(result.text));
    // Nothing the user wrote is lost: every line of the draft is still there.
    for (const line of draft.split('\n')) if (!line.startsWith('status:')) assert.ok(result.text.includes(line), line);
    assert.deepEqual(lintRule('MIN054', result.text), []);
  });

  it('is idempotent, and the example is signed', () => {
    const once = signText(draft, '2024-04-18', parse);
    assert.ok(once.ok);
    const twice = signText(once.text, '2024-04-20', parse);
    assert.ok(twice.ok);
    assert.equal(twice.text, once.text);
    const example = signText(KS_AU, '2024-04-18', parse);
    assert.ok(example.ok);
    assert.equal(example.text, KS_AU, 'examples/ks-au-2024-04-16.md carries a current hash');
  });

  it('ignores line endings, trailing spaces, trailing blank lines and the hash line', () => {
    const base = normaliseForHash(KS_AU);
    assert.equal(normaliseForHash(KS_AU.replace(/\n/g, '\r\n')), base);
    assert.equal(normaliseForHash(KS_AU.replace(/\n/g, '  \n') + '\n\n'), base);
    assert.equal(normaliseForHash('\ufeff' + KS_AU.replace(/^justerad-hash:.*$/m, 'justerad-hash: sha256:0')), base);
    assert.notEqual(normaliseForHash(KS_AU.replace('Ja: 3', 'Ja:  3')), base);
    // A hash-like line outside the front matter counts.
    assert.notEqual(normaliseForHash(KS_AU + '\njusterad-hash: x\n'), base);
  });

  it('in English minutes writes approved and approved-hash', () => {
    const en = '---\ntype: minutes\nbody: Board\ndate: 2024-03-12\n---\n\n## 1. Budget\n\n> [!decision]\n> Adopted.\n';
    const result = signText(en, '2024-03-14', parse);
    assert.ok(result.ok);
    assert.equal(result.text, `---\ntype: minutes\nbody: Board\ndate: 2024-03-12\nstatus: approved\napproval:\n  date: 2024-03-14\napproved-hash: ${result.hash}\n---\n\n## 1. Budget\n\n> [!decision]\n> Adopted.\n`);
  });

  it('refuses a document without front matter or with broken YAML', () => {
    assert.deepEqual(signText('## 1. A\n', '2024-01-01', parse), { ok: false, reason: 'no-front-matter' });
    assert.deepEqual(signText('---\ntyp: protokoll\norgan: [x\n---\n', '2024-01-01', parse), { ok: false, reason: 'broken-front-matter' });
  });

  it('MIN054: a change after signing is an error until a dated correction says what changed', () => {
    const changed = KS_AU.replace('Dagordningen godkänns med den ändringen', 'Dagordningen godkänns utan ändringar, med den ändringen');
    const findings = lintRule('MIN054', changed);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    const fixed = fixRule('MIN054', changed);
    assert.ok(fixed.startsWith(changed.slice(0, changed.indexOf('## Justering'))), 'text before the insertion kept');
    assert.match(fixed, /> \[!rättelse\] 2024-06-01\n> Ändrat efter justeringen: \(beskriv/);
    const placeholder = lintRule('MIN054', fixed);
    assert.equal(placeholder.length, 1, 'the placeholder is reported until filled in');
    assert.equal(placeholder[0]!.fix, undefined);
    const described = fixed.replace('(beskriv vad som ändrades och varför)', 'Texten i § 46 rättad efter ordförandens anmärkning.');
    assert.deepEqual(lintRule('MIN054', described), []);
    assert.equal(fixRule('MIN054', fixed), fixed, 'the fix is idempotent');
  });
});

describe('cli: sign', () => {
  it('signs a file in place, then lint reports a later change (MIN054)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-sign-'));
    const file = join(dir, 'ks.md');
    writeFileSync(file, KS_AU.replace(/^justerad-hash:.*\n/m, ''));
    let out = '';
    let err = '';
    const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
    assert.equal(await main(['sign', '--date', '2024-04-18', file], io), 0, err);
    assert.match(out, /ks\.md: signed sha256:[0-9a-f]{64}\n/);
    assert.equal(readFileSync(file, 'utf8'), KS_AU);
    out = '';
    assert.equal(await main(['sign', '--format', 'json', file], io), 0, err);
    assert.deepEqual(JSON.parse(out).map((r: { changed: boolean }) => r.changed), [false]);
    writeFileSync(file, KS_AU.replace('Ja: 3', 'Ja: 4'));
    out = '';
    assert.equal(await main(['lint', '--format', 'json', file], io), 1);
    assert.ok(JSON.parse(out).some((f: { code: string }) => f.code === 'MIN054'));
    assert.equal(await main(['sign', '--date', '18 april', file], io), 2);
    assert.match(err, /--date must be a date/);
  });
});

// Valid numbers were checked against Skatteverket's rules (date, Luhn); the table keeps the cases the issue names.
const TRUE_CANDIDATES: readonly [string, string][] = [
  ['Ansökan från 811218-9876 beviljas.', '811218-9876'],
  ['Sökande 19811218-9876 beviljas.', '19811218-9876'],
  ['Sökande 811218+9876 är över hundra år.', '811218+9876'],
  ['personnummer 8112189876', '8112189876'],
  ['Personnummer: 198112189876', '198112189876'],
  ['pnr: 198112189876', '198112189876'],
  ['P-nr 8112189876', '8112189876'],
  ['född 8112189876', '8112189876'],
  ['Samordningsnummer 811278-1235 (dag + 60).', '811278-1235'],
  ['samordningsnummer 8112781235', '8112781235'],
  ['Skatteverkets testnummer 121212-1212', '121212-1212'],
  ['Testnummer 19121212-1212', '19121212-1212'],
  ['Skottdag: 000229-1235', '000229-1235'],
  ['Skottdag: 20000229-1235', '20000229-1235'],
  ['(811218-9876)', '811218-9876'],
  ['811218-9876 i början av raden', '811218-9876'],
  ['Slutet av meningen: 811218-9876.', '811218-9876'],
  ['| Sökande | 811218-9876 |', '811218-9876'],
  ['personal identity number 8112189876', '8112189876'],
  ['born 198112189876', '198112189876'],
  ['Samordningsnummer 701063-2391.', '701063-2391'],
  ['Elev 990101-0018', '990101-0018'],
  ['1904: 040229-4565', '040229-4565'],
];

const FALSE_CANDIDATES: readonly string[] = [
  'Ansökan från 811218-9875 beviljas (fel kontrollsiffra).',
  'Månad 13: 811318-9876',
  'Dag 32: 811232-9876',
  'Tio siffror utan nyckelord: 8112189876',
  'Tolv siffror utan nyckelord: 198112189876',
  'Telefon 070-123 45 67',
  'Telefon 08-123 456 78',
  'Mobil 0701234567',
  'Telefon +46 70 123 45 67',
  'Diarienummer KS 2024/123',
  'Dnr KS 2024/1234 och SN 2023/45',
  'Organisationsnummer 556036-0793',
  'Kommunens organisationsnummer 212000-0142',
  'Datum 2024-04-16',
  'Datum 20240416',
  'Den 2024-04-16 1234 deltagare',
  'Maskerat: 811218-XXXX',
  'Beloppet 1 234 567 kr',
  'Justerade paragrafer: § 45–52',
  'Tid 13:00–15:40',
  'Skottdag som inte finns: 010229-1234',
  'För många siffror: 811218-98765',
  'Föregås av en siffra: 1811218-9876',
  'ISBN 978-91-1234-567-8',
  'Perioden 2024-03-12 till 2024-04-09',
  'Postnummer 123 45 Lövsta',
  'Bankgiro 5050-1055',
  'Född 1981',
];

describe('MIN060 personal-identity-number', () => {
  it('has a table of at least 20 true and 20 false candidates', () => {
    assert.ok(TRUE_CANDIDATES.length >= 20 && FALSE_CANDIDATES.length >= 20);
  });

  for (const [text, number] of TRUE_CANDIDATES) {
    it(`finds ${number} in "${text}"`, () => {
      const found = findIdentityNumbers(text);
      assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), [number]);
      assert.equal(text.slice(found[0]!.serialStart, found[0]!.span.end), number.slice(-4));
    });
  }

  for (const text of FALSE_CANDIDATES) {
    it(`finds nothing in "${text}"`, () => {
      assert.deepEqual(findIdentityNumbers(text).map((f) => text.slice(f.span.start, f.span.end)), []);
    });
  }

  it('checks Luhn over ten digits', () => {
    assert.ok(luhnValid('8112189876'));
    assert.ok(!luhnValid('8112189875'));
    assert.ok(!luhnValid('811218987'));
  });

  it('masks the last four digits, keeping the rest of the text', () => {
    const text = '---\ntyp: protokoll\norgan: SN\ndatum: 2024-04-16\n---\n\n## § 1 Bistånd\n\nSökande 811218-9876 och 19121212-1212.\n\n> [!beslut]\n> Beviljas.\n';
    assert.equal(fixRule('MIN060', text), text.replace('811218-9876', '811218-XXXX').replace('19121212-1212', '19121212-XXXX'));
    assert.deepEqual(lintRule('MIN060', fixRule('MIN060', text)), []);
    assert.ok(rules.find((r) => r.meta.code === 'MIN060')!.meta.blocksExport);
  });

  it('finds no identity number in any example or test document', () => {
    const texts: { name: string; text: string }[] = [];
    for (const f of readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.md') || n.endsWith('.txt'))) {
      texts.push({ name: `examples/${f}`, text: readFileSync(join(ROOT, 'examples', f), 'utf8') });
    }
    for (const f of readdirSync(join(ROOT, 'test', 'fixtures')).filter((n) => n.endsWith('.md') && !n.includes('.broken.'))) {
      texts.push({ name: `test/fixtures/${f}`, text: readFileSync(join(ROOT, 'test', 'fixtures', f), 'utf8') });
    }
    for (const rule of rules) {
      const { ok, notOk } = examplesOf(rule);
      for (const [i, e] of [...ok, ...notOk].entries()) {
        if (rule.meta.code === 'MIN060' && i >= ok.length) continue;
        texts.push({ name: `${rule.meta.code} example ${i + 1}`, text: e.text });
        for (const w of e.workspace ?? []) texts.push({ name: `${rule.meta.code} workspace ${w.path}`, text: w.text });
      }
    }
    for (let seed = 1; seed <= 30; seed++) texts.push({ name: `generated seed ${seed}`, text: generateMeeting({ seed, bytes: 20_000 }).text });
    const hits = texts.flatMap(({ name, text }) => findIdentityNumbers(text).map((f) => `${name}: ${text.slice(f.span.start, f.span.end)}`));
    assert.deepEqual(hits, []);
  });
});

describe('law rules in incremental analysis', () => {
  it('checks the items again when who serves changes (kept findings follow the attendance)', () => {
    const analyzer = new DocumentAnalyzer();
    const today = EXAMPLE_TODAY;
    const first = analyzer.analyze(KS_AU, { today });
    assert.ok(!first.findings.some((f) => f.code === 'MIN033' || f.code === 'MIN036'));
    // Per Holmberg no longer serves: his motion and dissent in § 48 are now reported.
    const edited = KS_AU.replace('- Per Holmberg (M)\n', '').replace('- Eva Strand, kommundirektör\n', '- Eva Strand, kommundirektör\n- Per Holmberg (M)\n');
    const again = analyzer.analyze(edited, { today });
    assert.deepEqual(again.findings, analyzeFull(edited, { today }).findings);
    assert.ok(again.findings.some((f) => f.code === 'MIN036'));
    assert.ok(again.findings.some((f) => f.code === 'MIN035'));
  });
});

describe('the protokoll example and its broken copy', () => {
  it('examples/ks-au-2024-04-16.md lints clean with every rule', () => {
    assert.deepEqual(lintAll(KS_AU).map((f) => `${f.code} ${f.message}`), []);
  });

  it('the example exercises the new syntax: roll call, substitute, conflict, dissent, immediate approval, hash', () => {
    const doc = parse(KS_AU);
    const callouts = doc.items.flatMap((i) => i.callouts);
    assert.equal(callouts.find((c) => c.kind === 'vote')?.ballots?.length, 5);
    assert.ok(callouts.some((c) => c.kind === 'conflict') && callouts.some((c) => c.kind === 'dissent') && callouts.some((c) => c.kind === 'motion'));
    assert.ok(doc.attendance?.people.some((p) => p.replaces));
    assert.deepEqual(doc.justering?.immediateItems?.numbers, [50]);
    assert.equal(doc.notice?.immediatePosted?.value, '2024-04-17');
    assert.match(doc.frontMatter?.approvalHash ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.equal(doc.frontMatter?.seats, 5);
  });

  it('the broken copy triggers each of the new rules and MIN053 (förvaringsplats)', () => {
    const codes = new Set(lintAll(BROKEN).map((f) => f.code));
    for (const code of [...LAW_RULES, 'MIN053']) assert.ok(codes.has(code), `${code} not reported`);
  });

  it('fixing the broken copy keeps every line the user wrote or changes it in place', () => {
    const fixed = fixText(BROKEN, parse, { today: EXAMPLE_TODAY });
    assert.ok(fixed.fixed > 0);
    const lines = new Set(fixed.text.split('\n'));
    const changedInPlace = (l: string) => l.includes('811218-9876') || l.includes('[!reservation] Maria Berg');
    for (const line of BROKEN.split('\n')) if (!changedInPlace(line)) assert.ok(lines.has(line), `lost: ${line}`);
    assert.ok(fixed.text.includes('811218-XXXX'));
    assert.ok(fixed.text.includes('> [!protokollsanteckning] Maria Berg (C)'));
    assert.deepEqual(lint(parse(fixed.text), { today: EXAMPLE_TODAY }).filter((f) => f.fix).map((f) => f.message), []);
  });
});
