import type { AwsOwnershipEvidenceProvider } from '@aws-ownership/backstage-plugin-node';
import { ScanEvidence } from './ScanEvidence';
import { selectExpression } from './configQueries';
import { configEvidenceType } from '@aws-ownership/backstage-plugin-common';

const evidence = (facts: Record<string, unknown>) => ({
  source: 'AWS Config',
  capturedAt: '2026-11-29T09:00:00.000Z',
  facts,
});
const vol = (n: number) =>
  `arn:aws:ec2:us-east-1:111122223333:volume/vol-0000000000000000${n}`;

const provider = (
  answer: AwsOwnershipEvidenceProvider['readAccount'],
): AwsOwnershipEvidenceProvider => ({ source: 'test', readAccount: answer });

describe('ScanEvidence', () => {
  const request = {
    accountId: '111122223333',
    regions: ['us-east-1', 'eu-west-1'],
  };

  it('hands out facts by ARN, then what was never listed, and counts coverage', async () => {
    const scan = await ScanEvidence.read(
      [
        provider(async () => [
          {
            region: 'us-east-1',
            recording: 'on',
            available: true,
            records: [
              { arn: vol(1), evidence: evidence({ encryptedAtRest: false }) },
              { arn: vol(2), evidence: evidence({ encryptedAtRest: true }) },
            ],
          },
          {
            region: 'eu-west-1',
            recording: 'off',
            available: false,
            reason: 'AWS Config is not recording in eu-west-1',
            records: [],
          },
        ]),
      ],
      request,
    );
    expect(scan.take(vol(1), 'us-east-1').evidence?.facts).toEqual({
      encryptedAtRest: false,
    });
    expect(scan.take(vol(3), 'us-east-1')).toEqual({});
    expect(scan.take('arn:aws:s3:::b', 'eu-west-1')).toEqual({
      unavailable: 'AWS Config is not recording in eu-west-1',
    });
    expect(scan.takeNeverTagged('us-east-1').map(r => r.arn)).toEqual([vol(2)]);
    expect(scan.takeNeverTagged('us-east-1')).toEqual([]);
    expect(scan.coverage('111122223333', 'scan-1')).toEqual([
      {
        accountId: '111122223333',
        region: 'us-east-1',
        scanId: 'scan-1',
        configRecording: 'on',
        recordedByConfig: 2,
        listedByTagging: 2,
        neverTagged: 1,
        evidenceAvailable: true,
      },
      {
        accountId: '111122223333',
        region: 'eu-west-1',
        scanId: 'scan-1',
        configRecording: 'off',
        recordedByConfig: 0,
        listedByTagging: 1,
        neverTagged: 0,
        evidenceAvailable: false,
        evidenceUnavailableReason: 'AWS Config is not recording in eu-west-1',
      },
    ]);
  });

  it('makes a throwing provider unavailable instead of failing, with the reason', async () => {
    const scan = await ScanEvidence.read(
      [
        provider(async () => {
          throw Object.assign(new Error('not authorized'), {
            name: 'AccessDeniedException',
          });
        }),
      ],
      request,
    );
    expect(scan.take(vol(1), 'us-east-1').unavailable).toContain(
      'AccessDeniedException',
    );
  });

  it('merges facts of several providers for one ARN', async () => {
    const scan = await ScanEvidence.read(
      [
        provider(async () => [
          {
            region: 'us-east-1',
            recording: 'on',
            available: true,
            records: [
              { arn: vol(1), evidence: evidence({ encryptedAtRest: true }) },
            ],
          },
        ]),
        provider(async () => [
          {
            region: 'us-east-1',
            recording: 'unknown',
            available: true,
            records: [{ arn: vol(1), evidence: evidence({ multiAz: true }) }],
          },
        ]),
      ],
      { ...request, regions: ['us-east-1'] },
    );
    expect(scan.take(vol(1), 'us-east-1').evidence?.facts).toEqual({
      encryptedAtRest: true,
      multiAz: true,
    });
  });
});

describe('selectExpression', () => {
  it('selects only the properties the facts need, narrowed for an aggregator', () => {
    const type = configEvidenceType('AWS::EC2::Volume')!;
    expect(selectExpression(type)).toBe(
      "SELECT arn, awsRegion, configurationItemCaptureTime, configuration.encrypted WHERE resourceType = 'AWS::EC2::Volume'",
    );
    expect(
      selectExpression(type, {
        accountId: '111122223333',
        regions: ['us-east-1', 'eu-west-1'],
      }),
    ).toContain(
      "AND accountId = '111122223333' AND awsRegion IN ('us-east-1', 'eu-west-1')",
    );
  });
});
