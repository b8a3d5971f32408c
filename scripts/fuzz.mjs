// `npm run fuzz`: the property tests of test/unit/lint-properties.test.ts with a long
// budget and a fresh seed (printed, so a failure can be replayed with JUSTERA_FUZZ_SEED).
import { spawnSync } from 'node:child_process';

const runs = process.env.JUSTERA_FUZZ_RUNS ?? '2000';
const seed = process.env.JUSTERA_FUZZ_SEED ?? String(Date.now() % 2_147_483_647);
console.log(`fuzz: ${runs} runs per example, seed ${seed} (replay: JUSTERA_FUZZ_SEED=${seed} npm run fuzz)`);
const result = spawnSync('npx', ['mocha', 'test/unit/lint-properties.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, JUSTERA_FUZZ_RUNS: runs, JUSTERA_FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
