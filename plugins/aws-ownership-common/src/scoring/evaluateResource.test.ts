import fc from 'fast-check';
import { arns, resource } from '../__testUtils__/rate';
import { builtinChecks } from '../checks/builtinChecks';
import type { Check } from '../checks/types';
import { resolveChecklistConfig } from '../config/resolveChecklistConfig';
import { evaluateResource } from './evaluateResource';

const perfect = {
  Name: 'orders-web-prod',
  owner: 'payments',
  environment: 'prod',
  'cost-center': 'cc-1234',
  application: 'orders',
  oncall: 'payments-primary',
  backup: 'daily',
  'Patch Group': 'linux-prod',
  rpo: '1h',
  'managed-by': 'terraform',
};
const owned = {
  ownerTag: { key: 'owner', value: 'payments' },
  ownerRef: 'group:default/payments',
};

describe('evaluateResource', () => {
  it('runs every built-in check once, in order', () => {
    const rating = evaluateResource(resource(arns.instance, perfect), owned);
    expect(rating.results.map(r => r.checkId)).toEqual(
      builtinChecks.map(c => c.id),
    );
    expect(rating.arn).toBe(arns.instance);
  });

  it('scores 100 and A when every applicable check passes', () => {
    const rating = evaluateResource(resource(arns.instance, perfect), owned);
    expect(rating.results.filter(r => r.status === 'fail')).toEqual([]);
    expect(rating).toMatchObject({ score: 100, grade: 'A' });
  });

  it('scores 100 * passed weight / applicable weight, one decimal', () => {
    const rating = evaluateResource(resource(arns.instance, perfect), {
      ownerTag: { key: 'owner', value: 'payments' },
    });
    const weights = { critical: 10, high: 5, medium: 3, low: 1 };
    let applicable = 0;
    let passed = 0;
    for (const r of rating.results) {
      if (r.status === 'not-applicable') continue;
      applicable += weights[r.severity];
      if (r.status === 'pass') passed += weights[r.severity];
    }
    expect(
      rating.results.find(r => r.checkId === 'responsibility.owner-resolves')
        ?.status,
    ).toBe('fail');
    expect(rating.rawScore).toBe(Math.round((1000 * passed) / applicable) / 10);
    expect(rating.rawScore).toBeLessThan(100);
  });

  it('grades by the thresholds', () => {
    const scoreWith = (status: 'pass' | 'fail'): Check => ({
      id: `x.${status}`,
      checklist: 'tagging',
      title: '',
      description: '',
      severity: 'low',
      appliesTo: '',
      remediation: '',
      evaluate: () => ({ status, message: status }),
    });
    const config = resolveChecklistConfig({
      checks: { disabled: builtinChecks.map(c => c.id) },
    });
    const rate = (passes: number, fails: number) =>
      evaluateResource(resource(arns.bucket), {}, config, [
        ...Array.from({ length: passes }, (_, i) => ({
          ...scoreWith('pass'),
          id: `p.${i}`,
        })),
        ...Array.from({ length: fails }, (_, i) => ({
          ...scoreWith('fail'),
          id: `f.${i}`,
        })),
      ]);
    expect(rate(9, 1)).toMatchObject({ score: 90, grade: 'A' });
    expect(rate(3, 1)).toMatchObject({ score: 75, grade: 'B' });
    expect(rate(3, 2)).toMatchObject({ score: 60, grade: 'C' });
    expect(rate(2, 3)).toMatchObject({ score: 40, grade: 'D' });
    expect(rate(1, 2)).toMatchObject({ score: 33.3, grade: 'F' });
  });

  it('scores 100 when nothing applies', () => {
    const config = resolveChecklistConfig({
      checks: { disabled: builtinChecks.map(c => c.id) },
    });
    expect(evaluateResource(resource(arns.bucket), {}, config)).toMatchObject({
      score: 100,
      grade: 'A',
      results: [],
    });
  });

  it('works with two arguments, using the default config', () => {
    const rating = evaluateResource(resource(arns.bucket), {});
    expect(rating.results).toHaveLength(builtinChecks.length);
  });

  it('leaves out disabled checks and applies severity overrides', () => {
    const config = resolveChecklistConfig({
      checks: {
        disabled: ['tagging.headroom'],
        severity: { 'naming.convention': 'critical' },
      },
    });
    const rating = evaluateResource(resource(arns.bucket), {}, config);
    expect(rating.results.some(r => r.checkId === 'tagging.headroom')).toBe(
      false,
    );
    expect(
      rating.results.find(r => r.checkId === 'naming.convention')?.severity,
    ).toBe('critical');
  });

  describe('extra checks', () => {
    const hasCostCenter: Check = {
      id: 'custom.cost-center-format',
      checklist: 'tagging',
      title: 'Cost center format',
      description: 'cost-center looks like cc-NNNN',
      severity: 'high',
      appliesTo: 'resources with a cost-center tag',
      remediation: 'fix it',
      evaluate: ({ tags }) => {
        const value = tags.get('cost-center');
        if (value === undefined)
          return { status: 'not-applicable', message: 'no cost-center' };
        return /^cc-\d{4}$/.test(value)
          ? { status: 'pass', message: `cost-center=${value}` }
          : {
              status: 'fail',
              message: `cost-center=${value}`,
              remediation: 'use cc-NNNN',
            };
      },
    };

    it('rates them like built-ins, with config overrides', () => {
      const good = evaluateResource(
        resource(arns.instance, perfect),
        owned,
        undefined,
        [hasCostCenter],
      );
      const bad = evaluateResource(
        resource(arns.instance, { ...perfect, 'cost-center': 'marketing' }),
        owned,
        undefined,
        [hasCostCenter],
      );
      expect(good.results.at(-1)).toMatchObject({
        checkId: 'custom.cost-center-format',
        status: 'pass',
      });
      expect(good.score).toBe(100);
      expect(bad.results.at(-1)).toMatchObject({
        status: 'fail',
        severity: 'high',
        remediation: 'use cc-NNNN',
      });
      expect(bad.score).toBeLessThan(100);

      const disabled = resolveChecklistConfig(
        { checks: { disabled: ['custom.cost-center-format'] } },
        { extraCheckIds: ['custom.cost-center-format'] },
      );
      expect(
        evaluateResource(resource(arns.instance, perfect), owned, disabled, [
          hasCostCenter,
        ]).results.some(r => r.checkId === 'custom.cost-center-format'),
      ).toBe(false);
    });

    it('hands them the naming subject the naming checks judge', () => {
      const seen: unknown[] = [];
      const spy: Check = {
        ...hasCostCenter,
        id: 'custom.naming-spy',
        evaluate: ({ naming }) => {
          seen.push(naming);
          return { status: 'pass', message: naming.shown };
        },
      };
      evaluateResource(
        resource(arns.volume, { name: ' orders-data ' }),
        {},
        undefined,
        [spy],
      );
      evaluateResource(resource(arns.volume), {}, undefined, [spy]);
      expect(seen).toEqual([
        {
          name: 'orders-data',
          shown: 'orders-data',
          generatedId: true,
          fromTag: true,
        },
        {
          name: 'vol-0123456789abcdef0',
          shown: 'vol-0123456789abcdef0',
          generatedId: true,
          fromTag: false,
        },
      ]);
    });

    it('reports a throwing check as not-applicable instead of throwing', () => {
      const broken: Check = {
        ...hasCostCenter,
        id: 'custom.broken',
        evaluate: () => {
          throw new Error('boom');
        },
      };
      const rating = evaluateResource(resource(arns.bucket), {}, undefined, [
        broken,
      ]);
      expect(rating.results.at(-1)).toMatchObject({
        checkId: 'custom.broken',
        status: 'not-applicable',
        message: 'The check could not run: boom',
      });
    });

    it('ignores an extra check that reuses a built-in id', () => {
      const shadow: Check = {
        ...hasCostCenter,
        id: 'tagging.required',
        evaluate: () => ({ status: 'pass', message: '' }),
      };
      const rating = evaluateResource(resource(arns.bucket), {}, undefined, [
        shadow,
      ]);
      expect(
        rating.results.filter(r => r.checkId === 'tagging.required'),
      ).toHaveLength(1);
      expect(
        rating.results.find(r => r.checkId === 'tagging.required')?.status,
      ).toBe('fail');
    });
  });

  describe('properties', () => {
    const anyText = (max: number) =>
      fc.string({ unit: 'binary', maxLength: max });
    const tagMap = fc.dictionary(
      fc.oneof(
        anyText(128),
        fc.constantFrom(
          'Name',
          'owner',
          'Owner',
          'environment',
          'data-classification',
          'backup',
          'aws:x',
          '__proto__',
          'constructor',
        ),
        fc.string({ minLength: 128, maxLength: 128 }),
      ),
      fc.oneof(
        anyText(256),
        fc.constant(''),
        fc.string({ minLength: 256, maxLength: 256 }),
        fc.constantFrom('none', 'Prod', 'public', 'restricted'),
      ),
      { maxKeys: 50 },
    );

    it('never throws on arbitrary tag maps and always scores 0..100', () => {
      const types = Object.values(arns);
      fc.assert(
        fc.property(
          fc.constantFrom(...types),
          tagMap,
          fc.boolean(),
          (arn, tags, resolved) => {
            const r = resource(arn, tags);
            const rating = evaluateResource(r, resolved ? owned : {});
            expect(rating.score).toBeGreaterThanOrEqual(0);
            expect(rating.score).toBeLessThanOrEqual(100);
            expect(rating.results).toHaveLength(builtinChecks.length);
            for (const result of rating.results) {
              expect(['pass', 'fail', 'not-applicable']).toContain(
                result.status,
              );
              expect(result.message).not.toMatch(/^The check could not run/);
            }
          },
        ),
        { numRuns: 1500 },
      );
    });

    it('handles exactly 50 tags with 128-character keys and 256-character values', () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 128 }),
            { minLength: 50, maxLength: 50 },
          ),
          fc.array(fc.string({ unit: 'grapheme', maxLength: 256 }), {
            minLength: 50,
            maxLength: 50,
          }),
          (keys, values) => {
            const tags = Object.fromEntries(keys.map((k, i) => [k, values[i]]));
            const rating = evaluateResource(resource(arns.bucket, tags), {});
            expect(
              rating.results.every(
                x => !x.message.startsWith('The check could not run'),
              ),
            ).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
