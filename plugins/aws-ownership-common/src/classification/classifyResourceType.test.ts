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
    ]) {
      expect(classificationTable[type].note).toBeTruthy();
    }
  });
});
