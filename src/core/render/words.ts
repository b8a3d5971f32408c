// The words a rendered protokoll adds around what the secretary wrote, in both languages.
import type { ActionStatus, AttendanceGroup, CalloutKind, Language, Profile, SignerRole } from '../model';

interface Words {
  readonly profile: Readonly<Record<Profile, string>>;
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly body: string;
  readonly groups: Readonly<Record<AttendanceGroup, string>>;
  readonly approvers: string;
  readonly approvalPlaceTime: string;
  readonly items: string;
  readonly dnr: string;
  readonly callouts: Readonly<Record<CalloutKind, string>>;
  readonly vote: { readonly caption: string; readonly yes: string; readonly no: string; readonly abstain: string; readonly choice: string; readonly count: string };
  readonly status: Readonly<Record<ActionStatus, string>>;
  readonly fields: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly signatures: string;
  readonly signers: Readonly<Record<SignerRole, string>>;
  readonly signed: string;
  readonly approvedItems: string;
  readonly notice: {
    readonly heading: string;
    readonly text: string;
    readonly meetingDate: string;
    readonly posted: string;
    readonly removed: string;
    readonly storage: string;
    readonly signature: string;
  };
  readonly extract: string;
  readonly certification: string;
  readonly replaces: string;
  readonly page: string;
  readonly of: string;
}

export const WORDS: Readonly<Record<Language, Words>> = {
  sv: {
    profile: { protokoll: 'Protokoll', notes: 'Minnesanteckningar' },
    date: 'Datum',
    time: 'Tid',
    place: 'Plats',
    body: 'Organ',
    groups: {
      members: 'Beslutande',
      substitutes: 'Ersättare',
      'also-present': 'Övriga närvarande',
      absent: 'Frånvarande',
      unspecified: 'Närvarande',
    },
    approvers: 'Utses att justera',
    approvalPlaceTime: 'Justeringens plats och tid',
    items: 'Paragrafer',
    dnr: 'Dnr',
    callouts: {
      decision: 'Beslut',
      summary: 'Sammanfattning',
      motion: 'Yrkande',
      vote: 'Omröstning',
      dissent: 'Reservation',
      statement: 'Protokollsanteckning',
      conflict: 'Jäv',
      correction: 'Rättelse',
    },
    vote: { caption: 'Omröstningsresultat', yes: 'Ja', no: 'Nej', abstain: 'Avstår', choice: 'Röst', count: 'Antal' },
    status: { open: 'Öppet', 'in-progress': 'Pågår', done: 'Klart', cancelled: 'Struket' },
    fields: {
      owner: 'Ansvarig',
      due: 'Senast',
      done: 'Klart',
      from: 'Från',
      presence: 'Närvaro',
      replaces: 'Ersätter',
      role: 'Roll',
      signed: 'Signerat',
      'immediate-approval': 'Omedelbart justerad',
      dnr: 'Dnr',
    },
    yes: 'ja',
    signatures: 'Underskrifter',
    signers: { recorder: 'Sekreterare', chair: 'Ordförande', approver: 'Justerare' },
    signed: 'Signerat',
    approvedItems: 'Justerade paragrafer',
    notice: {
      heading: 'Anslag/Bevis',
      text: 'Protokollet är justerat. Justeringen har tillkännagivits genom anslag.',
      meetingDate: 'Sammanträdesdatum',
      posted: 'Datum då anslaget sätts upp',
      removed: 'Datum då anslaget tas ned',
      storage: 'Förvaringsplats för protokollet',
      signature: 'Underskrift',
    },
    extract: 'Utdrag ur protokoll',
    certification: 'Utdragsbestyrkande',
    replaces: 'ersätter',
    page: 'Sida',
    of: 'av',
  },
  en: {
    profile: { protokoll: 'Minutes', notes: 'Notes' },
    date: 'Date',
    time: 'Time',
    place: 'Place',
    body: 'Body',
    groups: {
      members: 'Members',
      substitutes: 'Substitutes',
      'also-present': 'Also present',
      absent: 'Absent',
      unspecified: 'Present',
    },
    approvers: 'Appointed to approve the minutes',
    approvalPlaceTime: 'Place and time of approval',
    items: 'Items',
    dnr: 'Ref.',
    callouts: {
      decision: 'Decision',
      summary: 'Summary',
      motion: 'Motion',
      vote: 'Vote',
      dissent: 'Dissent',
      statement: 'Statement',
      conflict: 'Conflict of interest',
      correction: 'Correction',
    },
    vote: { caption: 'Result of the vote', yes: 'Yes', no: 'No', abstain: 'Abstained', choice: 'Vote', count: 'Number' },
    status: { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' },
    fields: {
      owner: 'Owner',
      due: 'Due',
      done: 'Done',
      from: 'Carried over from',
      presence: 'Present',
      replaces: 'Replaces',
      role: 'Role',
      signed: 'Signed',
      'immediate-approval': 'Approved immediately',
      dnr: 'Ref.',
    },
    yes: 'yes',
    signatures: 'Signatures',
    signers: { recorder: 'Secretary', chair: 'Chair', approver: 'Approver' },
    signed: 'Signed',
    approvedItems: 'Approved items',
    notice: {
      heading: 'Certificate of posting',
      text: 'The minutes have been approved and their approval has been posted.',
      meetingDate: 'Meeting date',
      posted: 'Notice posted',
      removed: 'Notice removed',
      storage: 'Minutes kept at',
      signature: 'Signature',
    },
    extract: 'Extract from the minutes',
    certification: 'Extract certified by',
    replaces: 'replaces',
    page: 'Page',
    of: 'of',
  },
};

/** A readable label for a key or callout word Justera does not know: `nytt-fält` → `Nytt fält`. */
export function readableKey(key: string): string {
  const words = key.trim().replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
