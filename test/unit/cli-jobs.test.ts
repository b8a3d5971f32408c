// `--jobs`: lint, actions and decisions give the same output, in the same order, on any
// number of threads; a file that cannot be read stops the run the same way; the progress
// line shows only on a terminal.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { threadsFor } from '../../src/cli/threads';
import { Progress, progressText } from '../../src/cli/progress';
import { generateArchive, writeArchive } from '../../bench/archive';

async function run(argv: string[], errIsTerminal = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), errIsTerminal });
  return { code, out, err };
}

describe('CLI on worker threads (--jobs)', function () {
  // Workers load the sources through tsx here (the bundle in real use).
  this.timeout(120_000);
  let dir: string;

  before(() => {
    // 3 bodies × 2 years × 5 meetings, drafts: MIN022, MIN042 and MIN045 all have work.
    dir = writeArchive(generateArchive(3, 2, 5, true));
    writeFileSync(join(dir, 'README.md'), '# Not minutes\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('starts threads only where there are files enough for them', () => {
    assert.equal(threadsFor(3, 4), 1);
    assert.equal(threadsFor(30, 1), 1);
    assert.equal(threadsFor(30, 2), 2);
    assert.equal(threadsFor(30, 16), 4);
  });

  for (const argv of [
    ['lint'],
    ['lint', '--format', 'json'],
    ['decisions', '--format', 'json'],
    ['actions', '--open', '--today', '2030-01-01'],
  ]) {
    it(`justera ${argv.join(' ')}: the same on 1 and 3 threads`, async () => {
      const one = await run([...argv, '--jobs', '1', dir]);
      const three = await run([...argv, '--jobs', '3', dir]);
      assert.deepEqual(three, one);
      assert.ok(one.out.length > 0);
    });
  }

  it('lint answers the workspace questions on the main thread: every workspace rule reports', async () => {
    const { out } = await run(['lint', '--jobs', '2', '--format', 'json', dir]);
    const codes = new Set((JSON.parse(out) as { code: string }[]).map((f) => f.code));
    for (const code of ['MIN042', 'MIN045']) assert.ok(codes.has(code), code);
  });

  it('stops with exit 2 at a file that cannot be read, as one thread does', async () => {
    const bad = join(dir, 'kommunstyrelsen', 'zz-large.md');
    writeFileSync(bad, `---\ntyp: protokoll\n---\n\n${'x'.repeat(1_100_000)}\n`);
    try {
      const one = await run(['lint', '--jobs', '1', '--max-size', '1', dir]);
      const two = await run(['lint', '--jobs', '2', '--max-size', '1', dir]);
      assert.equal(two.code, 2);
      assert.match(two.err, /zz-large\.md: cannot read: .*larger than --max-size/);
      assert.equal(two.out, '');
      assert.deepEqual(two, one);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('refuses a --jobs that is not a whole number of threads', async () => {
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const { code, err } = await run(['lint', `--jobs=${jobs}`, dir]);
      assert.equal(code, 2, jobs);
      assert.match(err, /--jobs must be a whole number/);
    }
  });

  it('draws a progress line on a terminal only, and clears it before the summary', async () => {
    const quiet = await run(['decisions', '--jobs', '1', dir]);
    assert.doesNotMatch(quiet.err, /\r|files\/s/);
    // Fewer files than a progress line is worth: nothing either.
    const few = await run(['decisions', '--jobs', '1', join(dir, 'kommunstyrelsen')], true);
    assert.doesNotMatch(few.err, /\r/);
  });
});

describe('progress line', () => {
  it('tells files done, the rate and the time left', () => {
    assert.equal(progressText(0, 2000, 0), 'justera: 0/2000 files');
    assert.equal(progressText(500, 2000, 5), 'justera: 500/2000 files · 100 files/s · 15 s left');
    assert.equal(progressText(10, 2000, 4), 'justera: 10/2000 files · 2.5 files/s · 13 min 16 s left');
    assert.equal(progressText(2000, 2000, 20), 'justera: 2000/2000 files · 100 files/s');
  });

  it('redraws in place at most every 200 ms on a terminal, always at the end, and clears itself', () => {
    let written = '';
    let now = 0;
    const p = new Progress(100, { out: () => undefined, err: (s) => (written += s), errIsTerminal: true }, () => now);
    for (let i = 0; i < 99; i++) {
      now += 10;
      p.tick();
    }
    const draws = written.split('\r\x1b[K').filter(Boolean);
    assert.equal(draws.length, 4, written);
    p.tick();
    assert.match(written, /justera: 100\/100 files · \d+ files\/s$/);
    p.end();
    assert.ok(written.endsWith('\r\x1b[K'));
  });

  it('writes nothing when stderr is not a terminal', () => {
    let written = '';
    const p = new Progress(1000, { out: () => undefined, err: (s) => (written += s) }, () => 0);
    for (let i = 0; i < 1000; i++) p.tick();
    p.end();
    assert.equal(written, '');
  });
});
