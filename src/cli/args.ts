// The options each command takes: main.ts parses with them, and the launcher reads a run's
// files and --jobs with them before the commands are loaded.

export type OptionTable = Record<string, { type: 'boolean' | 'string' }>;

/** Options every file command takes. */
export const COMMON_OPTIONS: OptionTable = { format: { type: 'string' }, 'max-size': { type: 'string' }, jobs: { type: 'string' } };

/** Each file command's own options, besides the common ones. */
export const COMMAND_OPTIONS = {
  lint: { fix: { type: 'boolean' } },
  tree: {},
  actions: { open: { type: 'boolean' }, owner: { type: 'string' }, today: { type: 'string' } },
  decisions: {},
  sign: { date: { type: 'string' } },
} satisfies Record<string, OptionTable>;
