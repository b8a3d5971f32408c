// Whole-document skeletons for a new minutes file. Pure: no `vscode`, no Node built-ins.

export type TemplateProfile = 'protokoll' | 'notes';
export type TemplateLanguage = 'sv' | 'en';

export interface MinutesTemplateOptions {
  profile: TemplateProfile;
  language: TemplateLanguage;
  /** ISO date of the meeting, e.g. `2024-04-16`. */
  date: string;
  /** The meeting body (`organ`/`body`); left empty when not given so lint asks for it. */
  body?: string;
}

interface Words {
  typ: string;
  profileValue: string;
  organ: string;
  datum: string;
  tid: string;
  plats: string;
  lang: string;
  chair: string;
  secretary: string;
  approvers: string;
  approval: string;
  approvalDate: string;
  approvalPlace: string;
  firstItem: string;
  status: string;
  draft: string;
  nextMeeting: string;
  seats: string;
  title: string;
  attendance: string;
  groups: readonly string[];
  items: readonly string[];
  decisions: readonly (string | undefined)[];
  justering: string;
  recorder: string;
  chairLine: string;
  approverLine: string;
  paragraphsLine?: string;
  anslag?: readonly string[];
}

const SV_KEYS = {
  typ: 'typ',
  organ: 'organ',
  datum: 'datum',
  tid: 'tid',
  plats: 'plats',
  lang: 'språk',
  chair: 'ordförande',
  secretary: 'sekreterare',
  approvers: 'justerare',
  approval: 'justering',
  approvalDate: 'datum',
  approvalPlace: 'plats',
  firstItem: 'paragraf-start',
  status: 'status',
  draft: 'utkast',
  nextMeeting: 'nästa-möte',
  seats: 'ledamöter',
  attendance: 'Närvarande',
  justering: 'Justering',
  chairLine: 'Ordförande:',
} as const;

const EN_KEYS = {
  typ: 'type',
  organ: 'body',
  datum: 'date',
  tid: 'time',
  plats: 'place',
  lang: 'lang',
  chair: 'chair',
  secretary: 'secretary',
  approvers: 'approvers',
  approval: 'approval',
  approvalDate: 'date',
  approvalPlace: 'place',
  firstItem: 'first-item',
  status: 'status',
  draft: 'draft',
  nextMeeting: 'next-meeting',
  seats: 'seats',
  attendance: 'Attendance',
  justering: 'Signatures',
  chairLine: 'Chair:',
} as const;

function words(profile: TemplateProfile, language: TemplateLanguage): Words {
  if (language === 'sv') {
    if (profile === 'protokoll') {
      return {
        ...SV_KEYS,
        profileValue: 'protokoll',
        title: 'Protokoll',
        groups: ['Beslutande', 'Tjänstgörande ersättare', 'Övriga närvarande', 'Frånvarande'],
        items: ['Mötets öppnande', 'Val av justerare', 'Godkännande av dagordning'],
        decisions: [
          'Ordföranden förklarar sammanträdet öppnat.',
          'Till justerare jämte ordföranden utses …',
          'Dagordningen godkänns.',
        ],
        recorder: 'Vid protokollet:',
        approverLine: 'Justerare:',
        paragraphsLine: 'Justerade paragrafer:',
        anslag: ['Anslaget sätts upp:', 'Anslaget tas ned:', 'Förvaringsplats:'],
      };
    }
    return {
      ...SV_KEYS,
      profileValue: 'minnesanteckningar',
      title: 'Minnesanteckningar',
      groups: [],
      items: ['Välkommen', 'Föregående mötes anteckningar', 'Övriga frågor', 'Nästa möte'],
      decisions: [],
      recorder: 'Vid anteckningarna:',
      approverLine: 'Justeras:',
    };
  }
  if (profile === 'protokoll') {
    return {
      ...EN_KEYS,
      profileValue: 'minutes',
      title: 'Minutes',
      groups: ['Members', 'Substitutes', 'Also present', 'Absent'],
      items: ['Opening of the meeting', 'Election of approver', 'Approval of the agenda'],
      decisions: [
        'The chair declared the meeting open.',
        '… was elected to approve the minutes together with the chair.',
        'The agenda was approved.',
      ],
      recorder: 'Recorded by:',
      approverLine: 'Approved by:',
    };
  }
  return {
    ...EN_KEYS,
    profileValue: 'notes',
    title: 'Notes',
    groups: [],
    items: ['Welcome', 'Notes of the previous meeting', 'Any other business', 'Next meeting'],
    decisions: [],
    recorder: 'Recorded by:',
    approverLine: 'Approved by:',
  };
}

/** Quote a YAML scalar only when plain style would change its meaning. */
function yamlScalar(value: string): string {
  const plainSafe =
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |\s#/.test(value) &&
    !/:$/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?\d[\d._:eE+-]*)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

function field(key: string, value?: string): string {
  return value ? `${key}: ${yamlScalar(value)}` : `${key}:`;
}

/**
 * A complete skeleton for a new minutes document. Unknown values are left empty so the
 * linter points at what is still missing instead of the template inventing it.
 */
export function newMinutesTemplate(opts: MinutesTemplateOptions): string {
  const w = words(opts.profile, opts.language);
  const formal = opts.profile === 'protokoll';
  // DIALECT: the protokoll profile (Swedish protokoll and English minutes) numbers `§ N`.
  const paragraphStyle = formal;
  const body = opts.body?.trim() || undefined;

  const fm: string[] = [
    '---',
    `${w.typ}: ${w.profileValue}`,
    field(w.organ, body),
    `${w.datum}: ${opts.date}`,
    field(w.tid),
    field(w.plats),
    `${w.lang}: ${opts.language}`,
    field(w.chair),
    field(w.secretary),
    field(w.approvers),
  ];
  if (formal) {
    fm.push(`${w.approval}:`, `  ${field(w.approvalDate)}`, `  ${field(w.approvalPlace)}`);
    fm.push(`${w.firstItem}: 1`, field(w.seats));
  }
  fm.push(`${w.status}: ${w.draft}`, field(w.nextMeeting), '---');

  const heading = body ? `# ${w.title} – ${body} ${opts.date}` : `# ${w.title} ${opts.date}`;
  const out: string[] = [...fm, '', heading, ''];

  out.push(`## ${w.attendance}`, '');
  if (w.groups.length > 0) {
    for (const g of w.groups) out.push(`### ${g}`, '', '- ', '');
  } else {
    out.push('- ', '');
  }

  w.items.forEach((title, i) => {
    const n = i + 1;
    out.push(paragraphStyle ? `## § ${n} ${title}` : `## ${n}. ${title}`, '');
    const decision = w.decisions[i];
    if (decision) {
      out.push(`> [!${opts.language === 'sv' ? 'beslut' : 'decision'}]`, `> ${decision}`, '');
    }
  });

  out.push(`## ${w.justering}`, '', `- ${w.recorder} `);
  if (formal) out.push(`- ${w.chairLine} `);
  out.push(`- ${w.approverLine} `);
  if (w.paragraphsLine) {
    const last = w.items.length;
    out.push(`- ${w.paragraphsLine} § 1–${last}`);
  }

  if (w.anslag) {
    out.push('', '## Anslag', '');
    for (const label of w.anslag) out.push(`- ${label} `);
  }

  // Trailing spaces after labels would be noise in the file; keep the cursor-friendly
  // `- ` only for empty list items.
  return out.map((l) => (l === '- ' ? l : l.replace(/\s+$/, ''))).join('\n') + '\n';
}
