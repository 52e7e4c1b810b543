/** The registry: every rule family listed once, and the whole rule set on the seeds and the real Pingtan numbers. */
import { describe, expect, it } from 'vitest';
import { RULES, runRules } from '../../lib/rules/registry';
import { buildReport, reportFromValues } from '../helpers/report-builder';
import { PINGTAN_CELLS, pingtanBodyText } from '../helpers/pingtan-values';
import { loadSeeds } from '../fixtures/seed-values';

describe('RULES', () => {
  it('lists each rule once, with an id, Chinese and English names and docs', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['T3-BALANCE', 'T3-RESULTS', 'T3-ROW', 'T4-BLOCK', 'VALUE', 'BLANK', 'MISSING', 'X-CARRY', 'X-T2']));
    for (const { meta } of RULES) {
      expect(meta.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(meta.en).toMatch(/[a-z]/);
      expect(meta.docs.length).toBeGreaterThan(20);
    }
  });
});

describe('runRules', () => {
  const seeds = loadSeeds();
  const seedText = (id: string) => {
    const s = seeds.find((x) => x.id === id)!;
    return [s.title, ...s.intro, ...s.sections.flat()].join('\n');
  };
  const summary = (id: string) => {
    const seed = seeds.find((s) => s.id === id)!;
    return runRules(reportFromValues(seed.values), { bodyText: seedText(id) }).map((f) => `${f.rule} ${f.severity} ${f.target}`);
  };

  it('seeds 000, 001, 002: every rule holds, nothing to say', () => {
    expect(summary('000')).toEqual([]);
    expect(summary('001')).toEqual([]);
    expect(summary('002')).toEqual([]);
  });

  it('seed 003: only the text warning (127 vs 122)', () => {
    expect(summary('003')).toEqual(['TEXT-ACTIVE-LIST warning null']);
  });

  it('seed 004: only the two T3-RESULTS errors', () => {
    expect(summary('004')).toEqual([
      'T3-RESULTS error table3.naturalPerson.results.totalProcessed',
      'T3-RESULTS error table3.total.results.totalProcessed',
    ]);
  });

  it('Pingtan: only the 393 vs 470 text warning', () => {
    const findings = runRules(buildReport(PINGTAN_CELLS), { bodyText: pingtanBodyText() });
    expect(findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(['TEXT-T2-VALID warning']);
  });

  it('a report with no tables gives three MISSING warnings and nothing else', () => {
    const findings = runRules(buildReport({}, { table2: null, table3: null, table4: null }), { bodyText: '' });
    expect(findings.map((f) => `${f.rule} ${f.table}`)).toEqual(['MISSING table2', 'MISSING table3', 'MISSING table4']);
  });
});
