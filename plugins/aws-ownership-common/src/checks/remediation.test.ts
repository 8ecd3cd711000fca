import { shellQuote, tagResourcesCommand } from './remediation';

describe('shellQuote', () => {
  it.each([
    'arn:aws:s3:::orders-data',
    'us-east-1',
    'cost-center=COST_CENTER',
    'kubernetes.io/cluster/x=owned',
  ])('leaves %j as it is', word => expect(shellQuote(word)).toBe(word));
  it.each([
    ['', "''"],
    ['Patch Group=PATCH_GROUP', "'Patch Group=PATCH_GROUP'"],
    ["o'neil", "'o'\\''neil'"],
    ['a;b', "'a;b'"],
    ['$HOME', "'$HOME'"],
    ['\u00e9t\u00e9', "'\u00e9t\u00e9'"],
  ])('quotes %j', (word, quoted) => expect(shellQuote(word)).toBe(quoted));
});

describe('tagResourcesCommand', () => {
  it('quotes each tag and adds the region of a global resource', () => {
    expect(
      tagResourcesCommand(
        {
          arn: 'arn:aws:s3:::orders-data',
          region: '',
          sourceRegion: 'eu-west-1',
        },
        [
          ['owner', 'OWNER'],
          ['Patch Group', ''],
        ],
      ),
    ).toBe(
      "aws resourcegroupstaggingapi tag-resources --resource-arn-list arn:aws:s3:::orders-data --tags owner=OWNER,'Patch Group=' --region eu-west-1",
    );
  });
});
