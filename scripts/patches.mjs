// Changes to dependencies' code made when it is bundled, never in node_modules. Each
// edit must find its text exactly once: when a dependency's new version no longer has
// it, the build stops and says which patch to look at again. Each patch makes a parser
// faster and changes nothing it returns (test/unit/build-patches.test.ts).
import fs from 'node:fs';

/**
 * mdast-util-from-markdown 2.x calls each event's handler with a fresh copy of its
 * compile context (`{...context, sliceSerialize}`): one object of nine fields per
 * event, which was a fifth of parsing the archive's minutes. No handler keeps `this`
 * or writes to it, so one context, its `sliceSerialize` set per event, does the same.
 */
const mdastContext = {
  file: /[\\/]node_modules[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
  edits: [
    {
      find: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
      replace: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
    },
  ],
};

/**
 * micromark-util-subtokenize 2.x keeps the jumps over spliced-in events in a plain
 * object keyed by event index, probed with `in` for every event and merged with
 * `Object.assign` for every paragraph: dictionary-mode objects, a seventh of micromark's
 * time. A Map, written to directly, holds the same jumps.
 */
const subtokenizeJumps = {
  file: /[\\/]node_modules[\\/]micromark-util-subtokenize[\\/]index\.js$/,
  edits: [
    { find: '  const jumps = {};\n', replace: '  const jumps = new Map();\n' },
    { find: 'while (index in jumps) {\n      index = jumps[index];', replace: 'while (jumps.has(index)) {\n      index = jumps.get(index);' },
    { find: 'Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];', replace: 'subcontent(events, index, jumps);\n        index = jumps.get(index);' },
    { find: 'function subcontent(events, eventIndex) {', replace: 'function subcontent(events, eventIndex, gaps) {' },
    { find: '  const gaps = {};\n', replace: '' },
    { find: 'gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];', replace: 'gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);' },
  ],
};

/**
 * micromark-util-chunked 2.x's `splice` copies the items, then shifts the copy to put
 * `start` and `remove` in front, then spreads it: three passes over every event list
 * micromark splices. Spreading the items after the two arguments does the same in one.
 */
const chunkedSplice = {
  file: /[\\/]node_modules[\\/]micromark-util-chunked[\\/]index\.js$/,
  edits: [
    {
      find: `    parameters = Array.from(items);
    parameters.unshift(start, remove);
    // @ts-expect-error Hush, it’s fine.
    list.splice(...parameters);`,
      replace: `    list.splice(start, remove, ...items);`,
    },
  ],
};

export const patches = [mdastContext, subtokenizeJumps, chunkedSplice];

/** `source` of the file at `path` with the patches for it applied (unchanged if none is). */
export function applyPatches(path, source) {
  let out = source;
  for (const p of patches) {
    if (!p.file.test(path)) continue;
    for (const { find, replace } of p.edits) {
      const at = out.indexOf(find);
      if (at < 0 || out.indexOf(find, at + 1) >= 0) {
        throw new Error(
          `scripts/patches.mjs: a patch for ${path} no longer applies (${JSON.stringify(find.slice(0, 40))}… is ${at < 0 ? 'gone' : 'there twice'}); check it against the new version`,
        );
      }
      out = out.slice(0, at) + replace + out.slice(at + find.length);
    }
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
