// Minimal glob matching for `justera.files` in the CLI (the editor uses VS Code's own):
// `**` any folders, `*` within a name, `?` one character, `{a,b}` alternatives.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** Compiled globs: a scan matches every file against the same few. */
const compiled = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) {
    // Globs come from settings and project files: a few. Bounded all the same.
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(glob, (re = globToRegExp(glob.replace(/^\.\//, ''))));
  }
  return re;
}

/** Whether a `/`-separated relative path matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => compile(g).test(p));
}
