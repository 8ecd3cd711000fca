import { arns, resultOf } from '../__testUtils__/rate';
import { resolveChecklistConfig } from '../config/resolveChecklistConfig';
import { suggestKebabName } from './naming';

describe('naming.name-present', () => {
  const id = 'naming.name-present';
  it('passes when a generated-id resource has a Name tag', () => {
    const r = resultOf(id, arns.instance, { Name: 'orders-web-1' });
    expect(r).toMatchObject({
      status: 'pass',
      severity: 'high',
      checklist: 'naming',
    });
    expect(r.message).toContain('orders-web-1');
  });
  it('fails without a Name tag, naming the id and giving the tag command', () => {
    const r = resultOf(id, arns.volume, { owner: 'payments' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('vol-0123456789abcdef0');
    expect(r.remediation).toContain(
      `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${arns.volume} --tags Name=NAME`,
    );
  });
  it('fails on a blank Name tag', () => {
    expect(resultOf(id, arns.kms, { Name: '   ' }).status).toBe('fail');
  });
  it('treats ids that look generated as generated, whatever the type', () => {
    expect(
      resultOf(
        id,
        `arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012`,
      ).status,
    ).toBe('fail');
  });
  it('is not applicable to ids a person chose', () => {
    expect(resultOf(id, arns.bucket).status).toBe('not-applicable');
    expect(resultOf(id, arns.alb).status).toBe('not-applicable');
  });
});

describe('naming.convention', () => {
  const id = 'naming.convention';
  it('passes for lowercase kebab-case of two or more words', () => {
    expect(resultOf(id, arns.bucket).status).toBe('pass');
    expect(resultOf(id, arns.instance, { Name: 'orders-web-1' }).status).toBe(
      'pass',
    );
  });
  it('fails for a one-word or wrongly cased name and suggests a conforming one', () => {
    const r = resultOf(id, arns.instance, { Name: 'OrdersWeb' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('"OrdersWeb"');
    expect(r.remediation).toContain('orders-web');
    expect(r.command).toContain('--tags Name=orders-web');
    expect(
      resultOf(id, `arn:aws:sqs:us-east-1:111122223333:orders`).status,
    ).toBe('fail');
  });
  it('fails names outside the length limits', () => {
    const long = `a-${'b'.repeat(70)}`;
    const r = resultOf(id, arns.instance, { Name: long });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('longer than 63');
  });
  it('is not applicable to a generated id without a Name tag', () => {
    expect(resultOf(id, arns.instance).status).toBe('not-applicable');
  });
  it('follows a configured pattern', () => {
    const config = resolveChecklistConfig({
      naming: { pattern: '^[A-Z][A-Za-z]+$' },
    });
    expect(
      resultOf(id, arns.instance, { Name: 'OrdersWeb' }, {}, config).status,
    ).toBe('pass');
    expect(
      resultOf(id, arns.instance, { Name: 'orders-web' }, {}, config).status,
    ).toBe('fail');
  });
});

describe('naming.environment-consistent', () => {
  const id = 'naming.environment-consistent';
  it('passes when the name token agrees with the environment tag', () => {
    expect(
      resultOf(id, arns.instance, { Name: 'orders-prod', environment: 'prod' })
        .status,
    ).toBe('pass');
    expect(
      resultOf(id, arns.instance, {
        Name: 'orders-production-db',
        environment: 'prod',
      }).status,
    ).toBe('pass');
    expect(
      resultOf(id, arns.instance, {
        Name: 'orders-stg',
        environment: 'staging',
      }).status,
    ).toBe('pass');
  });
  it('fails when they disagree, naming both', () => {
    const r = resultOf(id, arns.instance, {
      Name: 'orders-prod',
      environment: 'dev',
    });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('prod');
    expect(r.message).toContain('environment=dev');
    expect(r.command).toContain('--tags environment=prod');
  });
  it('matches whole words only', () => {
    expect(
      resultOf(id, arns.instance, {
        Name: 'product-catalog',
        environment: 'dev',
      }).status,
    ).toBe('not-applicable');
  });
  it('is not applicable without an environment token or without an environment tag', () => {
    expect(
      resultOf(id, arns.instance, { Name: 'orders-web', environment: 'dev' })
        .status,
    ).toBe('not-applicable');
    expect(resultOf(id, arns.instance, { Name: 'orders-prod' }).status).toBe(
      'not-applicable',
    );
  });
});

describe('naming.no-placeholder', () => {
  const id = 'naming.no-placeholder';
  it.each([
    'launch-wizard-3',
    'default',
    'test',
    'tmp-orders',
    'temp',
    'untitled-1',
    'new-bucket',
    'copy-of-orders',
    'my-instance',
  ])('fails for %s', name => {
    const r = resultOf(id, arns.instance, { Name: name });
    expect(r.status).toBe('fail');
    expect(r.message).toContain(name);
  });
  it.each([
    'orders-web',
    'template-renderer',
    'newsletter-sender',
    'mysql-primary',
    'testing-grounds-api',
  ])('passes for %s', name => {
    expect(resultOf(id, arns.instance, { Name: name }).status).toBe('pass');
  });
  it('is not applicable to a generated id without a Name tag', () => {
    expect(resultOf(id, arns.securityGroup).status).toBe('not-applicable');
  });
});

describe('suggestKebabName', () => {
  it('kebab-cases names', () => {
    expect(suggestKebabName('OrdersData_Prod')).toBe('orders-data-prod');
    expect(suggestKebabName('  weird  name!! ')).toBe('weird-name');
  });
});
