// Folder URIs, pending folder scans and the clock the extension's index feeder uses to
// follow file events in bursts without letting an older operation overwrite a later event.
import { strict as assert } from 'node:assert';
import { PathClock, PendingFolders, containing, folderKey, isSameOrUnder, isUnder, outermost, urisUnder } from '../../src/core/workspace/paths';
import { WorkspaceIndex } from '../../src/core/workspace/index';

const WS = 'file:///ws';

describe('workspace paths', () => {
  it('a file is under a folder by a prefix that ends at a slash', () => {
    assert.equal(isUnder(`${WS}/a/b.md`, `${WS}/a`), true);
    assert.equal(isUnder(`${WS}/a/b.md`, `${WS}/a/`), true);
    assert.equal(isUnder(`${WS}/a/x/y/b.md`, `${WS}/a`), true);
    assert.equal(isUnder(`${WS}/ab/c.md`, `${WS}/a`), false, 'a sibling with a longer name');
    assert.equal(isUnder(`${WS}/a`, `${WS}/a`), false, 'not under itself');
    assert.equal(isSameOrUnder(`${WS}/a`, `${WS}/a/`), true);
    assert.equal(isSameOrUnder(`${WS}/a.md`, `${WS}/a`), false);
    assert.equal(folderKey(`${WS}/a/`), `${WS}/a`);
  });

  it('lists the URIs under a folder, encoded names included', () => {
    const uris = [`${WS}/m%C3%B6ten/a.md`, `${WS}/m%C3%B6ten/2024/b.md`, `${WS}/m%C3%B6ten-arkiv/c.md`, `${WS}/d.md`];
    assert.deepEqual(urisUnder(uris, `${WS}/m%C3%B6ten`), uris.slice(0, 2));
    assert.deepEqual(urisUnder(uris, `${WS}/none`), []);
  });

  it('keeps the outermost of nested folders, each once', () => {
    assert.deepEqual(outermost([`${WS}/a/b`, `${WS}/a`, `${WS}/a/b/c`, `${WS}/ab`, `${WS}/a/`, `${WS}/x/y`]), [`${WS}/a`, `${WS}/ab`, `${WS}/x/y`]);
    assert.equal(containing([`${WS}/x`, `${WS}/a`], `${WS}/a/b/c.md`), `${WS}/a`);
    assert.equal(containing([`${WS}/x`], `${WS}/a/b/c.md`), undefined);
  });

  it('pending folders: a burst is one scan per tree, a deletion drops what was pending under it', () => {
    const pending = new PendingFolders();
    for (const f of ['a', 'a/b', 'a/b/c', 'd', 'd/e', 'f/g']) pending.add(`${WS}/${f}`);
    pending.dropUnder(`${WS}/d`);
    assert.equal(pending.covers(`${WS}/a/x/y.md`), true);
    assert.equal(pending.covers(`${WS}/d/e/y.md`), false, 'dropped with the deleted folder');
    assert.deepEqual(pending.take(), [`${WS}/a`, `${WS}/f/g`]);
    assert.equal(pending.size, 0);
    pending.add(`${WS}/a/b`);
    pending.dropUnder(`${WS}/a`);
    assert.deepEqual(pending.take(), []);
  });

  describe('clock', () => {
    it('a later event on the file or a folder above it makes an operation stale', async () => {
      const clock = new PathClock();
      await clock.run(async () => {
        const start = clock.now();
        assert.equal(clock.touchedSince(`${WS}/a/b.md`, start), false);
        clock.touch(`${WS}/a/other.md`);
        assert.equal(clock.touchedSince(`${WS}/a/b.md`, start), false, 'a sibling does not count');
        clock.touch(`${WS}/ab`);
        assert.equal(clock.touchedSince(`${WS}/a/b.md`, start), false, 'nor a folder with a longer name');
        clock.touch(`${WS}/a/`);
        assert.equal(clock.touchedSince(`${WS}/a/b.md`, start), true, 'the folder above it');
        assert.equal(clock.touchedSince(`${WS}/a/b.md`, clock.now()), false, 'an operation begun after the event');
      });
    });

    it('of two reads of a file, the later one counts', async () => {
      const clock = new PathClock();
      const uri = `${WS}/a.md`;
      await clock.run(async () => {
        const first = clock.touch(uri);
        const second = clock.touch(uri);
        assert.equal(clock.touchedSince(uri, first), true);
        assert.equal(clock.touchedSince(uri, second), false);
      });
    });

    it('keeps times only while an operation runs', async () => {
      const clock = new PathClock();
      const start = clock.now();
      clock.touch(`${WS}/a.md`);
      assert.equal(clock.touchedSince(`${WS}/a.md`, start), false, 'nothing was running: nothing to make stale');
      let inner = 0;
      const outer = clock.run(async () => {
        inner = clock.now();
        await Promise.resolve();
        clock.touch(`${WS}/a.md`);
        await clock.run(async () => undefined);
        assert.equal(clock.touchedSince(`${WS}/a.md`, inner), true, 'kept while the outer operation runs');
      });
      await outer;
      assert.equal(clock.touchedSince(`${WS}/a.md`, inner), false, 'dropped once none runs');
      await assert.rejects(clock.run(async () => Promise.reject(new Error('boom'))), /boom/);
      clock.touch(`${WS}/b.md`);
      assert.equal(clock.touchedSince(`${WS}/b.md`, 0), false, 'a failed operation ended too');
    });
  });

  it('the index removes what lies under a deleted folder, not a sibling, and keeps what it is told to', () => {
    const index = new WorkspaceIndex();
    for (const f of ['a/1.md', 'a/sub/2.md', 'a/3.md', 'ab/4.md', '5.md']) index.update(`${WS}/${f}`, `# ${f}\n`);
    const changes: (readonly string[])[] = [];
    index.onDidChange((c) => changes.push(c.uris));
    assert.equal(index.removeUnder(`${WS}/a/`, (uri) => uri.endsWith('/3.md')), 2);
    assert.deepEqual(index.uris().sort(), [`${WS}/5.md`, `${WS}/a/3.md`, `${WS}/ab/4.md`]);
    assert.equal(changes.length, 1, 'one change event for the folder');
    assert.equal(index.removeUnder(`${WS}/none`), 0);
    assert.equal(index.hasUnder(`${WS}/a`), true);
    assert.equal(index.hasUnder(`${WS}/a/sub`), false);
    assert.equal(index.hasUnder(`${WS}/5.md`), false, 'a file has nothing under it');
  });
});
