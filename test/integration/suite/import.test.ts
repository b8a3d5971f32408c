/// <reference types="mocha" />
/// <reference types="node" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import { log, waitFor, workspaceRoot } from './helpers';
import { closeActiveWithoutSaving } from './justeraEvents';

const SOURCE = 'Justera import';
const importNotes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

// Legacy minutes as they come out of a PDF: page footer, a `§ N` heading, `Beslut` on its own line.
const TXT = [
  'PROTOKOLL',
  'Kommunstyrelsens arbetsutskott',
  'Tid Tisdagen den 16 april 2024 kl 08.30-10.15',
  'Plats Kommunhuset',
  '',
  'Beslutande Karin Lindqvist (S), ordförande',
  ' Amir Haddad (M)',
  ' Sofia Karlsson, sekreterare',
  '',
  '§ 12 Budget 2025',
  'Kommunstyrelsen behandlar budgeten.',
  '',
  'Beslut',
  '',
  'Arbetsutskottet föreslår kommunstyrelsen att anta budgeten.',
  '',
  'Justerandes sign',
  '',
  '§ 13 Lokaler',
  'Amir Haddad får i uppdrag att ta fram ett förslag till den 30 april.',
  '',
  'Vid protokollet Justeras',
  '',
  'Sofia Karlsson Amir Haddad',
  '',
].join('\n');

interface ImportCommandResult {
  readonly documents: vscode.Uri[];
  readonly notes: number;
}

describe('import', function () {
  // The first import loads the readers' bundle (mammoth, pdfjs-dist): seconds on a busy machine.
  this.timeout(90_000);
  afterEach(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled) await closeActiveWithoutSaving();
  });

  it('imports a .txt into a new document with notes that go away when their line is edited', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'legacy-ksau.txt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(TXT));
    const result = await vscode.commands.executeCommand<ImportCommandResult>('justera.importMinutes', file);
    log('imported', JSON.stringify(result));
    assert.ok(result, 'the command returns what it imported');
    assert.equal(result.documents.length, 1);
    const uri = result.documents[0]!;
    assert.equal(uri.scheme, 'untitled');
    assert.match(uri.path, /2024-04-16-kommunstyrelsens-arbetsutskott\.md$/);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    assert.equal(editor.document.languageId, 'markdown');
    const text = editor.document.getText();
    assert.match(text, /^---\ntyp: protokoll\norgan: Kommunstyrelsens arbetsutskott\ndatum: 2024-04-16\n/);
    assert.match(text, /^## § 12 Budget 2025$/m);
    assert.match(text, /^> \[!beslut\]\n> Arbetsutskottet föreslår/m);
    assert.match(text, /^- \[ \] Amir Haddad får i uppdrag .*\n.*\[ansvarig:: Amir Haddad\] \[senast:: 2024-04-30\]/m);
    assert.doesNotMatch(text, /Justerandes sign/);

    log('text checked');
    const notes = await waitFor(() => (importNotes(uri).length > 0 ? importNotes(uri) : undefined), 10000, 'import notes');
    assert.equal(notes.length, result.notes);
    assert.ok(notes.every((d) => d.severity === vscode.DiagnosticSeverity.Information));
    const heading = notes.find((d) => editor.document.lineAt(d.range.start.line).text.startsWith('## § 12'));
    assert.ok(heading, 'the heading taken as an item has a note on its line');
    const below = notes.filter((d) => d.range.start.line > heading.range.start.line).length;
    assert.ok(below > 0);

    log('notes', notes.length);
    // Editing the line confirms the guess: its note goes away, the others stay on their lines.
    const line = heading.range.start.line;
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(line, editor.document.lineAt(line).text.length), ' (reviewed)')));
    await waitFor(() => !importNotes(uri).some((d) => d.range.start.line === line), 5000, 'the note of the edited line to go');
    assert.equal(importNotes(uri).length, notes.length - 1);
    log('edited note gone');
    // An inserted line moves the notes below it.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(line + 1, 0), '\n')));
    await waitFor(() => importNotes(uri).filter((d) => d.range.start.line > line + 1).length === below, 5000, 'the notes below to move');
    const moved = importNotes(uri).find((d) => editor.document.lineAt(d.range.start.line).text.startsWith('## § 13'));
    assert.ok(moved, 'the note of § 13 is still on its heading');
  });

  it('imports a .docx with numbered headings into items', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Minutes of the Board', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Date: 12 March 2024' }),
            new Paragraph({ text: 'Present: Ann Lee (Chair), Tom Reid, Eva Holm' }),
            new Paragraph({ text: '1. Budget', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Resolved: the budget is approved.' }),
            new Paragraph({ text: '2. Venue', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Action: Tom Reid to book a larger room by 5 April 2024.' }),
          ],
        },
      ],
    });
    const file = vscode.Uri.joinPath(workspaceRoot(), 'legacy-board.docx');
    await vscode.workspace.fs.writeFile(file, new Uint8Array(await Packer.toBuffer(doc)));
    const result = await vscode.commands.executeCommand<ImportCommandResult>('justera.importMinutes', file, [file]);
    assert.ok(result);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^type: minutes$/m);
    assert.match(text, /^date: 2024-03-12$/m);
    assert.match(text, /^chair: Ann Lee$/m);
    assert.match(text, /^body: Board$/m);
    assert.match(text, /^## § 1 Budget$/m);
    assert.match(text, /^> \[!decision\]\n> the budget is approved\.$/m);
    assert.match(text, /^- \[ \] Tom Reid to book a larger room by 5 April 2024\. \[owner:: Tom Reid\] \[due:: 2024-04-05\]$/m);
  });
});
