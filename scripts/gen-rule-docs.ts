// Writes docs/rules.md from the rule registry: `npm run docs:rules`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderRuleDocs } from './rule-docs';

const target = join(__dirname, '..', 'docs', 'rules.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRuleDocs(), 'utf8');
process.stdout.write(`wrote ${target}\n`);
