import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nothingDoneValues } from '../checks/responsibility';
import type { Severity } from '../checks/severity';
import { buildResource } from '../model/buildResource';
import type { OwnershipContext } from '../model/types';
import { evaluateResource } from './evaluateResource';
import { gradeForScore } from './grade';

// golden-ratings.json: the demo inventory and edge cases rated by the rules as
// they were before caps, the declaration vocabulary and the classification
// fixes (made by scripts/makeGoldenRatings.ts at commit 894d600).
interface GoldenRow {
  arn: string;
  tags: Record<string, string>;
  context: OwnershipContext;
  score: number;
  grade: string;
  /** `checkId status severity` */
  results: string[];
}
const golden: GoldenRow[] = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'golden-ratings.json'), 'utf8'),
);

const caps: Partial<Record<Severity, number>> = {
  critical: 39.9,
  high: 74.9,
  medium: 89.9,
};

const declaresNothing = (value: string | undefined) =>
  value !== undefined && nothingDoneValues.includes(value.trim().toLowerCase());
const tag = (row: GoldenRow, keys: string[]) =>
  Object.entries(row.tags).find(([k]) => keys.includes(k.toLowerCase()))?.[1];

/**
 * The rules that may change a status, each naming the results it changes; a
 * status change no rule explains fails the test.
 */
const changeRules: Array<{
  rule: string;
  explains(row: GoldenRow, checkId: string, resourceType: string): boolean;
}> = [
  {
    rule: 'a backup tag that declares nothing fails unless the data is public',
    explains: (row, checkId) =>
      checkId === 'responsibility.backup' &&
      declaresNothing(tag(row, ['backup', 'backup-plan'])),
  },
  {
    rule: 'a patching tag that declares nothing fails',
    explains: (row, checkId) =>
      checkId === 'responsibility.patching' &&
      declaresNothing(tag(row, ['patch group', 'patchgroup', 'patching'])),
  },
  {
    rule: 'an encryption tag that declares nothing fails',
    explains: (row, checkId) =>
      checkId === 'responsibility.client-side-encryption' &&
      declaresNothing(tag(row, ['encryption'])),
  },
  {
    rule: 'EKS node groups are not judged by a Patch Group tag; ECS container instances are',
    explains: (_, checkId, type) =>
      checkId === 'responsibility.patching' &&
      ['eks:nodegroup', 'ecs:container-instance'].includes(type),
  },
  {
    rule: 'EFS is abstract: no availability objective, client-side encryption for sensitive data',
    explains: (_, checkId, type) =>
      type.startsWith('elasticfilesystem:') &&
      [
        'responsibility.availability',
        'responsibility.client-side-encryption',
      ].includes(checkId),
  },
  {
    rule: 'the backup set covers Redshift, OpenSearch, DocumentDB and MemoryDB',
    explains: (_, checkId, type) =>
      checkId === 'responsibility.backup' &&
      ['redshift:cluster', 'es:domain', 'memorydb:cluster'].includes(type),
  },
  {
    rule: 'newly classified types: CodePipeline, Lightsail, Redshift Serverless, DAX, CloudTrail',
    explains: (_, _checkId, type) =>
      /^(codepipeline|lightsail|redshift-serverless|dax|cloudtrail):/.test(
        type,
      ),
  },
];

const parse = (line: string) => {
  const [checkId, status, severity] = line.split(' ');
  return { checkId, status, severity: severity as Severity };
};

describe('the golden inventory', () => {
  const rated = golden.map(row => {
    const resource = buildResource({
      arn: row.arn,
      tags: row.tags,
      sourceRegion: 'us-east-1',
    });
    return {
      row,
      resourceType: resource.resourceType,
      rating: evaluateResource(resource, row.context),
    };
  });

  it('holds the demo inventory and the edge cases', () => {
    expect(golden.length).toBeGreaterThan(420);
  });

  it('keeps every status but those the change rules explain', () => {
    const unexplained: string[] = [];
    const used = new Set<string>();
    for (const { row, resourceType, rating } of rated) {
      const now = new Map(rating.results.map(r => [r.checkId, r]));
      for (const before of row.results.map(parse)) {
        const after = now.get(before.checkId);
        expect(after?.severity).toBe(before.severity);
        if (after?.status === before.status) continue;
        const rule = changeRules.find(r =>
          r.explains(row, before.checkId, resourceType),
        );
        if (rule) used.add(rule.rule);
        else {
          unexplained.push(
            `${row.arn} ${before.checkId}: ${before.status} -> ${after?.status}`,
          );
        }
      }
    }
    expect(unexplained).toEqual([]);
    // every rule changes something in the fixture: none is dead
    expect([...used].sort()).toEqual(changeRules.map(r => r.rule).sort());
  });

  it('scores unchanged results as before, capped by the worst failing severity', () => {
    let compared = 0;
    for (const { row, rating } of rated) {
      const before = row.results.map(parse);
      const unchanged = before.every(
        (b, i) => rating.results[i].status === b.status,
      );
      if (!unchanged) continue;
      compared++;
      expect(rating.rawScore).toBe(row.score);
      const worst = (['critical', 'high', 'medium'] as const).find(severity =>
        before.some(b => b.status === 'fail' && b.severity === severity),
      );
      const capped = worst ? Math.min(row.score, caps[worst]!) : row.score;
      expect(rating.score).toBe(capped);
      expect(rating.grade).toBe(gradeForScore(capped));
      expect(rating.cappedBy !== undefined).toBe(capped < row.score);
    }
    expect(compared).toBeGreaterThan(400);
  });
});
