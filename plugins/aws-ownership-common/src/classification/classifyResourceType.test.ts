import { parseResourceArn } from '../arn/parseResourceArn';
import { classifyResourceType } from './classifyResourceType';
import { classificationTable } from './table';

describe('classifyResourceType', () => {
  it.each([
    ['ec2:instance', 'infrastructure'],
    ['eks:nodegroup', 'infrastructure'],
    ['eks:cluster', 'container'],
    ['ecs:service', 'container'],
    ['elasticloadbalancing:loadbalancer', 'container'],
    ['elasticache:cluster', 'container'],
    ['elasticache:serverlesscache', 'abstract'],
    ['es:domain', 'container'],
    ['lambda:function', 'abstract'],
    ['s3:bucket', 'abstract'],
    ['cloudformation:stack', 'unclassified'],
    ['ecs:container-instance', 'infrastructure'],
    ['elasticfilesystem:file-system', 'abstract'],
    ['codepipeline:pipeline', 'abstract'],
    ['lightsail:Instance', 'infrastructure'],
    ['redshift-serverless:workgroup', 'container'],
    ['redshift-serverless:namespace', 'container'],
    ['dax:cache', 'container'],
    ['cloudtrail:trail', 'abstract'],
    ['made-up:thing', 'unclassified'],
    ['constructor', 'unclassified'],
  ])('%s is %s', (type, category) => {
    expect(classifyResourceType(type)).toBe(category);
  });
  it('applies overrides first', () => {
    expect(
      classifyResourceType('ecs:service', { 'ecs:service': 'infrastructure' }),
    ).toBe('infrastructure');
    expect(
      classifyResourceType('made-up:thing', { 'made-up:thing': 'abstract' }),
    ).toBe('abstract');
  });
  it('covers at least 60 types and documents the ambiguous ones', () => {
    expect(Object.keys(classificationTable).length).toBeGreaterThanOrEqual(60);
    for (const type of [
      'lambda:function',
      'ecs:cluster',
      'eks:cluster',
      'eks:nodegroup',
      'elasticache:cluster',
      'elasticache:serverlesscache',
      'es:domain',
      'elasticloadbalancing:loadbalancer',
      'elasticfilesystem:file-system',
      'lightsail:Instance',
      'redshift-serverless:workgroup',
    ]) {
      expect(classificationTable[type].note).toBeTruthy();
    }
  });
});

describe('the AWS ARN formats of the newly classified types', () => {
  // formats from AWS's own references (SDK models, Service Authorization Reference)
  it.each([
    [
      'arn:aws:codepipeline:us-east-1:111122223333:orders-pipeline',
      'codepipeline:pipeline',
      'orders-pipeline',
    ],
    [
      'arn:aws:lightsail:us-east-2:123456789101:Instance/244ad76f-8aad-4741-809f-12345EXAMPLE',
      'lightsail:Instance',
      '244ad76f-8aad-4741-809f-12345EXAMPLE',
    ],
    [
      'arn:aws:redshift-serverless:us-east-1:111122223333:workgroup/0a1b2c3d-1234-5678-9abc-0123456789ab',
      'redshift-serverless:workgroup',
      '0a1b2c3d-1234-5678-9abc-0123456789ab',
    ],
    [
      'arn:aws:redshift-serverless:us-east-1:111122223333:namespace/0a1b2c3d-1234-5678-9abc-0123456789ab',
      'redshift-serverless:namespace',
      '0a1b2c3d-1234-5678-9abc-0123456789ab',
    ],
    [
      'arn:aws:dax:us-east-1:111122223333:cache/orders-dax',
      'dax:cache',
      'orders-dax',
    ],
    [
      'arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail',
      'cloudtrail:trail',
      'MyTrail',
    ],
  ])('%s is a %s', (arn, resourceType, resourceId) => {
    const parsed = parseResourceArn(arn);
    expect(parsed).toMatchObject({ resourceType, resourceId });
    expect(classifyResourceType(parsed.resourceType)).not.toBe('unclassified');
  });
});
