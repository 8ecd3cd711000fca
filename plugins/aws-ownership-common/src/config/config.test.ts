import { buildResource } from '../model/buildResource';
import { evaluateResource } from '../scoring/evaluateResource';
import { defaultChecklistConfig } from './defaultChecklistConfig';
import {
  InvalidChecklistConfigError,
  resolveChecklistConfig,
} from './resolveChecklistConfig';
import {
  formatChecklistConfigErrors,
  validateChecklistConfig,
} from './validateChecklistConfig';

describe('defaultChecklistConfig', () => {
  it('carries the spec defaults', () => {
    expect(defaultChecklistConfig.tagging.requiredKeys).toEqual([
      'owner',
      'environment',
      'cost-center',
      'application',
    ]);
    expect(defaultChecklistConfig.naming.pattern).toBe(
      '^[a-z0-9]+(?:-[a-z0-9]+)+$',
    );
    expect(defaultChecklistConfig.ownership.ownerTagKeys).toEqual([
      'owner',
      'team',
    ]);
    expect(defaultChecklistConfig.tagging.maxUserTags).toBe(45);
    expect(defaultChecklistConfig.checks.disabled).toEqual([]);
    expect(Object.isFrozen(defaultChecklistConfig.tagging.requiredKeys)).toBe(
      true,
    );
  });
  it('is valid', () => {
    expect(validateChecklistConfig(defaultChecklistConfig)).toEqual({
      valid: true,
      errors: [],
    });
  });
});

describe('validateChecklistConfig', () => {
  it('accepts undefined and an empty object', () => {
    expect(validateChecklistConfig(undefined).valid).toBe(true);
    expect(validateChecklistConfig({}).valid).toBe(true);
  });

  it('returns every error with its key path', () => {
    const { valid, errors } = validateChecklistConfig({
      naming: { pattern: '([a-z', minLength: -1 },
      tagging: {
        requiredKeys: ['owner', 3],
        keyStyle: 'SCREAMING',
        allowedValues: { environment: 'prod' },
      },
      checks: {
        disabled: ['tagging.nope'],
        severity: { 'naming.convention': 'urgent', 'x.y': 'low' },
      },
      classification: { overrides: { 'ec2:instance': 'serverless' } },
      reponsibility: {},
      ownership: { ownerTagKeys: 'owner', extra: true },
    });
    expect(valid).toBe(false);
    const paths = errors.map(e => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'naming.pattern',
        'naming.minLength',
        'tagging.requiredKeys[1]',
        'tagging.keyStyle',
        'tagging.allowedValues.environment',
        'checks.disabled[0]',
        'checks.severity.naming.convention',
        'checks.severity.x.y',
        'classification.overrides.ec2:instance',
        'reponsibility',
        'ownership.ownerTagKeys',
        'ownership.extra',
      ]),
    );
    expect(errors.find(e => e.path === 'naming.pattern')?.message).toMatch(
      /invalid regular expression/,
    );
    expect(errors.find(e => e.path === 'checks.disabled[0]')?.message).toBe(
      'unknown check id "tagging.nope"',
    );
    expect(
      errors.find(e => e.path === 'checks.severity.naming.convention')?.message,
    ).toMatch(/unknown severity "urgent"/);
    expect(errors.find(e => e.path === 'reponsibility')?.message).toMatch(
      /unknown key/,
    );
    expect(formatChecklistConfigErrors(errors)).toContain(
      'naming.pattern: invalid regular expression',
    );
  });

  it('names the key path and the expected type', () => {
    expect(
      formatChecklistConfigErrors(
        validateChecklistConfig({
          tagging: { requiredKeys: ['owner', 'team', 7], bogus: 1 },
          naming: 'strict',
          scoring: { caps: { high: 120, severe: 10 } },
        }).errors,
      ).split('\n'),
    ).toEqual(
      expect.arrayContaining([
        'tagging.requiredKeys[2]: expected a string, got a number',
        'tagging.bogus: unknown key',
        'naming: expected an object, got a string',
        'scoring.caps.high: expected a score from 0 to 100, got 120',
        'scoring.caps.severe: unknown key',
      ]),
    );
  });

  it('accepts score caps, and refuses blank strings', () => {
    expect(
      validateChecklistConfig({ scoring: { caps: { critical: 20, low: 99 } } })
        .valid,
    ).toBe(true);
    expect(
      validateChecklistConfig({ tagging: { environmentTagKey: ' ' } }).errors,
    ).toEqual([
      { path: 'tagging.environmentTagKey', message: 'must not be blank' },
    ]);
  });

  it('rejects a non-object', () => {
    expect(validateChecklistConfig('yes').errors).toEqual([
      { path: '', message: 'expected an object, got a string' },
    ]);
  });

  it('accepts extension check ids when told about them', () => {
    expect(
      validateChecklistConfig({ checks: { disabled: ['custom.x'] } }).valid,
    ).toBe(false);
    expect(
      validateChecklistConfig(
        { checks: { disabled: ['custom.x'] } },
        { extraCheckIds: ['custom.x'] },
      ).valid,
    ).toBe(true);
  });

  it('checks lengths against each other', () => {
    expect(
      validateChecklistConfig({ naming: { minLength: 80 } }).errors[0].path,
    ).toBe('naming.minLength');
  });
});

