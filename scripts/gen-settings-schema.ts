// Generates the `justera.rules` settings schema (package.json) and its descriptions
// (package.nls*.json) from the rule registry, so the schema lists every code and alias.
// Run: `npx tsx scripts/gen-settings-schema.ts`; test/unit/manifest.test.ts fails on drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../src/core/lint/registry';

type Json = Record<string, any>;
const read = (f: string): Json => JSON.parse(readFileSync(f, 'utf8'));
const write = (f: string, v: unknown) => writeFileSync(f, JSON.stringify(v, null, 2) + '\n');

const severity = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'error'],
  enumDescriptions: ['%config.severity.off%', '%config.severity.info%', '%config.severity.warning%', '%config.severity.error%'],
};

export function ruleDescriptions(): { en: Record<string, string>; sv: Record<string, string> } {
  const en: Record<string, string> = {};
  const sv: Record<string, string> = {};
  const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
  for (const { meta } of rules) {
    const key = `config.rules.${meta.code}`;
    const { protokoll, notes } = meta.severity;
    en[key] = `**${meta.code}** \`${meta.alias}\`: ${sentence(meta.description.en)} Default: ${protokoll} (protokoll/minutes), ${notes} (notes).`;
    sv[key] = `**${meta.code}** \`${meta.alias}\`: ${sentence(meta.description.sv)} Standard: ${protokoll} (protokoll), ${notes} (minnesanteckningar).`;
  }
  return { en, sv };
}

export function rulesSchemaProperties(): Json {
  const props: Json = {};
  for (const { meta } of rules) {
    const entry = { ...severity, markdownDescription: `%config.rules.${meta.code}%` };
    props[meta.code] = entry;
    props[meta.alias] = entry;
  }
  return props;
}

if (process.argv[1]?.endsWith('gen-settings-schema.ts')) {
  const pkg = read('package.json');
  pkg.contributes.configuration.properties['justera.rules'].properties = rulesSchemaProperties();
  write('package.json', pkg);
  const { en, sv } = ruleDescriptions();
  for (const [file, strings] of [['package.nls.json', en], ['package.nls.sv.json', sv]] as const) {
    const nls = read(file);
    for (const k of Object.keys(nls)) if (k.startsWith('config.rules.MIN')) delete nls[k];
    write(file, { ...nls, ...strings });
  }
  console.log(`justera.rules schema: ${rules.length} rules`);
}
