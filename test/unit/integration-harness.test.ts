/// <reference types="mocha" />
/// <reference types="node" />
// Unit checks of the integration harness's pure parts and its process cleanup
// (the harness itself runs VS Code: see test/integration/run.mjs).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// A computed specifier: the harness is plain .mjs, loaded at run time without type declarations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loadHarness = (): Promise<any> =>
  import(pathToFileURL(path.join(__dirname, '..', 'integration', 'harness.mjs')).href);

describe('integration harness', () => {
  describe('summarize', () => {
    const result = (passed: number, failed: number, done = true) => ({
      passed: Array.from({ length: passed }, (_, i) => ({ fullTitle: `p${i}` })),
      failed: Array.from({ length: failed }, (_, i) => ({ fullTitle: `f${i}` })),
      done,
    });

    it('is green only when tests ran and none failed', async () => {
      const { summarize } = await loadHarness();
      const s = summarize({ results: result(3, 0), exitCode: 0 });
      assert.equal(s.ok, true);
      assert.equal(s.line, '3 passed, 0 failed');
    });

    it('counts failed tests', async () => {
      const { summarize } = await loadHarness();
      const s = summarize({ results: result(2, 1), exitCode: 1 });
      assert.equal(s.ok, false);
      assert.equal(s.line, '2 passed, 1 failed');
    });

    it('fails when no test ran', async () => {
      const { summarize } = await loadHarness();
      const s = summarize({ results: result(0, 0), exitCode: 0 });
      assert.equal(s.ok, false);
      assert.equal(s.line, '0 passed, 1 failed');
      assert.match(s.errors.join(), /no test ran/);
    });

    it('fails on a timeout even if the tests so far passed', async () => {
      const { summarize } = await loadHarness();
      const s = summarize({ results: result(2, 0, false), exitCode: null, errors: ['timed out after 300 s'] });
      assert.equal(s.ok, false);
      assert.equal(s.line, '2 passed, 1 failed');
    });

    it('fails when the suite exits non-zero outside any test', async () => {
      const { summarize } = await loadHarness();
      const s = summarize({ results: result(1, 0), exitCode: 1 });
      assert.equal(s.ok, false);
      assert.match(s.errors.join(), /exited with code 1/);
    });

    it('fails when there are no results at all', async () => {
      const { summarize } = await loadHarness();
      assert.equal(summarize({ results: undefined, exitCode: null, errors: ['boom'] }).line, '0 passed, 1 failed');
    });
  });

  it('builds the workbench URL with vscode-remote test locations', async () => {
    const { workbenchUrl } = await loadHarness();
    const url = new URL(
      workbenchUrl(
        { url: 'http://127.0.0.1:4321', port: 4321 },
        { folder: '/tmp/ws', extensionDevelopmentPath: '/repo', extensionTestsPath: '/repo/out/integration/suite/index.js' },
      ),
    );
    assert.equal(url.searchParams.get('folder'), '/tmp/ws');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload')!), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4321/repo'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:4321/repo/out/integration/suite/index.js'],
      ['skipWelcome', 'true'],
    ]);
  });

  it('stopAll kills every process that carries its temp dir and removes the dir', async function () {
    if (process.platform !== 'linux') this.skip();
    const { makeTempDir, stopAll } = await loadHarness();
    const tmp: string = makeTempDir('justera-unit-');
    // Like a code-server helper that escaped its process group: only the marker ties it to us.
    const child = spawn('sleep', ['60'], { env: { ...process.env, JUSTERA_HARNESS_TMP: tmp }, stdio: 'ignore', detached: true });
    const gone = new Promise((resolve) => child.once('exit', resolve));
    await stopAll();
    await gone;
    assert.equal(child.exitCode ?? child.signalCode, 'SIGKILL');
    assert.equal(fs.existsSync(tmp), false);
  });
});
