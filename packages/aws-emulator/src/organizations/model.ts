import { randomUUID } from 'node:crypto';
import type {
  Inventory,
  InventoryOrganization,
  InventoryOrganizationalUnit,
} from '../inventory/types';

/** `Account` as the Organizations API returns it. */
export interface ApiAccount {
  Id: string;
  Arn: string;
  Email: string;
  Name: string;
  Status: string;
  State: string;
  Paths: string[];
  JoinedMethod: string;
  /** Epoch seconds, as JSON 1.1 sends timestamps. */
  JoinedTimestamp: number;
}

/** `OrganizationalUnit` as the Organizations API returns it. */
export interface ApiOrganizationalUnit {
  Id: string;
  Arn: string;
  Name: string;
  Path: string;
}

/** `PolicyTypeSummary` as the Organizations API returns it. */
export interface ApiPolicyType {
  Type: string;
  Status: string;
}

/** `Root` as the Organizations API returns it. */
export interface ApiRoot {
  Id: string;
  Arn: string;
  Name: string;
  PolicyTypes: ApiPolicyType[];
}

/** `Organization` as DescribeOrganization returns it. */
export interface ApiOrganization {
  Id: string;
  Arn: string;
  FeatureSet: 'ALL';
  MasterAccountArn: string;
  MasterAccountId: string;
  MasterAccountEmail: string;
  AvailablePolicyTypes: ApiPolicyType[];
}

interface Parent {
  accounts: ApiAccount[];
  units: ApiOrganizationalUnit[];
}

const DEFAULT_JOINED = '2020-01-01T00:00:00Z';

/** An inventory's organization, shaped once at load for the Organizations API. */
export class OrganizationModel {
  /** Changes with every load, so that a NextToken from another inventory is refused. */
  readonly generation = randomUUID();
  readonly organization: ApiOrganization;
  readonly roots: ApiRoot[] = [];
  readonly accounts: ApiAccount[] = [];
  private readonly parents = new Map<string, Parent>();
  private readonly members: Set<string>;
  private readonly administrators: Set<string>;

  private constructor(
    org: InventoryOrganization,
    policyTypes: ApiPolicyType[],
  ) {
    const arn = (kind: string, id: string) =>
      `arn:aws:organizations::${org.managementAccountId}:${kind}/${org.id}/${id}`;
    const paths = new Map<string, string>();
    const addUnits = (
      units: InventoryOrganizationalUnit[] | undefined,
      parent: Parent,
      parentPath: string,
    ) => {
      for (const unit of units ?? []) {
        const path = `${parentPath}${unit.id}/`;
        paths.set(unit.id, path);
        parent.units.push({
          Id: unit.id,
          Arn: arn('ou', unit.id),
          Name: unit.name,
          Path: path,
        });
        const own: Parent = { accounts: [], units: [] };
        this.parents.set(unit.id, own);
        addUnits(unit.organizationalUnits, own, path);
      }
    };
    for (const root of org.roots) {
      const path = `${org.id}/${root.id}/`;
      paths.set(root.id, path);
      this.roots.push({
        Id: root.id,
        Arn: arn('root', root.id),
        Name: root.name ?? 'Root',
        PolicyTypes: policyTypes,
      });
      const parent: Parent = { accounts: [], units: [] };
      this.parents.set(root.id, parent);
      addUnits(root.organizationalUnits, parent, path);
    }
    for (const account of org.accounts) {
      const status = account.status ?? 'ACTIVE';
      const api: ApiAccount = {
        Id: account.accountId,
        Arn: arn('account', account.accountId),
        Email: account.email,
        Name: account.name,
        Status: status,
        State: status,
        Paths: [`${paths.get(account.parentId)}${account.accountId}/`],
        JoinedMethod: account.joinedMethod ?? 'CREATED',
        JoinedTimestamp:
          Date.parse(account.joinedTimestamp ?? DEFAULT_JOINED) / 1000,
      };
      this.accounts.push(api);
      this.parents.get(account.parentId)!.accounts.push(api);
    }
    const management = this.accounts.find(
      a => a.Id === org.managementAccountId,
    )!;
    this.organization = {
      Id: org.id,
      Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.id}`,
      FeatureSet: 'ALL',
      MasterAccountArn: management.Arn,
      MasterAccountId: management.Id,
      MasterAccountEmail: management.Email,
      AvailablePolicyTypes: policyTypes,
    };
    this.members = new Set(this.accounts.map(a => a.Id));
    this.administrators = new Set([
      org.managementAccountId,
      ...(org.delegatedAdministrators ?? []),
    ]);
  }

  /** The organization of an inventory, or undefined when it has none. */
  static build(inventory: Inventory): OrganizationModel | undefined {
    if (!inventory.organization) return undefined;
    // The inventory's tag policy is a (subset of an) Organizations tag policy.
    const policyTypes = inventory.tagPolicy
      ? [{ Type: 'TAG_POLICY', Status: 'ENABLED' }]
      : [];
    return new OrganizationModel(inventory.organization, policyTypes);
  }

  /** Whether the account belongs to the organization. */
  isMember(accountId: string): boolean {
    return this.members.has(accountId);
  }

  /** Whether the account may list the organization: the management account or a delegated administrator. */
  mayList(accountId: string): boolean {
    return this.administrators.has(accountId);
  }

  /** The accounts and OUs directly under a root or OU, or undefined for an unknown parent. */
  children(parentId: string): Parent | undefined {
    return this.parents.get(parentId);
  }
}
