// The project seam (core/project.ts): one answer for the editor, its index and the CLI.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { lintCommand } from '../../src/cli/lint';
import { DEFAULT_MAX_SIZE, nodeProject } from '../../src/cli/io';
import { DocumentAnalyzer } from '../../src/core/analysis';
import { Project, relativeTo, type ProjectFileSystem } from '../../src/core/project';
import { LineIndex } from '../../src/core/text';
import { WorkspaceIndex } from '../../src/core/workspace/index';

/** An in-memory workspace, as the Markdown language service's tests use. */
function memoryFs(files: Record<string, string>, dirs: readonly string[] = []): ProjectFileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(path) {
      reads.push(path);
      if (dirs.includes(path)) throw new Error('is a directory');
      return files[path];
    },
    async exists(path) {
      return path in files || dirs.includes(path);
    },
  };
}

const PLAIN = '---\norgan: Gruppen\ndatum: 2024-05-02\n---\n\n## Närvarande\n\n- Per Ek\n\n## 1. Ett\n\n- [ ] Boka lokal [ansvarig:: Per Ek]\n';

describe('project: files and rules', () => {
  it('matches a project file\'s globs relative to its folder, the settings\' relative to the workspace folder', async () => {
    const project = new Project(memoryFs({ '/ws/.justera.json': '{"files": ["notes/*.md"]}' }));
    const config = await project.configFor('/ws/notes/plain.md', { root: '/ws' });
    assert.equal(config.configFile, '/ws/.justera.json');
    assert.equal(project.isMinutesPath('/ws/notes/plain.md', config), true);
    assert.equal(project.isMinutesPath('/ws/notes/deep/x.md', await project.configFor('/ws/notes/deep/x.md')), false);
    // A project file that names `files` replaces the default, in every host.
    assert.equal(project.isMinutesPath('/ws/a.minutes.md', await project.configFor('/ws/a.minutes.md')), false);
    const bare = new Project(memoryFs({}));
    const settings = { root: '/ws', files: ['meetings/*.md'] };
    assert.equal(bare.isMinutesPath('/ws/meetings/m.md', await bare.configFor('/ws/meetings/m.md', settings)), true);
    assert.equal(bare.isMinutesPath('/elsewhere/meetings/m.md', await bare.configFor('/elsewhere/meetings/m.md', settings)), false);
    // The one default, wherever the file is; an untitled document matches nothing.
    assert.equal(bare.isMinutesPath('/x/y.minutes.md', await bare.configFor('/x/y.minutes.md')), true);
    assert.equal(bare.isMinutesPath(undefined, await bare.configFor('/x/y.minutes.md')), false);
    assert.equal(relativeTo('C:\\ws', 'C:\\ws\\notes\\a.md'), 'notes/a.md');
  });

  it('lets the project file win over the settings for the rules it names, and keeps the language setting', async () => {
    const project = new Project(memoryFs({ '/ws/.justera.json': '{"rules": {"MIN041": "error"}}' }), { today: () => '2024-06-01' });
    const config = await project.configFor('/ws/m.md', { rules: { MIN041: 'off', MIN040: 'info' }, language: 'en' });
    assert.deepEqual([...config.rules.settings], [['MIN041', 'error'], ['MIN040', 'info']]);
    assert.equal(config.language, 'en');
    assert.deepEqual(project.parseOptions('/ws/m.md', config), { assumeMinutes: false, language: 'en' });
    assert.equal(project.lintOptions(config).today, '2024-06-01');
  });

  it('loads each folder\'s configuration once', async () => {
    const fs = memoryFs({ '/ws/.justera.json': '{}' });
    const project = new Project(fs);
    await Promise.all([project.configFor('/ws/a/1.md'), project.configFor('/ws/a/2.md'), project.configFor('/ws/a/3.md')]);
    assert.equal(fs.reads.filter((p) => p === '/ws/.justera.json').length, 1);
    assert.ok(project.loadedProjectConfig('/ws/a'));
  });
});

describe('project: where the configuration search stops', () => {
  it('stops at the repository root (a folder holding .git)', async () => {
    const fs = memoryFs({ '/tmp/.justera.json': '{"rules": {"MIN040": "off"}}', '/tmp/repo/.git': '' });
    const config = await new Project(fs).configFor('/tmp/repo/notes/m.md');
    assert.equal(config.configFile, undefined);
    assert.ok(!fs.reads.includes('/tmp/.justera.json'));
    // Without the .git the planted file would govern it.
    assert.equal((await new Project(memoryFs({ '/tmp/.justera.json': '{}' })).configFor('/tmp/repo/notes/m.md')).configFile, '/tmp/.justera.json');
  });

  it('stops at the user\'s home, after looking in it', async () => {
    const files = { '/.justera.json': '{}', '/home/ann/.justera.json': '{"rules": {}}' };
    assert.equal((await new Project(memoryFs(files), { home: '/home/ann' }).configFor('/home/ann/m/x.md')).configFile, '/home/ann/.justera.json');
    const fs = memoryFs({ '/.justera.json': '{}' });
    assert.equal((await new Project(fs, { home: '/home/ann/' }).configFor('/home/ann/m/x.md')).configFile, undefined);
    assert.ok(!fs.reads.includes('/home/.justera.json'));
  });
});

