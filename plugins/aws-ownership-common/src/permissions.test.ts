import { checkDefinitions, getCheckDefinition } from './checks/definitions';
import { builtinChecks } from './checks/builtinChecks';
import {
  awsOwnershipPermissions,
  awsOwnershipScanCreatePermission,
  awsOwnershipScorecardReadPermission,
} from './permissions';

describe('permissions', () => {
  it('declares the permissions, exemption ones as resource permissions', () => {
    expect(awsOwnershipScorecardReadPermission).toEqual({
      type: 'basic',
      name: 'aws-ownership.scorecard.read',
      attributes: { action: 'read' },
    });
    expect(awsOwnershipScanCreatePermission).toEqual({
      type: 'basic',
      name: 'aws-ownership.scan.create',
      attributes: { action: 'create' },
    });
    expect(awsOwnershipPermissions.map(p => p.name)).toEqual([
      'aws-ownership.scorecard.read',
      'aws-ownership.scan.create',
      'aws-ownership.review.create',
      'aws-ownership.action.update',
      'aws-ownership.exemption.request',
      'aws-ownership.exemption.approve',
      'aws-ownership.exemption.revoke',
    ]);
    expect(awsOwnershipPermissions[5]).toEqual({
      type: 'resource',
      name: 'aws-ownership.exemption.approve',
      attributes: { action: 'update' },
      resourceType: 'aws-ownership-exemption',
    });
  });
});

describe('check catalogue', () => {
  it('lists the 26 spec checks with text and no rule', () => {
    expect(checkDefinitions.map(d => d.id)).toEqual([
      'naming.name-present',
      'naming.convention',
      'naming.environment-consistent',
      'naming.no-placeholder',
      'tagging.required',
      'tagging.allowed-values',
      'tagging.key-style',
      'tagging.no-case-duplicates',
      'tagging.no-placeholder-values',
      'tagging.tag-policy',
      'tagging.headroom',
      'tagging.no-secrets',
      'responsibility.owner-assigned',
      'responsibility.owner-resolves',
      'responsibility.escalation',
      'responsibility.data-classification',
      'responsibility.backup',
      'responsibility.patching',
      'responsibility.availability',
      'responsibility.client-side-encryption',
      'responsibility.managed-by-code',
      'responsibility.encryption-at-rest',
      'responsibility.no-public-access',
      'responsibility.multi-az',
      'responsibility.imds-v2',
      'responsibility.access-logging',
    ]);
    for (const d of checkDefinitions) {
      expect(d.id.startsWith(`${d.checklist}.`)).toBe(true);
      expect(
        d.title && d.description && d.appliesTo && d.remediation,
      ).toBeTruthy();
      expect(d).not.toHaveProperty('evaluate');
    }
    expect(new Set(builtinChecks.map(c => c.id)).size).toBe(
      builtinChecks.length,
    );
  });
  it('has the spec severities', () => {
    expect(getCheckDefinition('tagging.no-secrets')?.severity).toBe('critical');
    expect(getCheckDefinition('responsibility.owner-resolves')?.severity).toBe(
      'critical',
    );
    expect(getCheckDefinition('tagging.headroom')?.severity).toBe('low');
    expect(getCheckDefinition('naming.convention')?.severity).toBe('medium');
    expect(getCheckDefinition('nope')).toBeUndefined();
  });
});
