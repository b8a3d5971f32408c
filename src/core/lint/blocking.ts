// Findings that stop an export: errors of rules whose metadata says they concern publication.
import { findRule } from './engine';
import type { Finding } from './types';

export function blockingFindings(findings: readonly Finding[], blocks: (code: string) => boolean = (code) => !!findRule(code)?.meta.blocksExport): Finding[] {
  return findings.filter((f) => f.severity === 'error' && blocks(f.code));
}
