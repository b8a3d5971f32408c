// `npm test`: type-check, unit tests (mocha), then the integration tests in a real VS Code,
// all of them even when one part fails, ending with one line that counts every test.
import { spawn } from 'node:child_process';

/** Runs a command, streaming its output, and resolves with its exit code and output. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
    child.on('error', (e) => {
      process.stderr.write(`${command}: ${e.message}\n`);
      resolve({ code: 1, out });
    });
  });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let passed = 0;
let failed = 0;
let ok = true;

const typecheck = await run(npm, ['run', '--silent', 'typecheck']);
if (typecheck.code !== 0) {
  process.stdout.write('type check failed\n');
  failed++;
  ok = false;
}

const unit = await run(npm, ['run', '--silent', 'test:unit']);
const count = (re, s) => Number(re.exec(s)?.[1] ?? 0);
const unitPassed = count(/(\d+) passing/, unit.out);
const unitFailed = count(/(\d+) failing/, unit.out);
passed += unitPassed;
failed += unitFailed;
if (unit.code !== 0) {
  ok = false;
  if (unitFailed === 0) failed++; // mocha itself failed (no summary)
}

const integration = await run(npm, ['run', '--silent', 'test:integration']);
const summary = /^(\d+) passed, (\d+) failed/m.exec(integration.out.split('\n').filter(Boolean).reverse().join('\n'));
const intPassed = Number(summary?.[1] ?? 0);
const intFailed = Number(summary?.[2] ?? 0);
passed += intPassed;
failed += intFailed;
if (integration.code !== 0) {
  ok = false;
  if (intFailed === 0) failed++; // the harness failed before the suite reported
}

process.stdout.write(`\nunit: ${unitPassed} passed, ${unitFailed} failed; integration: ${intPassed} passed, ${intFailed} failed\n`);
process.stdout.write(`Total: ${passed} passed, ${failed} failed\n`);
process.exitCode = ok && failed === 0 ? 0 : 1;
