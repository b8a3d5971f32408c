import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

type Lang = 'sv' | 'en';

function load(lang: Lang): Record<string, Snippet> {
  const url = new URL(`../../snippets/minutes.${lang}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, Snippet>;
}

const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '04',
  CURRENT_DATE: '16',
};

/** Expand a snippet body the way accepting every default would: the text a user gets by tabbing through. */
export function expandSnippet(body: string): string {
  let s = body.replace(/\$\{([A-Z_]+)\}|\$([A-Z_]+)/g, (m, a?: string, b?: string) => VARIABLES[(a ?? b)!] ?? m);
  const defaults = new Map<string, string>();
  s = s.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => {
    const first = choices.split(',')[0] ?? '';
    defaults.set(n, first);
    return first;
  });
  s = s.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n: string, text: string) => {
    defaults.set(n, text);
    return text;
  });
  // Mirrors repeat the placeholder's text; bare tab stops ($0, $1) insert nothing.
  s = s.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => defaults.get((a ?? b)!) ?? '');
  return s.replace(/\\\$/g, '$');
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

function prefixes(s: Snippet): string[] {
  return Array.isArray(s.prefix) ? s.prefix : [s.prefix];
}

const CALLOUTS: Record<Lang, string[]> = {
  sv: ['beslut', 'sammanfattning', 'yrkande', 'omröstning', 'reservation', 'protokollsanteckning', 'jäv', 'rättelse'],
  en: ['decision', 'summary', 'motion', 'vote', 'dissent', 'statement', 'conflict', 'correction'],
};
// Callouts whose first line names a person.
const NAMED = new Set(['yrkande', 'reservation', 'protokollsanteckning', 'jäv', 'motion', 'dissent', 'statement', 'conflict']);
const VOTE_LINE = /^> (Ja|Nej|Avstår|Yes|No|Abstain): \d+$/;
/** A roll-call line: `> - Name (Party): ja`. */
const BALLOT_LINE = /^> - [^:]+: (ja|nej|avstår|yes|no|abstain)$/;

const FIELDS: Record<Lang, Set<string>> = {
  sv: new Set(['roll', 'närvaro', 'ersätter', 'dnr', 'info', 'omedelbar-justering', 'ansvarig', 'senast', 'klar', 'från', 'signerat']),
  en: new Set(['role', 'presence', 'replaces', 'dnr', 'info', 'immediate-approval', 'owner', 'due', 'done', 'from', 'signed']),
};
const DATE_FIELDS = new Set(['senast', 'klar', 'signerat', 'due', 'done', 'signed']);
const ROLES = new Set(['ordförande', 'sekreterare', 'justerare', 'chair', 'secretary', 'approver']);

const FRONT_MATTER: Record<Lang, { keys: Set<string>; typ: string; organ: string; datum: string; profiles: string[] }> = {
  sv: {
    keys: new Set(['typ', 'organ', 'datum', 'tid', 'plats', 'språk', 'ordförande', 'sekreterare', 'justerare', 'justering', 'paragraf-start', 'status', 'nästa-möte', 'ledamöter']),
    typ: 'typ', organ: 'organ', datum: 'datum', profiles: ['protokoll', 'minnesanteckningar'],
  },
  en: {
    keys: new Set(['type', 'body', 'date', 'time', 'place', 'lang', 'chair', 'secretary', 'approvers', 'approval', 'first-item', 'status', 'next-meeting', 'seats']),
    typ: 'type', organ: 'body', datum: 'date', profiles: ['minutes', 'notes'],
  },
};

const SECTIONS = new Set(['Närvarande', 'Deltagare', 'Present', 'Attendance', 'Justering', 'Underskrifter', 'Signatures', 'Approval', 'Anslag', 'Notice']);
const GROUPS = new Set(['Beslutande', 'Tjänstgörande ersättare', 'Övriga närvarande', 'Frånvarande', 'Members', 'Substitutes', 'Also present', 'Absent']);
const SIGN_LABELS = ['Omedelbart justerade paragrafer', 'Immediately approved items', 'Vid anteckningarna', 'Vid protokollet', 'Ordförande', 'Justeras', 'Justerare', 'Justerade paragrafer', 'Recorded by', 'Chair', 'Approved by', 'Anslaget sätts upp', 'Anslaget tas ned', 'Förvaringsplats'];

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Checks the expanded text against the dialect; returns the problems found. */
function dialectProblems(text: string, lang: Lang): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  let i = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) return ['front matter is not closed'];
    const spec = FRONT_MATTER[lang];
    const fm = parseYaml(lines.slice(1, end).join('\n')) as Record<string, unknown>;
    for (const k of Object.keys(fm)) if (!spec.keys.has(k)) problems.push(`unknown front matter key ${k}`);
    if (!spec.profiles.includes(String(fm[spec.typ]))) problems.push(`bad ${spec.typ}: ${String(fm[spec.typ])}`);
    if (!fm[spec.organ]) problems.push(`missing ${spec.organ}`);
    if (!isIsoDate(String(fm[spec.datum]))) problems.push(`bad ${spec.datum}`);
    i = end + 1;
  }
  let calloutType: string | undefined;
  let calloutHasText = false;
  const closeCallout = () => {
    if (calloutType && !calloutHasText) problems.push(`callout ${calloutType} has no text`);
    calloutType = undefined;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    assert.ok(!line.includes('$'), `unexpanded snippet syntax in: ${line}`);
    for (const f of line.matchAll(/\[([^\]:]+):: ([^\]]*)\]/g)) {
      const [, key, value] = f as unknown as [string, string, string];
      if (!FIELDS[lang].has(key)) problems.push(`unknown field ${key}`);
      if (DATE_FIELDS.has(key) && !isIsoDate(value)) problems.push(`field ${key} is not an ISO date: ${value}`);
      if ((key === 'roll' || key === 'role') && !ROLES.has(value)) problems.push(`unknown role ${value}`);
      if ((key === 'från' || key === 'from') && !/^\d{4}-\d{2}-\d{2} §\d+$/.test(value)) problems.push(`bad ${key}: ${value}`);
    }
    const callout = /^> \[!([\p{L}-]+)\](?: (.+))?$/u.exec(line);
    if (callout) {
      closeCallout();
      calloutType = callout[1]!;
      calloutHasText = false;
      if (!CALLOUTS[lang].includes(calloutType)) problems.push(`unknown callout ${calloutType}`);
      if (NAMED.has(calloutType) && !callout[2]) problems.push(`callout ${calloutType} needs a name`);
      continue;
    }
    if (calloutType) {
      if (line.startsWith('>')) {
        if (/^> \S/.test(line)) calloutHasText = true;
        if (/^> (Ja|Nej|Avstår|Yes|No|Abstain):/.test(line) && !VOTE_LINE.test(line)) problems.push(`bad vote line: ${line}`);
        if (/^> - /.test(line) && (calloutType === 'omröstning' || calloutType === 'vote') && !BALLOT_LINE.test(line)) problems.push(`bad roll-call line: ${line}`);
        continue;
      }
      closeCallout();
    }
    if (line.startsWith('### ')) {
      if (!GROUPS.has(line.slice(4))) problems.push(`unknown group heading: ${line}`);
    } else if (line.startsWith('## ')) {
      const title = line.slice(3);
      const item = /^(?:§ \d+|\d+\.) \S/.test(title);
      if (!item && !SECTIONS.has(title)) problems.push(`heading is neither an item nor a known section: ${line}`);
    } else if (/^- \[.\] /.test(line)) {
      if (!/^- \[[ /x-]\] /.test(line)) problems.push(`bad task box: ${line}`);
      if (!/\[(ansvarig|owner):: \S[^\]]*\]/.test(line)) problems.push(`action without owner: ${line}`);
      if (!/\[(senast|due):: [^\]]+\]/.test(line)) problems.push(`action without due date: ${line}`);
    } else if (/^- [^[\]]+: /.test(line) && !/\[/.test(line.split(':')[0]!)) {
      const label = line.slice(2, line.indexOf(':'));
      if (!SIGN_LABELS.includes(label)) problems.push(`unknown label: ${label}`);
    } else if (line !== '' && !line.startsWith('- ') && !/^(\[[^\]]+:: [^\]]*\] ?)+$/.test(line)) {
      // An inline-field fragment (inserted at the end of an existing line) is fine on its own.
      problems.push(`unexpected line: ${line}`);
    }
  }
  closeCallout();
  return problems;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

for (const lang of ['sv', 'en'] as const) {
  describe(`snippets/minutes.${lang}.json`, () => {
    const snippets = load(lang);
    const entries = Object.entries(snippets);

    it('every snippet has prefix, body and description', () => {
      assert.ok(entries.length > 10);
      for (const [name, s] of entries) {
        assert.ok(prefixes(s).length > 0 && prefixes(s).every((p) => typeof p === 'string' && p.trim() === p && p.length > 0), `${name}: prefix`);
        assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.length > 0), `${name}: body`);
        assert.ok(typeof s.description === 'string' && s.description.length > 0, `${name}: description`);
      }
    });

    it('has a snippet for every callout type of the dialect', () => {
      for (const type of CALLOUTS[lang]) {
        const hit = entries.find(([, s]) => expandSnippet(bodyText(s)).split('\n').some((l) => new RegExp(`^> \\[!${type}\\]`, 'u').test(l)));
        assert.ok(hit, `no snippet for [!${type}]`);
        assert.ok(prefixes(hit[1]).includes(type), `[!${type}] snippet has prefix ${type}`);
      }
    });

    it('has the keyword prefixes', () => {
      const all = new Set(entries.flatMap(([, s]) => prefixes(s)));
      const wanted = lang === 'sv'
        ? ['protokoll', 'minnesanteckningar', 'närvaro', 'narvaro', 'roll', 'paragraf', 'punkt', 'uppdrag', 'justering', 'anslag', 'omrostning', 'jav',
          'röstlängd', 'rättelse', 'ersätter', 'omedelbar-justering']
        : ['minutes', 'notes', 'attendance', 'attendee', 'item', 'action', 'signatures', 'roll-call', 'correction', 'replaces', 'immediate-approval'];
      for (const p of wanted) assert.ok(all.has(p), `prefix ${p}`);
    });

    it('offers an ASCII-folded prefix wherever a prefix has Swedish letters', () => {
      for (const [name, s] of entries) {
        const ps = prefixes(s);
        for (const p of ps) {
          if (fold(p) !== p) assert.ok(ps.includes(fold(p)), `${name}: ${p} lacks ${fold(p)}`);
        }
      }
    });

    it('uses tab stops and the current date', () => {
      const text = entries.map(([, s]) => bodyText(s)).join('\n');
      assert.match(text, /\$\{\d+\|[^|]+\|\}/, 'has choices');
      assert.match(text, /\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/);
    });

    for (const [name, s] of entries) {
      it(`"${name}" expands to text the dialect accepts`, () => {
        const text = expandSnippet(bodyText(s));
        assert.deepEqual(dialectProblems(text, lang), [], text);
      });
    }
  });
}

describe('expandSnippet', () => {
  it('takes defaults, first choices and mirrors', () => {
    assert.equal(
      expandSnippet('- [${1| ,x|}] ${2:Task} [due:: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}] $2 ${4}$0'),
      '- [ ] Task [due:: 2024-04-16] Task ',
    );
  });
});

describe('dialect check used on snippets', () => {
  it('flags text the dialect would not accept', () => {
    assert.deepEqual(dialectProblems('> [!beslutt]\n> Text.', 'sv'), ['unknown callout beslutt']);
    assert.deepEqual(dialectProblems('> [!beslut]', 'sv'), ['callout beslut has no text']);
    assert.deepEqual(dialectProblems('- [ ] Gör något [ansvarig:: Anna]', 'sv'), ['action without due date: - [ ] Gör något [ansvarig:: Anna]']);
    assert.deepEqual(dialectProblems('- [x] Task [owner:: A] [due:: 2024-02-30]', 'en'), ['field due is not an ISO date: 2024-02-30']);
    assert.deepEqual(dialectProblems('## Paragraf 3', 'sv'), ['heading is neither an item nor a known section: ## Paragraf 3']);
  });
});
