import { accessDenied, invalidInput, parentNotFound } from './errors';
import type { OrganizationModel } from './model';
import { ListInput, page, readListInput } from './paging';

/** What an Organizations operation needs besides its input. */
export interface OrganizationsContext {
  model: OrganizationModel;
  /** The calling account, already known to be a member of the organization. */
  caller: string;
  operation: string;
}

/** One Organizations operation: the JSON body of its answer. */
export type OrganizationsOperation = (
  input: unknown,
  ctx: OrganizationsContext,
) => string;

// The model's ParentId pattern, with the alternation inside the anchors.
const PARENT_ID = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;

function listInput(input: unknown, ctx: OrganizationsContext): ListInput {
  if (!ctx.model.mayList(ctx.caller)) throw accessDenied();
  return readListInput(input);
}

function parentOf(list: ListInput, ctx: OrganizationsContext) {
  const parentId = list.body.ParentId;
  if (parentId === undefined || parentId === null || parentId === '') {
    throw invalidInput(
      'INPUT_REQUIRED',
      'You must include a value for ParentId.',
    );
  }
  if (typeof parentId !== 'string' || !PARENT_ID.test(parentId)) {
    throw invalidInput(
      'INVALID_PATTERN',
      'ParentId must be a root id (r-...) or an OU id (ou-...-...).',
    );
  }
  const children = ctx.model.children(parentId);
  if (!children) throw parentNotFound();
  return { parentId, children };
}

function tokenCall(ctx: OrganizationsContext, parentId = '') {
  return {
    operation: ctx.operation,
    parentId,
    caller: ctx.caller,
    generation: ctx.model.generation,
  };
}

/** ListAccounts: every account of the organization, in inventory order. */
export const listAccounts: OrganizationsOperation = (input, ctx) => {
  const list = listInput(input, ctx);
  const { items, nextToken } = page(ctx.model.accounts, list, tokenCall(ctx));
  return JSON.stringify({ Accounts: items, NextToken: nextToken });
};

/** ListAccountsForParent: the accounts directly in a root or OU (not in its child OUs). */
export const listAccountsForParent: OrganizationsOperation = (input, ctx) => {
  const list = listInput(input, ctx);
  const { parentId, children } = parentOf(list, ctx);
  const { items, nextToken } = page(
    children.accounts,
    list,
    tokenCall(ctx, parentId),
  );
  return JSON.stringify({ Accounts: items, NextToken: nextToken });
};

/** ListOrganizationalUnitsForParent: the OUs directly under a root or OU. */
export const listOrganizationalUnitsForParent: OrganizationsOperation = (
  input,
  ctx,
) => {
  const list = listInput(input, ctx);
  const { parentId, children } = parentOf(list, ctx);
  const { items, nextToken } = page(
    children.units,
    list,
    tokenCall(ctx, parentId),
  );
  return JSON.stringify({ OrganizationalUnits: items, NextToken: nextToken });
};

/** ListRoots: the organization's roots. */
export const listRoots: OrganizationsOperation = (input, ctx) => {
  const list = listInput(input, ctx);
  const { items, nextToken } = page(ctx.model.roots, list, tokenCall(ctx));
  return JSON.stringify({ Roots: items, NextToken: nextToken });
};

/** DescribeOrganization: callable from any account of the organization, as on AWS. */
export const describeOrganization: OrganizationsOperation = (_input, ctx) =>
  JSON.stringify({ Organization: ctx.model.organization });

/** The Organizations operations the emulator answers, by name. */
export const ORGANIZATIONS_OPERATIONS: Record<string, OrganizationsOperation> =
  {
    ListAccounts: listAccounts,
    ListAccountsForParent: listAccountsForParent,
    ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
    ListRoots: listRoots,
    DescribeOrganization: describeOrganization,
  };
