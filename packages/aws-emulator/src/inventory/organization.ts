import type {
  InventoryOrganization,
  InventoryOrganizationalUnit,
  OrganizationAccountStatus,
} from './types';

/** Reports a bad field (`path`) and stops; the loader turns it into an InventoryError. */
export type FailFn = (path: string, what: string) => never;

// The id patterns of the Organizations API model (AWSOrganizationsV20161128).
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
const ACCOUNT_ID = /^\d{12}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The account statuses the inventory accepts: those that are both an AccountStatus and an AccountState. */
export const ORGANIZATION_ACCOUNT_STATUSES: readonly OrganizationAccountStatus[] =
  ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(
  value: unknown,
  path: string,
  fail: FailFn,
  pattern?: RegExp,
  what = 'must be a non-empty string',
): string {
  if (
    typeof value !== 'string' ||
    !value ||
    (pattern && !pattern.test(value))
  ) {
    fail(path, what);
  }
  return value as string;
}

function checkUnits(
  value: unknown,
  path: string,
  parentIds: Set<string>,
  fail: FailFn,
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) fail(path, 'must be an array');
  value.forEach((unit, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(unit)) fail(at, 'must be an object');
    const id = checkString(
      unit.id,
      `${at}.id`,
      fail,
      OU_ID,
      'must be an OU id such as ou-ab12-k3j9x0q2',
    );
    if (parentIds.has(id)) fail(`${at}.id`, `repeats ${id}`);
    parentIds.add(id);
    checkString(unit.name, `${at}.name`, fail);
    checkUnits(
      (unit as Partial<InventoryOrganizationalUnit>).organizationalUnits,
      `${at}.organizationalUnits`,
      parentIds,
      fail,
    );
  });
}

/** Validates an inventory's `organization` block, naming the first bad field. */
export function checkOrganization(
  value: unknown,
  fail: FailFn,
): InventoryOrganization {
  const path = 'organization';
  if (!isRecord(value)) fail(path, 'must be an object');
  checkString(
    value.id,
    `${path}.id`,
    fail,
    ORGANIZATION_ID,
    'must be an organization id such as o-a1b2c3d4e5',
  );
  const management = checkString(
    value.managementAccountId,
    `${path}.managementAccountId`,
    fail,
    ACCOUNT_ID,
    'must be a 12-digit account id',
  );
  if (!Array.isArray(value.roots) || value.roots.length === 0) {
    fail(`${path}.roots`, 'must be a non-empty array');
  }
  const parentIds = new Set<string>();
  value.roots.forEach((root, i) => {
    const at = `${path}.roots[${i}]`;
    if (!isRecord(root)) fail(at, 'must be an object');
    const id = checkString(
      root.id,
      `${at}.id`,
      fail,
      ROOT_ID,
      'must be a root id such as r-ab12',
    );
    if (parentIds.has(id)) fail(`${at}.id`, `repeats ${id}`);
    parentIds.add(id);
    if (root.name !== undefined) checkString(root.name, `${at}.name`, fail);
    checkUnits(
      root.organizationalUnits,
      `${at}.organizationalUnits`,
      parentIds,
      fail,
    );
  });
  if (!Array.isArray(value.accounts)) {
    fail(`${path}.accounts`, 'must be an array');
  }
  const accountIds = new Set<string>();
  value.accounts.forEach((account, i) => {
    const at = `${path}.accounts[${i}]`;
    if (!isRecord(account)) fail(at, 'must be an object');
    const id = checkString(
      account.accountId,
      `${at}.accountId`,
      fail,
      ACCOUNT_ID,
      'must be a 12-digit account id',
    );
    if (accountIds.has(id)) fail(`${at}.accountId`, `repeats ${id}`);
    accountIds.add(id);
    checkString(account.name, `${at}.name`, fail);
    checkString(account.email, `${at}.email`, fail, EMAIL, 'must be an email');
    const parent = checkString(account.parentId, `${at}.parentId`, fail);
    if (!parentIds.has(parent)) {
      fail(`${at}.parentId`, `names no root or OU of the organization`);
    }
    if (
      account.status !== undefined &&
      !ORGANIZATION_ACCOUNT_STATUSES.includes(
        account.status as OrganizationAccountStatus,
      )
    ) {
      fail(
        `${at}.status`,
        `must be one of ${ORGANIZATION_ACCOUNT_STATUSES.join(', ')}`,
      );
    }
    if (
      account.joinedMethod !== undefined &&
      account.joinedMethod !== 'CREATED' &&
      account.joinedMethod !== 'INVITED'
    ) {
      fail(`${at}.joinedMethod`, 'must be CREATED or INVITED');
    }
    if (
      account.joinedTimestamp !== undefined &&
      (typeof account.joinedTimestamp !== 'string' ||
        Number.isNaN(Date.parse(account.joinedTimestamp)))
    ) {
      fail(`${at}.joinedTimestamp`, 'must be an ISO 8601 date');
    }
  });
  if (!accountIds.has(management)) {
    fail(`${path}.managementAccountId`, 'must be one of its accounts');
  }
  if (value.delegatedAdministrators !== undefined) {
    const admins = value.delegatedAdministrators;
    if (
      !Array.isArray(admins) ||
      admins.some(a => typeof a !== 'string' || !accountIds.has(a))
    ) {
      fail(
        `${path}.delegatedAdministrators`,
        'must list account ids of the organization',
      );
    }
  }
  return value as unknown as InventoryOrganization;
}
