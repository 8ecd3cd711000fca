import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { ConfigReader } from '@backstage/config';
import { EmulatorHandle, startEmulator } from '../server';
import {
  allPages,
  arnsOf,
  DUMMY_CREDENTIALS,
  taggingClient,
} from '../__testUtils__/clients';
import {
  GUARDED,
  MAIN,
  MEMBER,
  testInventory,
} from '../__testUtils__/fixtures';
import { fakeAuthorization } from '../__testUtils__/rawCall';

describe('STS', () => {
  let emulator: EmulatorHandle;

  beforeEach(async () => {
    emulator = await startEmulator({
      port: 0,
      inventory: testInventory(),
      quota: { enabled: false },
    });
  });

  afterEach(async () => {
    await emulator.close();
  });

  function sts(credentials = DUMMY_CREDENTIALS) {
    return new STSClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials,
    });
  }

  it('GetCallerIdentity names the main account for any key AssumeRole did not issue', async () => {
    const identity = await sts().send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(MAIN);
    expect(identity.Arn).toBe(`arn:aws:iam::${MAIN}:user/emulator`);
  });

  it('treats a 12-digit access key as that account (LocalStack convention)', async () => {
    const identity = await sts({
      accessKeyId: MEMBER,
      secretAccessKey: 'x',
    }).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(MEMBER);
  });

  it('AssumeRole issues credentials that act in the target account', async () => {
    const assumed = await sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${MEMBER}:role/ownership-reader`,
        RoleSessionName: 'backstage',
      }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${MEMBER}:assumed-role/ownership-reader/backstage`,
    );
    const c = assumed.Credentials!;
    expect(c.Expiration!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    const credentials = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    };
    const identity = await sts(credentials).send(
      new GetCallerIdentityCommand({}),
    );
    expect(identity.Account).toBe(MEMBER);
    expect(identity.Arn).toBe(
      `arn:aws:sts::${MEMBER}:assumed-role/ownership-reader/backstage`,
    );
    const arns = arnsOf(
      await allPages(taggingClient(emulator.url, 'us-east-1', { credentials })),
    );
    expect(arns).toEqual([`arn:aws:sqs:us-east-1:${MEMBER}:member-queue`]);
  });

  it('denies a role the account does not list, and a wrong or missing ExternalId', async () => {
    await expect(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${MEMBER}:role/admin`,
          RoleSessionName: 's1',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    await expect(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${GUARDED}:role/auditor`,
          RoleSessionName: 's1',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${GUARDED}:role/auditor`,
          RoleSessionName: 's1',
          ExternalId: 'wrong-id',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    const ok = await sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${GUARDED}:role/auditor`,
        RoleSessionName: 's1',
        ExternalId: 'secret-id',
      }),
    );
    expect(ok.Credentials?.AccessKeyId).toMatch(new RegExp(`^ASIA${GUARDED}`));
  });

  it('validates the parameters with ValidationError', async () => {
    await expect(
      sts().send(
        new AssumeRoleCommand({ RoleArn: 'not-an-arn', RoleSessionName: 'ok' }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      sts().send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${MEMBER}:role/ownership-reader`,
          RoleSessionName: 'ok',
          DurationSeconds: 60,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('answers an unknown action with InvalidAction in XML', async () => {
    const res = await fetch(emulator.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: fakeAuthorization('AKIAX', 'us-east-1', 'sts'),
      },
      body: 'Action=GetSessionToken&Version=2011-06-15',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidAction</Code>');
  });

  it('works through fromTemporaryCredentials', async () => {
    const credentials = fromTemporaryCredentials({
      masterCredentials: DUMMY_CREDENTIALS,
      params: {
        RoleArn: `arn:aws:iam::${MEMBER}:role/ownership-reader`,
        RoleSessionName: 'tmp',
      },
      clientConfig: { endpoint: emulator.url, region: 'us-east-1' },
    });
    const arns = arnsOf(
      await allPages(taggingClient(emulator.url, 'us-east-1', { credentials })),
    );
    expect(arns).toEqual([`arn:aws:sqs:us-east-1:${MEMBER}:member-queue`]);
  });

  describe('through @backstage/integration-aws-node', () => {
    const saved = process.env.AWS_ENDPOINT_URL_STS;

    afterEach(() => {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
      else process.env.AWS_ENDPOINT_URL_STS = saved;
    });

    it('assumes aws.accounts[].roleName and learns the main account with GetCallerIdentity', async () => {
      process.env.AWS_ENDPOINT_URL_STS = emulator.url;
      const manager = DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({
          aws: {
            mainAccount: DUMMY_CREDENTIALS,
            accounts: [{ accountId: MEMBER, roleName: 'ownership-reader' }],
          },
        }),
      );
      const member = await manager.getCredentialProvider({ accountId: MEMBER });
      const memberArns = arnsOf(
        await allPages(
          taggingClient(emulator.url, 'us-east-1', {
            credentials: member.sdkCredentialProvider,
          }),
        ),
      );
      expect(memberArns).toEqual([
        `arn:aws:sqs:us-east-1:${MEMBER}:member-queue`,
      ]);

      const main = await manager.getCredentialProvider({ accountId: MAIN });
      expect(main.accountId).toBe(MAIN);
      const mainArns = arnsOf(
        await allPages(
          taggingClient(emulator.url, 'eu-west-1', {
            credentials: main.sdkCredentialProvider,
          }),
        ),
      );
      expect(mainArns).toContain(
        `arn:aws:lambda:eu-west-1:${MAIN}:function:orders-handler`,
      );

      const calls = emulator.stats().calls;
      expect(calls).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            accountId: MAIN,
            operation: 'AssumeRole',
            calls: 1,
          }),
          expect.objectContaining({
            accountId: MAIN,
            operation: 'GetCallerIdentity',
            calls: 1,
          }),
          expect.objectContaining({
            accountId: MEMBER,
            region: 'us-east-1',
            operation: 'GetResources',
          }),
        ]),
      );
    });
  });
});
