import {
  awsOwnershipPlugin,
  isAwsOwnershipGroup,
  isAwsOwnershipResourceHolder,
  isAwsOwnershipSummaryAvailable,
} from './index';
import {
  apiEntity,
  componentEntity,
  groupEntity,
  systemEntity,
  userEntity,
} from './__testUtils__/fixtures';

describe('aws-ownership (legacy frontend system)', () => {
  it('is the aws-ownership plugin with its API', () => {
    expect(awsOwnershipPlugin.getId()).toBe('aws-ownership');
    expect([...awsOwnershipPlugin.getApis()].map(f => f.api.id)).toEqual([
      'plugin.aws-ownership.service',
      'plugin.aws-ownership.reviews',
    ]);
  });

  it('tells EntitySwitch where each extension belongs', () => {
    const all = [
      groupEntity,
      componentEntity,
      systemEntity,
      apiEntity,
      userEntity,
    ];
    const kinds = (pred: (e: any) => boolean) =>
      all.filter(pred).map(e => e.kind);
    expect(kinds(isAwsOwnershipGroup)).toEqual(['Group']);
    expect(kinds(isAwsOwnershipResourceHolder)).toEqual([
      'Component',
      'System',
    ]);
    expect(kinds(isAwsOwnershipSummaryAvailable)).toEqual([
      'Group',
      'Component',
    ]);
  });
});