describe('project: a broken configuration is an error, not an absence', () => {
  it('reports a directory named .justera.json', async () => {
    const config = await new Project(memoryFs({ '/.justera.json': '{}' }, ['/ws/.justera.json'])).configFor('/ws/m.md');
    assert.deepEqual(config.errors, ['/ws/.justera.json: cannot read: is a directory']);
  });

  it('reports a broken package.json that has a justera key, and ignores one without', async () => {
    const broken = await new Project(memoryFs({ '/ws/package.json': '{"justera": {"rules": {}},}' })).configFor('/ws/m.md');
    assert.match(broken.errors[0]!, /^\/ws\/package\.json: invalid JSON/);
    const other = await new Project(memoryFs({ '/ws/package.json': '{"name": "x",}', '/.justera.json': '{}' })).configFor('/ws/m.md');
    assert.deepEqual(other.errors, []);
    assert.equal(other.configFile, '/.justera.json');
  });
});

describe('project: the hosts agree', () => {
  // One workspace, on disk for the CLI and in memory for the editor's side of the seam.
  const dir = mkdtempSync(join(tmpdir(), 'justera-hosts-'));
  const files: Record<string, string> = {
    [join(dir, '.git')]: '',
    [join(dir, '.justera.json')]: JSON.stringify({ files: ['notes/*.md'], rules: { MIN041: 'error', 'action-owner': 'off' } }),
    [join(dir, 'notes', 'plain.md')]: PLAIN,
    [join(dir, 'notes', 'deep', 'other.md')]: PLAIN,
    [join(dir, 'a.minutes.md')]: PLAIN,
  };
  mkdirSync(join(dir, 'notes', 'deep'), { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
  const markdown = Object.keys(files).filter((p) => p.endsWith('.md'));

  it('gives the same minutes and the same findings in the editor, the workspace index and justera lint', async () => {
    // The CLI.
    let out = '';
    const code = await main(['lint', '--format', 'json', dir], { out: (s) => (out += s), err: () => undefined });
    assert.equal(code, 1, 'MIN041 is an error by the project file');
    const cli = (JSON.parse(out) as { file: string; line: number; code: string; severity: string }[]).map((f) => `${f.file}:${f.line} ${f.code} ${f.severity}`);

    // The editor: what DocumentModel and the workspace indexer ask the seam, with the default settings.
    const project = new Project(memoryFs(files));
    const settings = { root: dir };
    const index = new WorkspaceIndex();
    for (const path of markdown) {
      const config = await project.configFor(path, settings);
      index.update(path, files[path]!, { assumeMinutes: project.isMinutesPath(path, config) });
    }
    const editor: string[] = [];
    for (const path of markdown) {
      const config = await project.configFor(path, settings);
      const { doc, findings } = new DocumentAnalyzer().analyze(files[path]!, {
        ...project.parseOptions(path, config),
        ...project.lintOptions(config, { workspace: index, uri: path }),
      });
      const lines = new LineIndex(doc.text);
      for (const f of findings) editor.push(`${path}:${lines.positionAt(f.span.start).line + 1} ${f.code} ${f.severity}`);
    }
    const minutes = index.entries().filter((e) => e.isMinutes).map((e) => e.uri);
    assert.deepEqual(minutes, [join(dir, 'notes', 'plain.md')]);
    assert.deepEqual(editor.sort(), cli.sort());
    assert.ok(cli.some((f) => f.endsWith('MIN041 error')), cli.join('\n'));
    assert.ok(!cli.some((f) => f.includes('MIN040')), 'action-owner is off');

    let decisions = '';
    await main(['actions', '--format', 'json', dir], { out: (s) => (decisions += s), err: () => undefined });
    assert.deepEqual([...new Set((JSON.parse(decisions) as { actions: { file: string }[] }).actions.map((a) => a.file))], minutes);
  });

  it('parses each file once in justera lint', async () => {
    const project = nodeProject();
    const code = await lintCommand({ format: 'json', files: [dir], flags: {}, maxSize: DEFAULT_MAX_SIZE, jobs: 1 }, { out: () => undefined, err: () => undefined }, project);
    assert.equal(code, 1);
    assert.equal(project.parses, markdown.length);
  });
});
