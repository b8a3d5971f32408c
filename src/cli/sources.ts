/**
 * Whether the CLI runs from its TypeScript sources (the tests, through tsx) rather than
 * from its bundles in dist/, which load each other by file name (`cli-worker.js`, …).
 */
export const fromSources = __filename.endsWith('.ts');
