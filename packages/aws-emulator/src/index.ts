/**
 * A local AWS endpoint for the Resource Groups Tagging API, AWS Config, AWS Organizations and STS, for the demo portal,
 * the end-to-end run, the benchmarks and the fault tests.
 *
 * @packageDocumentation
 */

export { startEmulator } from './server';
export type { EmulatorHandle, EmulatorOptions } from './server';
export type { EmulatorLogger } from './emulatorState';
export {
  DEFAULT_PORT,
  DEMO_MAIN_ACCOUNT_ID,
  DEMO_MEMBER_ACCOUNT_ID,
  DEMO_REGIONS,
  DEMO_RESOURCE_COUNT,
  DEMO_ROLE_NAME,
  DEMO_SEED,
} from './constants';
export {
  CONFIG_AGGREGATOR_NAME,
  DEFAULT_TAG_POLICY,
  demoAccounts,
  generateInventory,
  generateResources,
  generatedHeader,
  NEVER_TAGGED_SHARE,
} from './inventory/generate';
export type { GenerateOptions } from './inventory/generate';
export { generateOrganization } from './inventory/generateOrganization';
export type {
  GeneratedOrganization,
  GenerateOrganizationOptions,
} from './inventory/generateOrganization';
export { DEMO_GENERATE_OPTIONS, generateDemoInventory } from './inventory/demo';
export {
  InventoryError,
  loadInventoryFile,
  parseInventory,
} from './inventory/load';
export { serializeInventory, writeInventoryFile } from './inventory/write';
export {
  EXAMPLE_ORG_FILES,
  loadOrgModel,
  parseOrgModel,
} from './inventory/org';
export type { OrgComponent, OrgModel, OrgTeam } from './inventory/org';
export type {
  Inventory,
  InventoryAccount,
  InventoryConfigAggregator,
  InventoryConfigItem,
  InventoryGeneratorInfo,
  InventoryOrganization,
  InventoryOrganizationAccount,
  InventoryOrganizationalUnit,
  InventoryOrganizationRoot,
  InventoryResource,
  OrganizationAccountStatus,
  InventoryRole,
  TagPolicy,
  TagPolicyRule,
} from './inventory/types';
export { accountForAccessKey } from './sts/credentials';
export { DEFAULT_PAGINATION_TOKEN_TTL_MS } from './tagging/pagination';
export { DEFAULT_QUOTA } from './quota/quota';
export type { QuotaConfig } from './quota/quota';
export type { FaultConfig } from './faults';
export { DEFAULT_CONFIG_QUOTA } from './config/configService';
export type { ConfigQuotaConfig } from './config/configService';
export { CONFIG_RESOURCE_TYPES } from './inventory/configItems';
export type { CallCount, EmulatorStats } from './stats';
