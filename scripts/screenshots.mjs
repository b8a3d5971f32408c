#!/usr/bin/env node
// `npm run screenshots`: README pictures of the extension in a real VS Code.
// Installs the packaged .vsix into code-server, opens examples/seed-2021-08-20.md,
// the Justera view container (if the extension contributes it) and the Problems panel,
// and writes PNGs to docs/images/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureToolchain } from '../test/integration/toolchain.mjs';
import {
  codeServerCli,
  freePort,
  installExitHandlers,
  launchBrowser,
  log,
  makeTempDir,
  makeWorkspace,
  packageVsix,
  repoRoot,
  startCodeServer,
  stopAll,
} from '../test/integration/harness.mjs';

const FILE = 'seed-2021-08-20.md';
const PROTOKOLL = 'ks-au-2024-04-16.md';
const CONTAINER_ID = 'justera';
const outDir = path.join(repoRoot, 'docs', 'images');

/** Title of the `justera` view container from package.json (resolving %nls% keys), if any. */
function containerTitle() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const all = Object.values(pkg.contributes?.viewsContainers ?? {}).flat();
  let title = all.find((c) => c?.id === CONTAINER_ID)?.title;
  const m = /^%(.+)%$/.exec(title ?? '');
  if (m) {
    const nls = path.join(repoRoot, 'package.nls.json');
    title = fs.existsSync(nls) ? JSON.parse(fs.readFileSync(nls, 'utf8'))[m[1]] : undefined;
  }
  return title;
}

/** Runs a command through the command palette (F1) by its label. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Polls until the text of `selectors` stops changing (diagnostics/tree rendering settled). */
async function waitStable(page, selectors, { quietMs = 1000, timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = null;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = await page.evaluate(
      (sels) => sels.map((s) => document.querySelector(s)?.textContent ?? '').join('\u0000'),
      selectors,
    );
    if (now !== last) (last = now), (since = Date.now());
    else if (Date.now() - since >= quietMs) return;
    await page.waitForTimeout(200); // polling interval, not a fixed wait for a result
  }
  log(`warning: ${selectors.join(', ')} still changing after ${timeoutMs / 1000} s`);
}

/** Drags the right or top edge of a workbench part to x (right) or y (top). */
async function dragEdge(page, selector, edge, to) {
  const box = await page.locator(selector).boundingBox();
  if (!box) return;
  const from = edge === 'right' ? { x: box.x + box.width + 1, y: box.y + box.height / 2 } : { x: box.x + box.width / 2, y: box.y - 1 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(edge === 'right' ? to : from.x, edge === 'right' ? from.y : to, { steps: 8 });
  await page.mouse.up();
}

installExitHandlers();
let code = 0;
try {
  const toolchain = await ensureToolchain();
  const vsix = packageVsix();
  const tmp = makeTempDir('justera-shots-');
  const extensionsDir = `${tmp}/ext`;
  codeServerCli(toolchain, tmp, ['--install-extension', vsix, '--force'], { extensionsDir });
  // A temp copy named "examples" so the explorer reads naturally and nothing in the repo changes.
  const workspace = makeWorkspace(tmp, path.join(repoRoot, 'examples'), 'examples');
  const server = await startCodeServer({ toolchain, tmp, port: await freePort(), extensionsDir });
  const { page } = await launchBrowser(tmp, { viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench .part.activitybar, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 60000 });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).waitFor({ timeout: 60000 });

  // Open the file with Quick Open (Ctrl+P).
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(FILE);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
  await input.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: FILE }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();

  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15000 });

  const title = containerTitle();
  if (title) {
    await runCommand(page, `View: Show ${title}`);
    await page.locator('.part.sidebar .composite.title', { hasText: new RegExp(title, 'i') }).waitFor({ timeout: 15000 });
  } else {
    log(`no view container "${CONTAINER_ID}" in package.json yet: showing the explorer instead`);
  }
  // A wider side bar (the tree's titles are long) and a shorter panel: drag the sashes.
  await dragEdge(page, '.part.sidebar', 'right', 460);
  await dragEdge(page, '.part.panel', 'top', 640);
  // Back to the editor so the cursor and focus look like a person's.
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 10 } });
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  await waitStable(page, ['.part.sidebar', '.markers-panel', '.editor-instance .view-lines']);

  fs.mkdirSync(outDir, { recursive: true });
  const shots = [
    ['workbench.png', page],
    ['editor.png', page.locator('.part.editor')],
    ['problems.png', page.locator('.part.panel')],
    ...(title ? [['justera-view.png', page.locator('.part.sidebar')]] : []),
  ];
  for (const [name, target] of shots) {
    await target.screenshot({ path: path.join(outDir, name) });
    log(`wrote ${path.relative(repoRoot, path.join(outDir, name))}`);
  }

  // The protokoll preview beside a formal protokoll, without side bar and panel.
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible' });
  await input.fill(PROTOKOLL);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: PROTOKOLL }).first().waitFor();
  await input.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: PROTOKOLL }).waitFor();
  await runCommand(page, 'View: Close Primary Side Bar').catch(() => {});
  await runCommand(page, 'View: Hide Panel').catch(() => {});
  await runCommand(page, 'Justera: Open Protokoll Preview to the Side');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await webview.locator('main.minutes h1').waitFor({ timeout: 30000 });
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  await page.locator('.part.editor').screenshot({ path: path.join(outDir, 'preview.png') });
  log(`wrote ${path.relative(repoRoot, path.join(outDir, 'preview.png'))}`);

  // A page of the exported PDF, as poppler draws it (pdftoppm, Debian's poppler-utils).
  const pdf = path.join(tmp, 'protokoll.pdf');
  execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'export', path.join(repoRoot, 'examples', PROTOKOLL), '--format', 'pdf', '--out', pdf]);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(outDir, 'export-pdf')]);
    log(`wrote ${path.relative(repoRoot, path.join(outDir, 'export-pdf.png'))}`);
  } catch (e) {
    log(`no picture of the PDF (pdftoppm from poppler-utils is needed): ${e.message}`);
  }
  // Import: the seed's original text, imported from the explorer's context menu, with the notes in Problems.
  const legacy = 'seed-original.txt';
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'import', legacy), path.join(workspace, legacy));
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: legacy });
  await runCommand(page, 'View: Show Explorer');
  await row.waitFor({ timeout: 30000 });
  await row.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Import Minutes…' }).click();
  await page.locator('.tabs-container .tab', { hasText: '2021-08-20-sodertornskommunernas-ledningsgrupp.md' }).waitFor({ timeout: 60000 });
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 10 } });
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
  await waitStable(page, ['.markers-panel', '.editor-instance .view-lines']);
  await page.screenshot({ path: path.join(outDir, 'import.png') });
  log(`wrote ${path.relative(repoRoot, path.join(outDir, 'import.png'))}`);
} catch (err) {
  console.error(err?.stack ?? err);
  code = 1;
} finally {
  await stopAll();
}
process.exit(code);
