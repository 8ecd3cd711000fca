import type { Entity } from '@backstage/catalog-model';
import { createOwnershipResolver } from './createOwnershipResolver';

const group = (
  name: string,
  extra: {
    displayName?: string;
    email?: string;
    aliases?: string;
    oncall?: boolean;
    namespace?: string;
  } = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name,
    namespace: extra.namespace,
    annotations: {
      ...(extra.aliases
        ? { 'aws-ownership/owner-aliases': extra.aliases }
        : {}),
      ...(extra.oncall ? { 'pagerduty.com/service-id': 'P123' } : {}),
    },
  },
  spec: {
    type: 'team',
    profile: { displayName: extra.displayName, email: extra.email },
    children: [],
  },
});

const component = (
  name: string,
  kind = 'Component',
  title?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, title },
  spec: { owner: 'payments' },
});

const entities = [
  group('payments', {
    displayName: 'Payments Team',
    email: 'payments@acme.example',
    aliases: 'pay, payments-team',
    oncall: true,
  }),
  group('search', { displayName: 'Search', email: 'search@acme.example' }),
  group('ops', { namespace: 'infra' }),
  component('orders-api', 'Component', 'Orders API'),
  component('commerce', 'System'),
];

const resolver = createOwnershipResolver(entities, {
  ownerTagKeys: ['owner', 'team'],
  componentTagKeys: ['component', 'app', 'application'],
  escalationAnnotations: ['pagerduty.com/service-id', 'opsgenie.com/team'],
});

describe('createOwnershipResolver', () => {
  it.each([
    ['group:default/payments', 'full entity ref'],
    ['Group:Default/Payments', 'full entity ref in another case'],
    ['payments', 'short ref'],
    ['PAYMENTS TEAM', 'display name ignoring case'],
    ['payments@acme.example', 'email'],
    ['Payments@ACME.example', 'email ignoring case'],
    ['pay', 'alias annotation'],
    ['payments-team', 'alias with surrounding spaces in the annotation'],
  ])('resolves %s (%s) to the Group', value => {
    expect(resolver.resolveGroup(value)).toBe('group:default/payments');
  });

  it('resolves a Group in another namespace by its full ref and by name', () => {
    expect(resolver.resolveGroup('group:infra/ops')).toBe('group:infra/ops');
    expect(resolver.resolveGroup('ops')).toBe('group:infra/ops');
  });

  it('leaves an unknown owner dangling', () => {
    expect(resolver.resolveGroup('finance')).toBeUndefined();
    expect(resolver.resolveGroup('   ')).toBeUndefined();
    expect(resolver.resolveGroup('group:default/')).toBeUndefined();
  });

  it('does not resolve a Component name as an owner', () => {
    expect(resolver.resolveGroup('orders-api')).toBeUndefined();
  });

  it('resolves components and systems by ref, name and title', () => {
    expect(resolver.resolveComponent('orders-api')).toBe(
      'component:default/orders-api',
    );
    expect(resolver.resolveComponent('Orders API')).toBe(
      'component:default/orders-api',
    );
    expect(resolver.resolveComponent('system:default/commerce')).toBe(
      'system:default/commerce',
    );
    expect(resolver.resolveComponent('commerce')).toBe(
      'system:default/commerce',
    );
    expect(resolver.resolveComponent('payments')).toBeUndefined();
  });

  it('builds the ownership context from tags, first owner key present wins', () => {
    expect(
      resolver.resolve({ Team: 'search', owner: 'pay', app: 'orders-api' }),
    ).toEqual({
      ownerTag: { key: 'owner', value: 'pay' },
      ownerRef: 'group:default/payments',
      ownerHasEscalation: true,
      componentRef: 'component:default/orders-api',
    });
    expect(resolver.resolve({ team: 'search' })).toEqual({
      ownerTag: { key: 'team', value: 'search' },
      ownerRef: 'group:default/search',
      ownerHasEscalation: false,
    });
  });

  it('keeps a dangling owner tag without an owner ref', () => {
    expect(resolver.resolve({ owner: 'finance' })).toEqual({
      ownerTag: { key: 'owner', value: 'finance' },
    });
  });

  it('returns an empty context for untagged resources and blank owners', () => {
    expect(resolver.resolve({})).toEqual({});
    expect(resolver.resolve({ owner: ' ' })).toEqual({});
  });
});
