// Issue 16, item 15: what document text can do to a spreadsheet, a terminal or a tooltip.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { escapeMarkdown } from '../../../src/core/text';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const ESC = '\u001b';
const HOSTILE = `---\ntyp: protokoll\norgan: "=cmd|' /C calc'!A0"\ndatum: 2024-05-01\n---\n\n## § 1 @SUM(1+1) ${ESC}]8;;http://evil${ESC}\\\\klick${ESC}]8;;${ESC}\\\\\n\n> [!beslut]\n> =HYPERLINK("http://evil") ${ESC}[2J\u202egnp.exe\n> - [ ] -2+3 Boka [ansvarig:: +Bo Ek] [senast:: 2024-06-01]\n`;

function hostileFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'justera-out-'));
  const file = join(dir, 'm.md');
  writeFileSync(file, HOSTILE);
  return file;
}

/** CSV fields of a line (quoted fields unquoted), enough for these lines. */
function fields(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
}

describe('hardening: output of document text', () => {
  it('neutralises CSV cells a spreadsheet would run as formulas', async () => {
    const file = hostileFile();
    for (const command of ['actions', 'decisions']) {
      const { code, out } = await run(command, '--format', 'csv', file);
      assert.equal(code, 0);
      const rows = out.trim().split('\r\n').slice(1).map(fields);
      assert.ok(rows.length > 0);
      for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${command}: ${cell}`);
      assert.ok(rows.some((r) => r.includes(`'=cmd|' /C calc'!A0`)), out);
    }
  });

  it('strips control characters from text output', async () => {
    const file = hostileFile();
    for (const command of ['lint', 'tree', 'actions', 'decisions']) {
      const { out } = await run(command, file);
      assert.ok(out.length > 0, command);
      assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, command);
    }
  });

  it('escapes document text for Markdown tooltips', () => {
    const md = escapeMarkdown('[x](command:workbench.action.quit) <img src=x onerror=alert(1)> **b** `c` ![i](http://e/i.png)');
    // Every punctuation character is escaped: no link, image, HTML or emphasis is left.
    assert.doesNotMatch(md, /(^|[^\\])[[\]()<>*`!]/);
    assert.equal(md.replace(/\\(.)/g, '$1'), '[x](command:workbench.action.quit) <img src=x onerror=alert(1)> **b** `c` ![i](http://e/i.png)');
  });
});
