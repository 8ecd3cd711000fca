import {
  Account,
  OrganizationsClient,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';

/** What reading an organisation's accounts needs. */
export interface DiscoverAccountsOptions {
  /** A client signed as the management or a delegated administrator account. */
  client: OrganizationsClient;
  /**
   * OU ids (`ou-...`) or names whose accounts, nested OUs included, are kept;
   * absent: every account of the organisation.
   */
  includeOrganizationalUnits?: ReadonlyArray<string>;
  /** Account ids left out. */
  excludeAccounts?: ReadonlyArray<string>;
}

/** An account of the organisation that can be scanned. */
export interface DiscoveredAccount {
  accountId: string;
  name?: string;
}

// `Status` is being retired in favour of `State` (the SDK's model says so).
const isActive = (account: Account) =>
  (account.State ?? account.Status) === 'ACTIVE';

async function accountsUnder(
  client: OrganizationsClient,
  parentId: string,
): Promise<Account[]> {
  const accounts: Account[] = [];
  for await (const page of paginateListAccountsForParent(
    { client },
    { ParentId: parentId },
  )) {
    accounts.push(...(page.Accounts ?? []));
  }
  return accounts;
}

/**
 * Walks the OU tree from the roots and lists the accounts under every OU the
 * filter names (by id or name), the OUs nested in it included.
 */
async function accountsInUnits(
  client: OrganizationsClient,
  wanted: ReadonlyArray<string>,
): Promise<Account[]> {
  const found: Account[] = [];
  const visit = async (parentId: string, included: boolean) => {
    if (included) found.push(...(await accountsUnder(client, parentId)));
    for await (const page of paginateListOrganizationalUnitsForParent(
      { client },
      { ParentId: parentId },
    )) {
      for (const unit of page.OrganizationalUnits ?? []) {
        const named = wanted.includes(unit.Id!) || wanted.includes(unit.Name!);
        await visit(unit.Id!, included || named);
      }
    }
  };
  for await (const page of paginateListRoots({ client }, {})) {
    for (const root of page.Roots ?? []) {
      await visit(root.Id!, wanted.includes(root.Id!));
    }
  }
  return found;
}

/**
 * The active accounts of an AWS Organization, optionally only those in some
 * OUs, without the excluded ones; suspended and closing accounts are skipped.
 */
export async function discoverAccounts(
  options: DiscoverAccountsOptions,
): Promise<DiscoveredAccount[]> {
  const { client } = options;
  let accounts: Account[] = [];
  if (options.includeOrganizationalUnits?.length) {
    accounts = await accountsInUnits(
      client,
      options.includeOrganizationalUnits,
    );
  } else {
    for await (const page of paginateListAccounts({ client }, {})) {
      accounts.push(...(page.Accounts ?? []));
    }
  }
  const excluded = new Set(options.excludeAccounts ?? []);
  const seen = new Set<string>();
  return accounts
    .filter(a => a.Id && isActive(a) && !excluded.has(a.Id))
    .filter(a => !seen.has(a.Id!) && seen.add(a.Id!))
    .map(a => ({ accountId: a.Id!, name: a.Name }))
    .sort((a, b) => a.accountId.localeCompare(b.accountId));
}
