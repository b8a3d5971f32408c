// Generator of realistic minutes for benchmarks and property tests: front matter,
// attendance, `## § N` items with prose, decisions, actions, justering. Deterministic
// for a given seed.

export function rng(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Lars', 'Karin', 'Per', 'Eva', 'Johan', 'Sofia', 'Amir', 'Lena', 'Mats', 'Helene', 'Ola', 'Fatima', 'Erik', 'Maria'];
const LAST = ['Andersson', 'Lindqvist', 'Holmberg', 'Haddad', 'Sjöberg', 'Ek', 'Karlsson', 'Strand', 'Berg', 'Nilsson', 'Olofsson', 'Yilmaz'];
const PARTIES = ['S', 'M', 'C', 'V', 'L', 'KD', 'MP', 'SD'];
const TOPICS = [
  'Ekonomisk uppföljning', 'Remiss om regional cykelplan', 'Markanvisning för kvarteret Lärkan', 'Riktlinjer för representation',
  'Delegationsbeslut', 'Information från kommundirektören', 'Upphandling av skolskjuts', 'Detaljplan för Norra hamnen',
  'Budget för kommande år', 'Taxa för bygglov', 'Yttrande över motion om solceller', 'Avfallsplan', 'Bredbandsstrategi',
];
const WORDS = (
  'arbetsutskottet föreslår att kommunstyrelsen beslutar att godkänna förvaltningens förslag till yttrande och att ' +
  'uppdra åt förvaltningen att återkomma med en redovisning av ekonomiska konsekvenser samt en tidplan för genomförandet ' +
  'ärendet har beretts av samhällsbyggnadsförvaltningen och diskuterats i berörda nämnder under våren med synpunkter ' +
  'från kommunens revisorer och de fackliga organisationerna som framfört att underlaget behöver kompletteras'
).split(' ');

export interface GeneratedMeeting {
  readonly text: string;
  readonly items: number;
  /** The meeting date (ISO). */
  readonly date: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function sentence(r: () => number, min = 8, max = 24): string {
  const n = min + Math.floor(r() * (max - min));
  const ws: string[] = [];
  for (let i = 0; i < n; i++) ws.push(pick(r, WORDS));
  const s = ws.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/** Wraps prose at about 90 columns, like a secretary's editor would. */
function paragraph(r: () => number, sentences: number, prefix = ''): string {
  const words = Array.from({ length: sentences }, () => sentence(r)).join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + w.length > 88) {
      lines.push(prefix + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(prefix + line);
  return lines.join('\n');
}

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function isoDate(year: number, dayOfYear: number): string {
  const d = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return d.toISOString().slice(0, 10);
}

export interface MeetingOptions {
  readonly seed: number;
  /** Approximate size in bytes. */
  readonly bytes: number;
  readonly body?: string;
  readonly date?: string;
  readonly firstItem?: number;
}

/** A Swedish protokoll of about `bytes` bytes. */
export function generateMeeting(options: MeetingOptions): GeneratedMeeting {
  const r = rng(options.seed);
  const date = options.date ?? isoDate(2024, 10 + Math.floor(r() * 300));
  const people = Array.from({ length: 9 }, (_, i) => `${FIRST[(i * 7 + options.seed) % FIRST.length]} ${LAST[(i * 5 + options.seed) % LAST.length]}`);
  const unique = [...new Set(people)];
  const [chair, secretary, approver] = [unique[0]!, unique[unique.length - 1]!, unique[1]!];
  const first = options.firstItem ?? 1;
  const head = [
    '---',
    'typ: protokoll',
    `organ: ${options.body ?? 'Kommunstyrelsens arbetsutskott'}`,
    `datum: ${date}`,
    'tid: 13:00–16:30',
    'plats: Kommunhuset, sammanträdesrum Ekoxen',
    `ordförande: ${chair}`,
    `sekreterare: ${secretary}`,
    `justerare: [${approver}]`,
    `paragraf-start: ${first}`,
    'justering:',
    `  datum: ${addDaysIso(date, 2)}`,
    '  plats: Kommunhuset',
    'status: utkast',
    '---',
    '',
    `# Protokoll ${date}`,
    '',
    '## Närvarande',
    '',
    '### Beslutande',
    '',
    ...unique.slice(0, -1).map((p, i) => `- ${p} (${pick(r, PARTIES)})${i === 0 ? ' [roll:: ordförande]' : i === 1 ? ' [roll:: justerare]' : ''}`),
    '',
    '### Övriga närvarande',
    '',
    `- ${secretary}, nämndsekreterare [roll:: sekreterare]`,
    '',
  ].join('\n');
  const parts: string[] = [head];
  let size = head.length;
  let n = first;
  const approved = addDaysIso(date, 2);
  const tail = (last: number) =>
    [
      '## Justering', '', `- Vid protokollet: ${secretary}`, `- Ordförande: ${chair}`, `- Justerare: ${approver}`, `- Justerade paragrafer: § ${first}–${last}`, '',
      '## Anslag', '', `- Anslaget sätts upp: ${addDaysIso(approved, 1)}`, `- Anslaget tas ned: ${addDaysIso(approved, 23)}`, '- Förvaringsplats: Kommunledningskontoret', '',
    ].join('\n');
  while (size < options.bytes - 200) {
    const owner = pick(r, unique);
    const due = isoDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)) * 30 + Math.floor(r() * 60));
    const lines = [`## § ${n} ${pick(r, TOPICS)} [dnr:: KS ${date.slice(0, 4)}/${100 + n}]`, '', paragraph(r, 2 + Math.floor(r() * 4)), ''];
    if (r() < 0.3) lines.push('### Bakgrund', '', paragraph(r, 2), '');
    if (r() < 0.2) lines.push(`> [!yrkande] ${pick(r, unique)}`, paragraph(r, 1, '> '), '');
    lines.push('> [!beslut]', paragraph(r, 1 + Math.floor(r() * 2), '> '));
    if (r() < 0.6) lines.push('>', `> - [ ] ${sentence(r, 6, 12)} [ansvarig:: ${owner}] [senast:: ${due}]`);
    lines.push('');
    if (r() < 0.3) lines.push(`- [${pick(r, [' ', 'x', '/'])}] ${sentence(r, 5, 10)} [ansvarig:: ${owner}] [senast:: ${due}]`, '');
    const block = lines.join('\n') + '\n';
    parts.push(block);
    size += block.length;
    n++;
  }
  parts.push(tail(n - 1));
  return { text: parts.join('\n'), items: n - first, date };
}

/** A workspace: meetings of a few bodies across a year, numbering continuing per body. */
export function generateWorkspace(files: number, seed = 1): { path: string; text: string }[] {
  const bodies = ['Kommunstyrelsen', 'Kommunstyrelsens arbetsutskott', 'Barn- och utbildningsnämnden', 'Miljö- och byggnadsnämnden'];
  const out: { path: string; text: string }[] = [];
  const next = new Map<string, number>();
  for (let i = 0; i < files; i++) {
    const body = bodies[i % bodies.length]!;
    const meetingNo = Math.floor(i / bodies.length);
    const date = isoDate(2024, (meetingNo * 3) % 360);
    const firstItem = next.get(body) ?? 1;
    const m = generateMeeting({ seed: seed * 1000 + i, bytes: 6000 + ((i * 7919) % 9000), body, date, firstItem });
    next.set(body, firstItem + m.items);
    out.push({ path: `${body.toLowerCase().replace(/[^a-zåäö]+/g, '-')}/${date}-${i}.md`, text: m.text });
  }
  return out;
}
