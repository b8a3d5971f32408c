// Changes to dependencies' code made when it is bundled, never in node_modules. Each
// must find its text exactly once: when a dependency's new version no longer has it,
// the build stops and says which patch to look at again.
import fs from 'node:fs';

/**
 * mdast-util-from-markdown 2.x calls each event's handler with a fresh copy of its
 * compile context (`{...context, sliceSerialize}`): one object of nine fields per
 * event, which was a fifth of parsing the archive's minutes. No handler keeps `this`
 * or writes to it, so one context, its `sliceSerialize` set per event, does the same.
 */
const mdastContext = {
  file: /[\\/]node_modules[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
  find: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
  replace: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
};

export const patches = [mdastContext];

/** `source` of the file at `path` with the patches for it applied (unchanged if none is). */
export function applyPatches(path, source) {
  let out = source;
  for (const p of patches) {
    if (!p.file.test(path)) continue;
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) {
      throw new Error(`scripts/patches.mjs: the patch for ${path} no longer applies (its text is ${at < 0 ? 'gone' : 'there twice'}); check it against the new version`);
    }
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
  }
  return out;
}

/** The esbuild plugin that applies them. */
export const patchDependencies = {
  name: 'patch-dependencies',
  setup(build) {
    for (const p of patches) {
      build.onLoad({ filter: p.file }, (args) => ({ contents: applyPatches(args.path, fs.readFileSync(args.path, 'utf8')), loader: 'js' }));
    }
  },
};
