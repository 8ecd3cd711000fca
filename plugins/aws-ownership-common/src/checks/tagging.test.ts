import { arns, resultOf } from '../__testUtils__/rate';
import { resolveChecklistConfig } from '../config/resolveChecklistConfig';

const complete = {
  owner: 'payments',
  environment: 'prod',
  'cost-center': 'cc-1234',
  application: 'orders',
};

describe('tagging.required', () => {
  const id = 'tagging.required';
  it('passes when every required key has a value (keys match case-insensitively)', () => {
    expect(resultOf(id, arns.bucket, complete).status).toBe('pass');
    const { owner: _owner, ...rest } = complete;
    expect(resultOf(id, arns.bucket, { ...rest, Owner: 'x' }).status).toBe(
      'pass',
    );
  });
  it('fails naming missing and blank keys, with the exact tag command', () => {
    const r = resultOf(id, arns.queue, { owner: 'payments', environment: ' ' });
    expect(r.status).toBe('fail');
    expect(r.severity).toBe('high');
    expect(r.message).toContain('missing cost-center and application');
    expect(r.message).toContain('blank environment');
    expect(r.command).toBe(
      `aws resourcegroupstaggingapi tag-resources --resource-arn-list ${arns.queue} --tags cost-center=COST_CENTER,application=APPLICATION,environment=ENVIRONMENT --region us-east-1`,
    );
    expect(r.remediation).toContain(r.command!);
    expect(r.remediation).toContain(
      'environment is one of prod, staging, dev, test',
    );
  });
  it('uses the configured keys', () => {
    const config = resolveChecklistConfig({
      tagging: { requiredKeys: ['team'] },
    });
    expect(resultOf(id, arns.bucket, { team: 'a' }, {}, config).status).toBe(
      'pass',
    );
    expect(resultOf(id, arns.bucket, complete, {}, config).message).toContain(
      'missing team',
    );
  });
});

describe('tagging.allowed-values', () => {
  const id = 'tagging.allowed-values';
  it('passes for an allowed value', () => {
    expect(
      resultOf(id, arns.bucket, {
        environment: 'dev',
        'data-classification': 'internal',
      }).status,
    ).toBe('pass');
  });
  it('fails for a wrongly cased value and suggests the right one', () => {
    const r = resultOf(id, arns.bucket, { environment: 'Prod' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('environment="Prod"');
    expect(r.remediation).toContain('use prod');
    expect(r.command).toContain('--tags environment=prod');
  });
  it('fails for an unknown value and lists the allowed ones', () => {
    const r = resultOf(id, arns.bucket, {
      'data-classification': 'secret-ish',
    });
    expect(r.status).toBe('fail');
    expect(r.remediation).toContain(
      'public, internal, confidential, restricted',
    );
  });
  it('is not applicable when no restricted key is present', () => {
    expect(resultOf(id, arns.bucket, { owner: 'x' }).status).toBe(
      'not-applicable',
    );
  });
});

describe('tagging.key-style', () => {
  const id = 'tagging.key-style';
  it('passes for kebab keys, namespaces, and exempt keys', () => {
    const r = resultOf(id, arns.instance, {
      'cost-center': 'x',
      'acme:data-owner': 'y',
      Name: 'n',
      'Patch Group': 'p',
      'aws:cloudformation:stack-name': 's',
    });
    expect(r.status).toBe('pass');
  });
  it('fails naming the offending keys', () => {
    const r = resultOf(id, arns.instance, {
      CostCenter: 'x',
      cost_center: 'y',
      owner: 'z',
    });
    expect(r.status).toBe('fail');
    expect(r.severity).toBe('low');
    expect(r.message).toContain('CostCenter');
    expect(r.message).toContain('cost_center');
    expect(r.message).not.toContain('owner');
  });
  it('follows the configured style', () => {
    const config = resolveChecklistConfig({ tagging: { keyStyle: 'snake' } });
    expect(
      resultOf(id, arns.instance, { cost_center: 'y' }, {}, config).status,
    ).toBe('pass');
    expect(
      resultOf(id, arns.instance, { 'cost-center': 'y' }, {}, config).status,
    ).toBe('fail');
  });
});

describe('tagging.no-case-duplicates', () => {
  const id = 'tagging.no-case-duplicates';
  it('passes for distinct keys', () => {
    expect(resultOf(id, arns.bucket, complete).status).toBe('pass');
  });
  it('fails for keys equal once case and separators are folded', () => {
    const r = resultOf(id, arns.bucket, {
      Owner: 'a',
      owner: 'b',
      cost_center: '1',
      'cost-center': '2',
    });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Owner / owner');
    expect(r.message).toContain('cost_center / cost-center');
    expect(r.command).toContain('untag-resources');
  });
});

describe('tagging.no-case-duplicates on many tags', () => {
  const id = 'tagging.no-case-duplicates';
  const many = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`team-key-${i}`, `v${i}`]),
    );
  it('passes for 40 distinct keys', () => {
    expect(resultOf(id, arns.bucket, many(40)).status).toBe('pass');
  });
  it('finds a duplicate among 40 keys, however far apart', () => {
    const r = resultOf(id, arns.bucket, {
      Team_Key_3: 'x',
      ...many(40),
      TEAMKEY39: 'y',
    });
    expect(r.status).toBe('fail');
    expect(r.message).toBe(
      'Duplicate tag keys: Team_Key_3 / team-key-3; team-key-39 / TEAMKEY39',
    );
    expect(r.command).toContain('--tag-keys team-key-3 TEAMKEY39');
  });
});

