// The dialect's vocabulary: every keyword in Swedish and English, normalised to one
// canonical (English) form. Keys match case-insensitively; Swedish letters are not folded.
import type { AttendanceGroup, CalloutKind, FrontMatterKey, Language, MinutesStatus, Profile, Role, SignerRole } from './model';

type Spelled<T extends string> = Readonly<Record<T, { readonly sv: string; readonly en: string }>>;

export const FRONT_MATTER_KEYS: Spelled<FrontMatterKey> = {
  type: { sv: 'typ', en: 'type' },
  body: { sv: 'organ', en: 'body' },
  date: { sv: 'datum', en: 'date' },
  time: { sv: 'tid', en: 'time' },
  place: { sv: 'plats', en: 'place' },
  lang: { sv: 'språk', en: 'lang' },
  chair: { sv: 'ordförande', en: 'chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  approvers: { sv: 'justerare', en: 'approvers' },
  approval: { sv: 'justering', en: 'approval' },
  'first-item': { sv: 'paragraf-start', en: 'first-item' },
  status: { sv: 'status', en: 'status' },
  'next-meeting': { sv: 'nästa-möte', en: 'next-meeting' },
  seats: { sv: 'ledamöter', en: 'seats' },
  'approval-hash': { sv: 'justerad-hash', en: 'approved-hash' },
};

/** Keys inside the `justering`/`approval` map. */
export const APPROVAL_KEYS: Spelled<'date' | 'place'> = {
  date: { sv: 'datum', en: 'date' },
  place: { sv: 'plats', en: 'place' },
};

/** Inline field keys `[key:: value]`. */
export type FieldKey =
  | 'role' | 'presence' | 'replaces' | 'dnr' | 'info' | 'owner' | 'due' | 'done' | 'from' | 'signed' | 'immediate-approval' | 'secret';

export const FIELD_KEYS: Spelled<FieldKey> = {
  role: { sv: 'roll', en: 'role' },
  presence: { sv: 'närvaro', en: 'presence' },
  replaces: { sv: 'ersätter', en: 'replaces' },
  dnr: { sv: 'dnr', en: 'dnr' },
  info: { sv: 'info', en: 'info' },
  owner: { sv: 'ansvarig', en: 'owner' },
  due: { sv: 'senast', en: 'due' },
  done: { sv: 'klar', en: 'done' },
  from: { sv: 'från', en: 'from' },
  signed: { sv: 'signerat', en: 'signed' },
  'immediate-approval': { sv: 'omedelbar-justering', en: 'immediate-approval' },
  secret: { sv: 'sluten', en: 'secret' },
};

export const PROFILE_WORDS: Readonly<Record<string, { profile: Profile; language: Language }>> = {
  protokoll: { profile: 'protokoll', language: 'sv' },
  minnesanteckningar: { profile: 'notes', language: 'sv' },
  minutes: { profile: 'protokoll', language: 'en' },
  notes: { profile: 'notes', language: 'en' },
};

export const PROFILE_SPELLING: Readonly<Record<Profile, { sv: string; en: string }>> = {
  protokoll: { sv: 'protokoll', en: 'minutes' },
  notes: { sv: 'minnesanteckningar', en: 'notes' },
};

export const STATUS_WORDS: Readonly<Record<string, MinutesStatus>> = {
  utkast: 'draft', draft: 'draft',
  'för-justering': 'for-approval', 'for-approval': 'for-approval',
  justerad: 'approved', approved: 'approved',
};

export const ROLE_WORDS: Readonly<Record<string, Role>> = {
  ordförande: 'chair', chair: 'chair',
  sekreterare: 'secretary', secretary: 'secretary',
  justerare: 'approver', approver: 'approver',
  ledamot: 'member', member: 'member',
};

export const ROLE_SPELLING: Spelled<Role> = {
  chair: { sv: 'ordförande', en: 'chair' },
  secretary: { sv: 'sekreterare', en: 'secretary' },
  approver: { sv: 'justerare', en: 'approver' },
  member: { sv: 'ledamot', en: 'member' },
};

export const CALLOUT_WORDS: Readonly<Record<string, CalloutKind>> = {
  beslut: 'decision', decision: 'decision',
  sammanfattning: 'summary', summary: 'summary',
  yrkande: 'motion', motion: 'motion',
  omröstning: 'vote', vote: 'vote',
  reservation: 'dissent', dissent: 'dissent',
  protokollsanteckning: 'statement', statement: 'statement',
  jäv: 'conflict', conflict: 'conflict',
  rättelse: 'correction', correction: 'correction',
};

export const CALLOUT_SPELLING: Spelled<CalloutKind> = {
  decision: { sv: 'beslut', en: 'decision' },
  summary: { sv: 'sammanfattning', en: 'summary' },
  motion: { sv: 'yrkande', en: 'motion' },
  vote: { sv: 'omröstning', en: 'vote' },
  dissent: { sv: 'reservation', en: 'dissent' },
  statement: { sv: 'protokollsanteckning', en: 'statement' },
  conflict: { sv: 'jäv', en: 'conflict' },
  correction: { sv: 'rättelse', en: 'correction' },
};

export const VOTE_WORDS: Readonly<Record<string, 'yes' | 'no' | 'abstain'>> = {
  ja: 'yes', yes: 'yes', nej: 'no', no: 'no', avstår: 'abstain', abstain: 'abstain', abstains: 'abstain', abstained: 'abstain',
};

export const ATTENDANCE_TITLES = ['närvarande', 'deltagare', 'present', 'attendance'];
export const JUSTERING_TITLES = ['justering', 'underskrifter', 'signatures', 'approval'];
export const NOTICE_TITLES = ['anslag', 'notice'];

export const ATTENDANCE_GROUPS: Readonly<Record<string, AttendanceGroup>> = {
  beslutande: 'members', members: 'members',
  'tjänstgörande ersättare': 'substitutes', substitutes: 'substitutes',
  'övriga närvarande': 'also-present', 'also present': 'also-present',
  frånvarande: 'absent', absent: 'absent',
};

export const ATTENDANCE_GROUP_SPELLING: Spelled<Exclude<AttendanceGroup, 'unspecified'>> = {
  members: { sv: 'Beslutande', en: 'Members' },
  substitutes: { sv: 'Tjänstgörande ersättare', en: 'Substitutes' },
  'also-present': { sv: 'Övriga närvarande', en: 'Also present' },
  absent: { sv: 'Frånvarande', en: 'Absent' },
};

export const SIGNER_LABELS: Readonly<Record<string, SignerRole>> = {
  // `Sekreterare` / `Justerande` are how many municipal protokoll label their signatures.
  'vid anteckningarna': 'recorder', 'vid protokollet': 'recorder', sekreterare: 'recorder', 'recorded by': 'recorder', secretary: 'recorder',
  ordförande: 'chair', chair: 'chair',
  justeras: 'approver', justerare: 'approver', justerande: 'approver', 'approved by': 'approver',
};

export const SIGNER_SPELLING: Spelled<SignerRole> = {
  recorder: { sv: 'Vid anteckningarna', en: 'Recorded by' },
  chair: { sv: 'Ordförande', en: 'Chair' },
  approver: { sv: 'Justeras', en: 'Approved by' },
};

/** Protokoll use `Vid protokollet` for the recorder. */
export const PROTOKOLL_RECORDER_LABEL = 'Vid protokollet';

export const APPROVED_ITEMS_LABELS = ['justerade paragrafer', 'approved items'];
/** The justering line for items approved at the meeting (omedelbar justering). */
export const IMMEDIATE_ITEMS_LABELS = ['omedelbart justerade paragrafer', 'immediately approved items'];

export const NOTICE_LABELS: Readonly<Record<string, 'posted' | 'removed' | 'storage' | 'immediatePosted'>> = {
  'anslaget sätts upp': 'posted', 'notice posted': 'posted',
  'anslaget tas ned': 'removed', 'notice removed': 'removed',
  förvaringsplats: 'storage', 'stored at': 'storage',
  'anslag omedelbar justering': 'immediatePosted', 'immediate approval posted': 'immediatePosted',
};

export const YES_WORDS = ['ja', 'yes', 'true', 'sant'];

export const SECTION_SPELLING = {
  attendance: { sv: 'Närvarande', en: 'Attendance' },
  justering: { sv: 'Justering', en: 'Signatures' },
  notice: { sv: 'Anslag', en: 'Notice' },
} as const;

/** Finds the canonical form of a word in a table, case-insensitively. */
export function lookup<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return table[word.trim().toLowerCase()];
}

const reverse = new WeakMap<object, Map<string, string>>();

/** Reverse lookup for spelled tables: `ansvarig` → `owner`. */
export function canonicalKey<K extends string>(table: Spelled<K>, word: string): K | undefined {
  let map = reverse.get(table);
  if (!map) {
    map = new Map();
    for (const [key, spelling] of Object.entries(table) as [K, { sv: string; en: string }][]) {
      map.set(spelling.sv, key);
      map.set(spelling.en, key);
    }
    reverse.set(table, map);
  }
  return map.get(word.trim().toLowerCase()) as K | undefined;
}
