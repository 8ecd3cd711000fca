import type { CheckResult } from '@aws-ownership/backstage-plugin-common';
import {
  checkStatusCode,
  decodeCheckStatuses,
  encodeCheckStatuses,
} from './checkStatusCodec';

const results: CheckResult[] = [
  {
    checkId: 'naming.convention',
    checklist: 'naming',
    status: 'fail',
    severity: 'medium',
    message: 'm',
    remediation: 'r',
  },
  {
    checkId: 'tagging.required',
    checklist: 'tagging',
    status: 'pass',
    severity: 'high',
    message: 'm',
  },
  {
    checkId: 'responsibility.owner-assigned',
    checklist: 'responsibility',
    status: 'not-applicable',
    severity: 'critical',
    message: 'm',
  },
  {
    checkId: 'responsibility.backup',
    checklist: 'responsibility',
    status: 'exempt',
    severity: 'high',
    message: 'm',
  },
  {
    checkId: 'custom.cost-center',
    checklist: 'tagging',
    status: 'fail',
    severity: 'low',
    message: 'm',
  },
];

describe('check status codec', () => {
  it('keeps every check id, status, severity and checklist', () => {
    const text = encodeCheckStatuses(results);
    expect(text).toBe(
      ',naming.convention=fmn,tagging.required=pht,responsibility.owner-assigned=ncr,responsibility.backup=ehr,custom.cost-center=flt,',
    );
    expect(decodeCheckStatuses(text)).toEqual(
      results.map(({ checkId, checklist, status, severity }) => ({
        checkId,
        checklist,
        status,
        severity,
        message: '',
      })),
    );
  });

  it('lets a LIKE pattern find one check with one status', () => {
    const text = encodeCheckStatuses(results);
    expect(text).toContain(`,naming.convention=${checkStatusCode('fail')}`);
    expect(text).not.toContain(`,tagging.required=${checkStatusCode('fail')}`);
  });

  it('decodes an empty list', () => {
    expect(decodeCheckStatuses(',')).toEqual([]);
    expect(encodeCheckStatuses([])).toBe(',');
  });
});
