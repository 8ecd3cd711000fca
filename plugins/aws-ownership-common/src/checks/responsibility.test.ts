import { arns, resultOf } from '../__testUtils__/rate';
import { resolveChecklistConfig } from '../config/resolveChecklistConfig';

const owned = {
  ownerTag: { key: 'owner', value: 'payments' },
  ownerRef: 'group:default/payments',
};

describe('responsibility.owner-assigned', () => {
  const id = 'responsibility.owner-assigned';
  it('passes with an owner tag in the context', () => {
    const r = resultOf(id, arns.bucket, { owner: 'payments' }, owned);
    expect(r).toMatchObject({ status: 'pass', severity: 'critical' });
    expect(r.message).toContain('owner=payments');
  });
  it('falls back to the configured owner tag keys when the context has none', () => {
    expect(resultOf(id, arns.bucket, { Team: 'payments' }).status).toBe('pass');
  });
  it('fails without an owner tag, with the tag command', () => {
    const r = resultOf(id, arns.bucket, { environment: 'prod' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('owner or team');
    expect(r.command).toBe(
      `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${arns.bucket} --tags owner=OWNER --region us-east-1`,
    );
  });
  it('fails when the context reports a blank owner tag', () => {
    expect(
      resultOf(
        id,
        arns.bucket,
        { owner: ' ' },
        { ownerTag: { key: 'owner', value: ' ' } },
      ).status,
    ).toBe('fail');
  });
});

describe('responsibility.owner-resolves', () => {
  const id = 'responsibility.owner-resolves';
  it('passes when the owner resolves to a Group', () => {
    const r = resultOf(id, arns.bucket, { owner: 'payments' }, owned);
    expect(r.status).toBe('pass');
    expect(r.message).toContain('group:default/payments');
  });
  it('fails for a dangling owner, naming the value', () => {
    const r = resultOf(
      id,
      arns.bucket,
      { owner: 'paymnts' },
      { ownerTag: { key: 'owner', value: 'paymnts' } },
    );
    expect(r).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(r.message).toContain('owner=paymnts');
    expect(r.remediation).toContain('aws-ownership/owner-aliases');
    expect(r.command).toContain('--tags owner=GROUP_NAME');
  });
  it('is not applicable without an owner tag', () => {
    expect(resultOf(id, arns.bucket).status).toBe('not-applicable');
  });
});

describe('responsibility.escalation', () => {
  const id = 'responsibility.escalation';
  it('passes with an escalation tag', () => {
    expect(
      resultOf(id, arns.bucket, { oncall: 'payments-primary' }).status,
    ).toBe('pass');
  });
  it('passes when the owning Group carries an on-call annotation', () => {
    const r = resultOf(
      id,
      arns.bucket,
      {},
      { ...owned, ownerHasEscalation: true },
    );
    expect(r.status).toBe('pass');
    expect(r.message).toContain('group:default/payments');
  });
  it('fails otherwise, pointing at the Group annotations', () => {
    const r = resultOf(id, arns.bucket, {}, owned);
    expect(r.status).toBe('fail');
    expect(r.remediation).toContain('pagerduty.com/service-id');
    expect(r.command).toContain('--tags oncall=ONCALL');
  });
});

describe('responsibility.data-classification', () => {
  const id = 'responsibility.data-classification';
  it('passes for a data store with an allowed classification', () => {
    expect(
      resultOf(id, arns.bucket, { 'data-classification': 'internal' }).status,
    ).toBe('pass');
    expect(
      resultOf(id, arns.volume, { 'data-classification': 'public' }).status,
    ).toBe('pass');
  });
  it('fails when missing', () => {
    const r = resultOf(id, arns.table);
    expect(r).toMatchObject({ status: 'fail', severity: 'high' });
    expect(r.remediation).toContain(
      'one of public, internal, confidential, restricted',
    );
    expect(r.command).toContain(
      '--tags data-classification=DATA_CLASSIFICATION',
    );
  });
  it('fails for a value outside the allowed list, suggesting the right case', () => {
    const r = resultOf(id, arns.queue, { 'data-classification': 'Internal' });
    expect(r.status).toBe('fail');
    expect(r.command).toContain('--tags data-classification=internal');
  });
  it('is not applicable to resources that hold no data', () => {
    expect(resultOf(id, arns.lambda).status).toBe('not-applicable');
    expect(resultOf(id, arns.securityGroup).status).toBe('not-applicable');
  });
});

describe('responsibility.backup', () => {
  const id = 'responsibility.backup';
  it('passes with a backup tag', () => {
    expect(resultOf(id, arns.rds, { 'backup-plan': 'daily-35d' }).status).toBe(
      'pass',
    );
  });
  it('accepts backup=none only for public data', () => {
    expect(
      resultOf(id, arns.table, {
        backup: 'none',
        'data-classification': 'public',
      }).status,
    ).toBe('pass');
    const r = resultOf(id, arns.table, {
      backup: 'none',
      'data-classification': 'internal',
    });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('internal');
  });
  it.each(['no', 'false', 'off', 'disabled', 'manual', '0', 'NONE'])(
    'fails a tag that declares no backup (%j) unless the data is public',
    value => {
      const internal = resultOf(id, arns.rds, {
        backup: value,
        'data-classification': 'internal',
      });
      expect(internal).toMatchObject({ status: 'fail', basis: 'declared' });
      expect(internal.message).toContain('declares no backup');
      expect(
        resultOf(id, arns.rds, {
          backup: value,
          'data-classification': 'public',
        }).status,
      ).toBe('pass');
      expect(resultOf(id, arns.instance, { backup: value }).status).toBe(
        'fail',
      );
    },
  );
  it('marks tag verdicts as declared', () => {
    expect(resultOf(id, arns.rds, { backup: 'daily' }).basis).toBe('declared');
    expect(resultOf(id, arns.rds).basis).toBe('declared');
    expect(resultOf(id, arns.bucket).basis).toBeUndefined();
  });
  it.each([
    ['Redshift', 'arn:aws:redshift:us-east-1:111122223333:cluster:warehouse'],
    ['OpenSearch', 'arn:aws:es:us-east-1:111122223333:domain/search'],
    ['DocumentDB', 'arn:aws:rds:us-east-1:111122223333:cluster:docs'],
    ['MemoryDB', 'arn:aws:memorydb:us-east-1:111122223333:cluster/cache'],
    [
      'Redshift Serverless',
      'arn:aws:redshift-serverless:us-east-1:111122223333:namespace/0a1b2c3d-1234-5678-9abc-0123456789ab',
    ],
  ])('covers %s', (_, arn) => {
    expect(resultOf(id, arn).status).toBe('fail');
    expect(resultOf(id, arn, { backup: 'daily' }).status).toBe('pass');
  });
  it('fails without a backup tag or with a placeholder', () => {
    expect(resultOf(id, arns.instance).status).toBe('fail');
    expect(resultOf(id, arns.volume, { backup: 'tbd' }).status).toBe('fail');
  });
  it('is not applicable to stateless or abstract resources', () => {
    expect(resultOf(id, arns.bucket).status).toBe('not-applicable');
    expect(resultOf(id, arns.alb).status).toBe('not-applicable');
  });
});

describe('responsibility.patching', () => {
  const id = 'responsibility.patching';
  it('passes with a Patch Group, PatchGroup or patching tag', () => {
    expect(
      resultOf(id, arns.instance, { 'Patch Group': 'linux-prod' }).status,
    ).toBe('pass');
    expect(resultOf(id, arns.asg, { PatchGroup: 'linux-prod' }).status).toBe(
      'pass',
    );
    expect(
      resultOf(id, arns.containerInstance, { patching: 'bottlerocket-auto' })
        .status,
    ).toBe('pass');
  });
  it.each([
    'none',
    'no',
    'false',
    'off',
    'disabled',
    'manual',
    '0',
    ' Manual ',
  ])('fails a tag that declares no patching (%j)', value => {
    const r = resultOf(id, arns.instance, { 'Patch Group': value });
    expect(r).toMatchObject({ status: 'fail', basis: 'declared' });
    expect(r.command).toContain(`'Patch Group=PATCH_GROUP'`);
  });
  it('says its verdict was declared by a tag', () => {
    expect(
      resultOf(id, arns.instance, { 'Patch Group': 'linux-prod' }).basis,
    ).toBe('declared');
  });
  it('does not judge EKS node groups: their nodes move to newer AMI releases', () => {
    expect(
      resultOf(id, arns.nodegroup, { 'Patch Group': 'linux-prod' }).status,
    ).toBe('not-applicable');
    expect(resultOf(id, arns.nodegroup).status).toBe('not-applicable');
  });
  it('judges ECS container instances like other hosts', () => {
    expect(resultOf(id, arns.containerInstance).status).toBe('fail');
  });
  it('fails without one, with a quoted command for the spaced key', () => {
    const r = resultOf(id, arns.instance);
    expect(r).toMatchObject({ status: 'fail', severity: 'high' });
    expect(r.command).toContain(`--tags 'Patch Group=PATCH_GROUP'`);
  });
  it('is not applicable to managed compute', () => {
    expect(resultOf(id, arns.lambda).status).toBe('not-applicable');
    expect(resultOf(id, arns.rds).status).toBe('not-applicable');
  });
  it('follows a classification override', () => {
    const config = resolveChecklistConfig({
      classification: { overrides: { 'ec2:instance': 'container' } },
    });
    expect(resultOf(id, arns.instance, {}, {}, config).status).toBe(
      'not-applicable',
    );
  });
});

describe('responsibility.availability', () => {
  const id = 'responsibility.availability';
  it('passes with an objective', () => {
    expect(
      resultOf(id, arns.alb, { 'availability-tier': 'tier-1' }).status,
    ).toBe('pass');
    expect(resultOf(id, arns.rds, { rpo: '15m' }).status).toBe('pass');
  });
  it('fails without one', () => {
    const r = resultOf(id, arns.instance);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('rpo or availability-tier');
  });
  it('is not applicable to abstract services and to resources that neither serve nor store', () => {
    expect(resultOf(id, arns.bucket).status).toBe('not-applicable');
    expect(resultOf(id, arns.securityGroup).status).toBe('not-applicable');
  });
});

describe('responsibility.client-side-encryption', () => {
  const id = 'responsibility.client-side-encryption';
  it('passes for confidential abstract data with an encryption tag', () => {
    expect(
      resultOf(id, arns.bucket, {
        'data-classification': 'confidential',
        encryption: 'sse-kms-cmk',
      }).status,
    ).toBe('pass');
  });
  it('fails for restricted abstract data without one', () => {
    const r = resultOf(id, arns.queue, { 'data-classification': 'restricted' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('restricted');
    expect(r.command).toContain('--tags encryption=SCHEME');
  });
  it.each(['none', 'no', 'false', 'off', 'disabled', 'manual', '0'])(
    'fails a tag that declares no encryption (%j)',
    value => {
      const r = resultOf(id, arns.bucket, {
        'data-classification': 'confidential',
        encryption: value,
      });
      expect(r).toMatchObject({ status: 'fail', basis: 'declared' });
      expect(r.message).toContain(`encryption=${value}`);
    },
  );
  it('applies to EFS, an abstract data store', () => {
    expect(
      resultOf(id, arns.fileSystem, { 'data-classification': 'restricted' })
        .status,
    ).toBe('fail');
  });
  it('is not applicable for lower classifications or non-abstract stores', () => {
    expect(
      resultOf(id, arns.bucket, { 'data-classification': 'internal' }).status,
    ).toBe('not-applicable');
    expect(
      resultOf(id, arns.rds, { 'data-classification': 'restricted' }).status,
    ).toBe('not-applicable');
    expect(
      resultOf(id, arns.lambda, { 'data-classification': 'restricted' }).status,
    ).toBe('not-applicable');
  });
});

describe('responsibility.managed-by-code', () => {
  const id = 'responsibility.managed-by-code';
  it.each<Record<string, string>>([
    { 'aws:cloudformation:stack-name': 'orders' },
    { 'managed-by': 'terraform' },
    { 'terraform:workspace': 'prod' },
  ])('passes for %j', tags => {
    expect(resultOf(id, arns.bucket, tags).status).toBe('pass');
  });
  it('fails without a marker', () => {
    const r = resultOf(id, arns.bucket, { owner: 'x' });
    expect(r).toMatchObject({ status: 'fail', severity: 'low' });
    expect(r.command).toContain('--tags managed-by=TOOL');
  });
  it('fails when managed-by says it is manual', () => {
    const r = resultOf(id, arns.bucket, { 'managed-by': 'console' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('managed-by=console');
  });
});
