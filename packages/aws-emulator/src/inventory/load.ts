import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArnParts } from './arn';
import { checkOrganization } from './organization';
import {
  checkAccountConfig,
  checkConfigAggregators,
  checkResourceConfig,
} from './loadConfig';
import type {
  Inventory,
  InventoryAccount,
  InventoryResource,
  TagPolicy,
} from './types';

/** Thrown when an inventory does not have the documented shape; the message names the field. */
export class InventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InventoryError';
  }
}

const ACCOUNT_ID = /^\d{12}$/;
/** Files above this size are read line by line (the generator's layout) instead of with one JSON.parse. */
const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, what: string): never {
  throw new InventoryError(`Invalid inventory: ${path} ${what}`);
}

function checkStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    fail(path, 'must be an array of strings');
  }
  return value as string[];
}

function checkAccount(value: unknown, path: string): InventoryAccount {
  if (!isRecord(value)) fail(path, 'must be an object');
  if (
    typeof value.accountId !== 'string' ||
    !ACCOUNT_ID.test(value.accountId)
  ) {
    fail(`${path}.accountId`, 'must be a 12-digit account id');
  }
  checkStringArray(value.regions, `${path}.regions`);
  if (value.roles !== undefined) {
    if (!Array.isArray(value.roles)) fail(`${path}.roles`, 'must be an array');
    value.roles.forEach((role, i) => {
      if (!isRecord(role) || typeof role.name !== 'string' || !role.name) {
        fail(`${path}.roles[${i}].name`, 'must be a non-empty string');
      }
      if (
        role.externalId !== undefined &&
        typeof role.externalId !== 'string'
      ) {
        fail(`${path}.roles[${i}].externalId`, 'must be a string');
      }
    });
  }
  checkAccountConfig(value, path, fail);
  return value as unknown as InventoryAccount;
}

/** Checks one resource entry; exported for the line-by-line loader. */
export function checkResource(value: unknown, path: string): InventoryResource {
  if (!isRecord(value)) fail(path, 'must be an object');
  if (typeof value.arn !== 'string' || !parseArnParts(value.arn)) {
    fail(`${path}.arn`, `is not an ARN: ${JSON.stringify(value.arn)}`);
  }
  if (!isRecord(value.tags)) fail(`${path}.tags`, 'must be an object');
  for (const [key, tagValue] of Object.entries(value.tags)) {
    if (typeof tagValue !== 'string') {
      fail(`${path}.tags.${key}`, 'must be a string');
    }
  }
  if (value.region !== undefined && typeof value.region !== 'string') {
    fail(`${path}.region`, 'must be a string');
  }
  if (
    value.accountId !== undefined &&
    (typeof value.accountId !== 'string' || !ACCOUNT_ID.test(value.accountId))
  ) {
    fail(`${path}.accountId`, 'must be a 12-digit account id');
  }
  checkResourceConfig(value, path, fail);
  return value as unknown as InventoryResource;
}

function checkTagPolicy(value: unknown): TagPolicy {
  if (!isRecord(value) || !isRecord(value.tags)) {
    fail('tagPolicy.tags', 'must be an object');
  }
  for (const [key, rule] of Object.entries(value.tags)) {
    if (!isRecord(rule)) fail(`tagPolicy.tags.${key}`, 'must be an object');
    if (rule.values !== undefined) {
      checkStringArray(rule.values, `tagPolicy.tags.${key}.values`);
    }
    if (rule.requiredFor !== undefined) {
      checkStringArray(rule.requiredFor, `tagPolicy.tags.${key}.requiredFor`);
    }
  }
  return value as unknown as TagPolicy;
}

/** Validates parsed JSON as an inventory; throws InventoryError naming the first bad field. */
export function parseInventory(value: unknown): Inventory {
  if (!isRecord(value)) fail('(root)', 'must be an object');
  if (value.version !== 1) fail('version', 'must be 1');
  if (
    typeof value.mainAccountId !== 'string' ||
    !ACCOUNT_ID.test(value.mainAccountId)
  ) {
    fail('mainAccountId', 'must be a 12-digit account id');
  }
  if (!Array.isArray(value.accounts) || value.accounts.length === 0) {
    fail('accounts', 'must be a non-empty array');
  }
  const accounts = value.accounts.map((a, i) =>
    checkAccount(a, `accounts[${i}]`),
  );
  if (!accounts.some(a => a.accountId === value.mainAccountId)) {
    fail('mainAccountId', 'must be one of the accounts');
  }
  if (value.tagPolicy !== undefined) checkTagPolicy(value.tagPolicy);
  if (value.organization !== undefined) {
    checkOrganization(value.organization, fail);
  }
  checkConfigAggregators(value.configAggregators, fail);
  if (!Array.isArray(value.resources)) fail('resources', 'must be an array');
  value.resources.forEach((r, i) => checkResource(r, `resources[${i}]`));
  return value as unknown as Inventory;
}

async function loadLineByLine(path: string): Promise<Inventory> {
  const resources: InventoryResource[] = [];
  let skeleton = '';
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('{"arn"')) {
      const json = trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed;
      resources.push(
        checkResource(JSON.parse(json), `resources[${resources.length}]`),
      );
    } else {
      skeleton += `${line}\n`;
    }
  }
  const inventory = parseInventory(JSON.parse(skeleton));
  inventory.resources = resources;
  return inventory;
}

/** Reads and validates an inventory file; very large files must be in the generator's one-resource-a-line layout. */
export async function loadInventoryFile(path: string): Promise<Inventory> {
  const { size } = await fs.stat(path);
  if (size > STREAM_THRESHOLD_BYTES) {
    return loadLineByLine(path);
  }
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path, 'utf8'));
  } catch (error) {
    throw new InventoryError(
      `Invalid inventory: ${path} is not JSON (${(error as Error).message})`,
    );
  }
  return parseInventory(json);
}