describe('resolveChecklistConfig', () => {
  it('returns the defaults for nothing', () => {
    expect(resolveChecklistConfig()).toEqual(defaultChecklistConfig);
    expect(resolveChecklistConfig()).not.toBe(defaultChecklistConfig);
  });

  it('replaces lists and scalars, merges maps key by key', () => {
    const config = resolveChecklistConfig({
      tagging: {
        requiredKeys: ['team'],
        allowedValues: { tier: ['gold', 'silver'] },
        maxUserTags: 40,
      },
      checks: { severity: { 'tagging.headroom': 'medium' } },
    });
    expect(config.tagging.requiredKeys).toEqual(['team']);
    expect(config.tagging.maxUserTags).toBe(40);
    expect(config.tagging.allowedValues).toEqual({
      ...defaultChecklistConfig.tagging.allowedValues,
      tier: ['gold', 'silver'],
    });
    expect(config.tagging.keyStyle).toBe('kebab');
    expect(config.checks.severity).toEqual({ 'tagging.headroom': 'medium' });
    expect(config.naming).toEqual(defaultChecklistConfig.naming);
  });

  it('lowercases the vocabularies the checks match case-insensitively', () => {
    const config = resolveChecklistConfig({
      naming: { environmentTokens: { PRD: ' Prod ' } },
      tagging: {
        placeholderValues: [' TBD '],
        keyStyleExemptPrefixes: ['Acme:'],
      },
      responsibility: {
        encryptionRequiredClassifications: ['Secret'],
        managedByTagPrefixes: ['Crossplane:'],
        unmanagedValues: ['ClickOps'],
      },
    });
    expect(config.naming.environmentTokens).toEqual({
      ...defaultChecklistConfig.naming.environmentTokens,
      prd: 'prod',
    });
    expect(config.tagging.placeholderValues).toEqual(['tbd']);
    expect(config.tagging.keyStyleExemptPrefixes).toEqual(['acme:']);
    expect(config.responsibility).toMatchObject({
      encryptionRequiredClassifications: ['secret'],
      managedByTagPrefixes: ['crossplane:'],
      unmanagedValues: ['clickops'],
    });

    // and the checks match values of any case against them
    const statusOf = (tags: Record<string, string>, checkId: string) =>
      evaluateResource(
        buildResource({
          arn: 'arn:aws:s3:::orders-prd-data',
          tags,
          sourceRegion: 'eu-west-1',
        }),
        {},
        config,
      ).results.find(r => r.checkId === checkId)?.status;
    expect(
      statusOf({ environment: 'PROD' }, 'naming.environment-consistent'),
    ).toBe('pass');
    expect(
      statusOf({ environment: 'dev' }, 'naming.environment-consistent'),
    ).toBe('fail');
    expect(statusOf({ owner: 'Tbd' }, 'tagging.no-placeholder-values')).toBe(
      'fail',
    );
    expect(statusOf({ 'ACME:Thing': 'x' }, 'tagging.key-style')).toBe('pass');
    expect(
      statusOf({ 'crossplane:name': 'x' }, 'responsibility.managed-by-code'),
    ).toBe('pass');
    expect(
      statusOf(
        { 'managed-by': 'clickops', 'crossplane:name': 'x' },
        'responsibility.managed-by-code',
      ),
    ).toBe('pass');
    expect(
      statusOf({ 'managed-by': 'CLICKOPS' }, 'responsibility.managed-by-code'),
    ).toBe('fail');
    expect(
      statusOf(
        { 'data-classification': 'SECRET' },
        'responsibility.client-side-encryption',
      ),
    ).toBe('fail');
  });

  it('throws InvalidChecklistConfigError listing every error', () => {
    expect(() =>
      resolveChecklistConfig({
        naming: { pattern: '(' },
        checks: { disabled: ['nope'] },
      }),
    ).toThrow(InvalidChecklistConfigError);
    let caught: unknown;
    try {
      resolveChecklistConfig({
        naming: { pattern: '(' },
        checks: { disabled: ['nope'] },
      });
    } catch (e) {
      caught = e;
    }
    expect(
      (caught as InvalidChecklistConfigError).errors.map(x => x.path),
    ).toEqual(['naming.pattern', 'checks.disabled[0]']);
    expect((caught as Error).message).toContain(
      'checks.disabled[0]: unknown check id "nope"',
    );
  });
});
