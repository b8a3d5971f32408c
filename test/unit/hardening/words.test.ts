// Issue 16, item 10: the year of a date written without one, and fixes that keep the
// user's words (MIN032 keeps the label's word in the callout).
import { strict as assert } from 'node:assert';
import { fixText } from '../../../src/core/lint/engine';
import { parseMinutes } from '../../../src/core/parser';

function fixed(date: string, field: string, value: string, today: string): string {
  const text = `---\ntyp: minnesanteckningar\norgan: Styrelsen\ndatum: ${date}\n---\n\n## 1. Start\n\n- [x] Boka lokal [ansvarig:: Bo Ek] [${field}:: ${value}]\n`;
  const out = fixText(text, (t) => parseMinutes(t), { today }).text;
  return new RegExp(`\\[${field}:: ([^\\]]*)\\]`).exec(out)![1]!;
}

describe('hardening: dates without a year (item 10)', () => {
  it('puts a completion date in the meeting\'s year, never in the future', () => {
    assert.equal(fixed('2024-05-10', 'klar', '3 maj', '2024-05-12'), '2024-05-03');
    assert.equal(fixed('2024-05-10', 'klar', '20 maj', '2024-05-21'), '2024-05-20');
    assert.equal(fixed('2024-01-10', 'klar', '20 december', '2024-01-12'), '2023-12-20');
  });

  it('puts a due date in the meeting\'s year unless it passed months before', () => {
    assert.equal(fixed('2024-05-10', 'senast', '3 maj', '2024-05-12'), '2024-05-03');
    assert.equal(fixed('2024-05-10', 'senast', '8 september', '2024-05-12'), '2024-09-08');
    assert.equal(fixed('2024-12-10', 'senast', '15 januari', '2024-12-12'), '2025-01-15');
  });
});

describe('hardening: fixes keep the user\'s words (item 10)', () => {
  it('MIN032 keeps the label\'s own word in the callout', () => {
    const text = '---\ntyp: protokoll\norgan: Styrelsen\ndatum: 2024-05-01\n---\n\n## § 1 Start\n\n**Decision:** The hall is booked.\n';
    const out = fixText(text, (t) => parseMinutes(t), { today: '2024-05-02' }).text;
    assert.match(out, /> \[!decision\]\n> The hall is booked\./);
  });
});
