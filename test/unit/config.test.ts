import { strict as assert } from 'node:assert';
import { parentDir, parseConfig, type LoadedConfig } from '../../src/core/config';
import { Project } from '../../src/core/project';

/** The upward search of the project seam, with a reader and no repository or home to stop at. */
function loadConfig(startDir: string, readFile: (path: string) => Promise<string | undefined>): Promise<LoadedConfig> {
  return new Project({ readFile, exists: async () => false }).projectConfig(startDir);
}

describe('parseConfig', () => {
  it('reads rules and files from .justera.json', () => {
    const r = parseConfig('{"rules": {"MIN041": "off", "item-sequence": "error"}, "files": ["**/*.md"]}', '/p/.justera.json');
    assert.deepEqual(r, { config: { rules: { MIN041: 'off', 'item-sequence': 'error' }, files: ['**/*.md'] }, errors: [] });
  });

  it('reports invalid JSON, unknown keys, rules and values, keeping what is valid', () => {
    assert.match(parseConfig('{', '/p/.justera.json')!.errors[0]!, /^\/p\/\.justera\.json: invalid JSON/);
    const r = parseConfig('{"rule": 1, "rules": {"MIN999": "off", "MIN041": "loud", "MIN040": "info"}, "files": 3}', 'x/.justera.json')!;
    assert.deepEqual(r.config, { rules: { MIN040: 'info' } });
    assert.equal(r.errors.length, 4);
    assert.ok(r.errors.every((e) => e.startsWith('x/.justera.json: ')));
  });

  it('reads the justera key of package.json and ignores a package.json without it', () => {
    assert.deepEqual(parseConfig('{"name": "a", "justera": {"rules": {"MIN041": "off"}}}', '/p/package.json')?.config, { rules: { MIN041: 'off' } });
    assert.equal(parseConfig('{"name": "a"}', '/p/package.json'), undefined);
    assert.equal(parseConfig('{', '/p/package.json'), undefined);
    // Broken, but visibly meant for us: reported.
    assert.match(parseConfig('{"justera": {', '/p/package.json')!.errors[0]!, /^\/p\/package\.json: invalid JSON/);
  });
});

describe('loadConfig', () => {
  it('walks upward to the nearest configuration', async () => {
    const files: Record<string, string> = {
      '/repo/package.json': '{"justera": {"rules": {"MIN040": "off"}}}',
      '/repo/sub/package.json': '{"name": "no-config"}',
      '/.justera.json': '{"rules": {"MIN041": "off"}}',
    };
    const read = async (p: string) => files[p];
    assert.deepEqual(await loadConfig('/repo/sub/deeper', read), { config: { rules: { MIN040: 'off' } }, errors: [], file: '/repo/package.json' });
    assert.equal((await loadConfig('/other', read)).file, '/.justera.json');
    assert.deepEqual(await loadConfig('/other', async () => undefined), { config: {}, errors: [] });
  });

  it('handles Windows paths, and reports a .justera.json it cannot read', async () => {
    assert.equal(parentDir('C:\\a\\b'), 'C:\\a');
    assert.equal(parentDir('C:\\a'), 'C:\\');
    assert.equal(parentDir('C:\\'), undefined);
    assert.equal(parentDir('/'), undefined);
    const seen: string[] = [];
    const r = await loadConfig('C:\\a', async (p) => {
      seen.push(p);
      throw new Error('EACCES');
    });
    assert.deepEqual(r, { config: {}, errors: ['C:\\a\\.justera.json: cannot read: EACCES'], file: 'C:\\a\\.justera.json' });
    assert.deepEqual(seen, ['C:\\a\\.justera.json', 'C:\\a\\package.json'], 'the walk stops at the first level');
    // An unreadable package.json may not be ours: the walk goes on.
    const r2 = await loadConfig('C:\\a', async (p) => {
      if (p.endsWith('package.json')) throw new Error('EACCES');
      return undefined;
    });
    assert.deepEqual(r2, { config: {}, errors: [] });
  });
});
