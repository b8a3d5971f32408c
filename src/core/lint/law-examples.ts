// Pieces of a real protokoll's structure for the examples of the rules that read the
// Local Government Act (MIN016, MIN033–MIN039). Only example functions use them.

export const lawFrontMatter = (extra = 'ledamöter: 5\n') =>
  `---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n${extra}---\n\n`;

/** Five members, one absent and replaced by a serving substitute, a substitute who does not serve. */
export const LAW_ATTENDANCE = `## Närvarande

### Beslutande

- Karin Lindqvist (S) [roll:: ordförande]
- Per Holmberg (M)
- Amir Haddad (M) [roll:: justerare]
- Lena Sjöberg (S)

### Tjänstgörande ersättare

- Johan Ek (C) [ersätter:: Birgitta Nordin (C)]

### Övriga närvarande

- Sofia Karlsson, nämndsekreterare [roll:: sekreterare]
- Maria Berg (C), ersättare

### Frånvarande

- Birgitta Nordin (C)

`;

export const lawDoc = (items: string, extra?: string) => `${lawFrontMatter(extra)}${LAW_ATTENDANCE}${items}`;

export const EN_FRONT = `---\ntype: minutes\nbody: Board of Lakeside Housing Co-op\ndate: 2024-03-12\nseats: 3\n---\n\n`;

export const EN_ATTENDANCE = `## Attendance

### Members

- Grace Okafor [role:: chair]
- Tom Becker
- Ana Silva [role:: approver]

### Also present

- Lee Chan [role:: secretary]

`;

export const enDoc = (items: string, front = EN_FRONT) => `${front}${EN_ATTENDANCE}${items}`;