describe('failure texts shared between resources', () => {
  it('gives each resource its own command and the same message', () => {
    const first = resultOf('tagging.allowed-values', arns.queue, {
      environment: 'Prod',
    });
    const second = resultOf('tagging.allowed-values', arns.table, {
      environment: 'Prod',
    });
    expect(second.message).toBe(first.message);
    expect(first.command).toContain(`--resource-arn-list ${arns.queue}`);
    expect(second.command).toContain(`--resource-arn-list ${arns.table}`);
    expect(second.command).toContain('--tags environment=prod');
  });
  it('follows the config: the same value under another config gets its texts', () => {
    const config = resolveChecklistConfig({
      tagging: { allowedValues: { environment: ['Prod', 'Dev'] } },
    });
    expect(
      resultOf('tagging.allowed-values', arns.queue, { environment: 'prod' })
        .status,
    ).toBe('pass');
    const r = resultOf(
      'tagging.allowed-values',
      arns.queue,
      { environment: 'prod' },
      {},
      config,
    );
    expect(r.status).toBe('fail');
    expect(r.remediation).toContain('use Prod for environment');
    expect(
      resultOf('tagging.allowed-values', arns.queue, { environment: 'Prod' })
        .remediation,
    ).toContain('use prod for environment');
  });
  it('names the key as the resource writes it', () => {
    const configured = resultOf('tagging.no-placeholder-values', arns.queue, {
      owner: 'tbd',
    });
    const written = resultOf('tagging.no-placeholder-values', arns.queue, {
      Owner: 'tbd',
    });
    expect(configured.message).toBe('Blank or placeholder values: owner="tbd"');
    expect(written.message).toBe('Blank or placeholder values: Owner="tbd"');
    expect(written.command).toContain('--tags Owner=OWNER');
  });
});

describe('tagging.no-placeholder-values', () => {
  const id = 'tagging.no-placeholder-values';
  it('passes for real values; aws: keys and backup=none are not judged', () => {
    expect(
      resultOf(id, arns.bucket, { ...complete, 'aws:foo': '', backup: 'none' })
        .status,
    ).toBe('pass');
  });
  it.each(['TBD', 'n/a', 'unknown', '-', '?', 'changeme', '', '  '])(
    'fails for %j',
    value => {
      const r = resultOf(id, arns.bucket, { owner: value });
      expect(r.status).toBe('fail');
      expect(r.message).toContain('owner=');
    },
  );
});

describe('tagging.tag-policy', () => {
  const id = 'tagging.tag-policy';
  it('passes when AWS reports compliance', () => {
    expect(
      resultOf(id, arns.bucket, {}, {}, undefined, {
        compliant: true,
        noncompliantKeys: [],
        keysWithNoncompliantValues: [],
      }).status,
    ).toBe('pass');
  });
  it('fails naming the noncompliant keys', () => {
    const r = resultOf(id, arns.bucket, {}, {}, undefined, {
      compliant: false,
      noncompliantKeys: ['CostCenter'],
      keysWithNoncompliantValues: ['environment'],
    });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('CostCenter');
    expect(r.message).toContain('environment');
    expect(r.command).toContain(
      '--tags CostCenter=COSTCENTER,environment=ENVIRONMENT',
    );
  });
  it('is not applicable without compliance details', () => {
    expect(resultOf(id, arns.bucket, complete).status).toBe('not-applicable');
  });
});

describe('tagging.headroom', () => {
  const id = 'tagging.headroom';
  const tags = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`key-${i}`, `v${i}`]),
    );
  it('passes at 45 user tags, not counting aws: tags', () => {
    expect(
      resultOf(id, arns.bucket, {
        ...tags(45),
        'aws:cloudformation:stack-name': 's',
      }).status,
    ).toBe('pass');
  });
  it('fails above 45 user tags', () => {
    const r = resultOf(id, arns.bucket, tags(46));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('46 of 50');
  });
});

describe('tagging.no-secrets', () => {
  const id = 'tagging.no-secrets';
  it('passes for ordinary tags', () => {
    expect(
      resultOf(id, arns.bucket, {
        ...complete,
        'secretsmanager-rotation': 'on',
      }).status,
    ).toBe('pass');
  });
  it.each([
    [{ 'db-password': 'hunter2' }, 'db-password'],
    [{ api_key: 'x' }, 'api_key'],
    [{ GithubToken: 'x' }, 'GithubToken'],
  ])('fails for a key named like a secret %j', (tags, key) => {
    const r = resultOf(id, arns.bucket, tags);
    expect(r.status).toBe('fail');
    expect(r.severity).toBe('critical');
    expect(r.message).toContain(key);
    expect(r.message).not.toContain('hunter2');
  });
  it('fails for an access key id in a value without showing it', () => {
    const r = resultOf(id, arns.bucket, { note: 'AKIAIOSFODNN7EXAMPLE' });
    expect(r.status).toBe('fail');
    expect(r.message).toContain('note');
    expect(JSON.stringify(r)).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(r.command).toContain('untag-resources');
  });
  it('fails for a credential used as a key without echoing it anywhere', () => {
    const r = resultOf(id, arns.bucket, { AKIAIOSFODNN7EXAMPLE: 'x' });
    expect(r.status).toBe('fail');
    expect(JSON.stringify(r)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });
  it('never echoes a secret-looking value in other checks either', () => {
    const r = resultOf('tagging.allowed-values', arns.bucket, {
      environment: 'password=hunter2',
    });
    expect(r.status).toBe('fail');
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });
});
