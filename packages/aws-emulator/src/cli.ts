#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, DEMO_ROLE_NAME } from './constants';
import type { FaultConfig } from './faults';
import { DEMO_GENERATE_OPTIONS } from './inventory/demo';
import {
  GenerateOptions,
  generateResources,
  generatedHeader,
} from './inventory/generate';
import { loadOrgModel } from './inventory/org';
import { writeInventoryFile } from './inventory/write';
import { startEmulator } from './server';

const HELP = `aws-emulator: a local Resource Groups Tagging API, AWS Config, AWS Organizations and STS endpoint

Usage:
  aws-emulator serve [options]      serve an inventory on http://127.0.0.1:${DEFAULT_PORT}
  aws-emulator generate [options]   write a seeded inventory
  aws-emulator --help

serve:
  --inventory <file>          inventory to serve (default: the generated demo estate)
  --port <n>                  port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>               address to bind (default 127.0.0.1)
  --no-quota                  turn the per-account-and-region quotas off (Tagging API and AWS Config)
  --get-resources-rate <n>    GetResources calls a second per account and region (default 15)
  --tag-reads-rate <n>        GetTagKeys/GetTagValues calls a second (default 5)
  --organizations-rate <n>    Organizations calls a second per calling account (default 5)
  --config-select-rate <n>    AWS Config Select* calls a second per account and region (default 10)
  --token-ttl-seconds <n>     pagination token lifetime (default 900)
  --throttle-share <0..1>     share of calls answered ThrottledException
  --error-share <0..1>        share of calls answered InternalServiceException
  --latency-ms <n>            latency added to every Tagging API call
  --failing-region <region>   a region whose calls always fail (repeatable)

generate:
  --demo                      the demo estate (examples/aws-inventory.json's options)
  --seed <n>                  random seed (required unless --demo)
  --resources <n>             how many resources (required unless --demo)
  --out <file>                where to write (default: stdout)
  --org <file>                Groups YAML (default examples/org.yaml)
  --components <file>         Components/Systems YAML (default examples/components.yaml)
  --accounts <id,id,...>      accounts; the first is the main one, the others are reached
                              through AssumeRole of '${DEMO_ROLE_NAME}' (default: the demo accounts)
  --regions <r,r,...>         regions of every account (default us-east-1,eu-west-1,eu-central-1)
  --no-tag-policy             leave the tag policy out
  --org-accounts <n>          an AWS Organization of n accounts in OUs (replaces --accounts;
                              the first, 111122223333, is the management account)
  --resources-per-account <m> with --org-accounts: m resources in every account
                              (instead of --resources)
  --never-tagged <share>      add resources nobody ever tagged (AWS Config records them, the
                              Tagging API never lists them), as a share of --resources
                              (default 0; --demo: 1/9)

The control endpoint (faults, stats, reset, inventory) is under /_emulator/: see the README.
`;

class UsageError extends Error {}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n))
    throw new UsageError(`--${name} must be a number, got '${value}'`);
  return n;
}

function wholeNumber(
  name: string,
  value: string | undefined,
): number | undefined {
  const n = number(name, value);
  if (n !== undefined && !(Number.isInteger(n) && n >= 0)) {
    throw new UsageError(`--${name} must be a whole number`);
  }
  return n;
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      inventory: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'no-quota': { type: 'boolean' },
      'get-resources-rate': { type: 'string' },
      'tag-reads-rate': { type: 'string' },
      'organizations-rate': { type: 'string' },
      'config-select-rate': { type: 'string' },
      'token-ttl-seconds': { type: 'string' },
      'throttle-share': { type: 'string' },
      'error-share': { type: 'string' },
      'latency-ms': { type: 'string' },
      'failing-region': { type: 'string', multiple: true },
    },
  });
  const faults: FaultConfig = {
    throttleShare: number('throttle-share', values['throttle-share']),
    internalErrorShare: number('error-share', values['error-share']),
    latencyMs: number('latency-ms', values['latency-ms']),
    failingRegions: values['failing-region'],
  };
  const ttl = number('token-ttl-seconds', values['token-ttl-seconds']);
  const emulator = await startEmulator({
    inventory: values.inventory,
    port: number('port', values.port) ?? DEFAULT_PORT,
    host: values.host,
    quota: {
      enabled: !values['no-quota'],
      getResourcesPerSecond: number(
        'get-resources-rate',
        values['get-resources-rate'],
      ),
      tagReadsPerSecond: number('tag-reads-rate', values['tag-reads-rate']),
      organizationsPerSecond: number(
        'organizations-rate',
        values['organizations-rate'],
      ),
    },
    configQuota: {
      enabled: !values['no-quota'],
      selectsPerSecond: number(
        'config-select-rate',
        values['config-select-rate'],
      ),
    },
    paginationTokenTtlMs: ttl === undefined ? undefined : ttl * 1000,
    faults,
    logger: console,
  });
  await new Promise<void>(resolve => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}

async function generate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: 'boolean' },
      seed: { type: 'string' },
      resources: { type: 'string' },
      out: { type: 'string' },
      org: { type: 'string' },
      components: { type: 'string' },
      accounts: { type: 'string' },
      regions: { type: 'string' },
      'no-tag-policy': { type: 'boolean' },
      'org-accounts': { type: 'string' },
      'resources-per-account': { type: 'string' },
      'never-tagged': { type: 'string' },
    },
  });
  const seed = number('seed', values.seed);
  const orgAccounts = wholeNumber('org-accounts', values['org-accounts']);
  const perAccount = wholeNumber(
    'resources-per-account',
    values['resources-per-account'],
  );
  if (perAccount !== undefined && orgAccounts === undefined) {
    throw new UsageError('--resources-per-account needs --org-accounts');
  }
  if (orgAccounts !== undefined) {
    if (orgAccounts < 1)
      throw new UsageError('--org-accounts must be 1 or more');
    if (values.demo || values.accounts) {
      throw new UsageError('--org-accounts replaces --demo and --accounts');
    }
    if (perAccount !== undefined && values.resources !== undefined) {
      throw new UsageError(
        'give --resources-per-account or --resources, not both',
      );
    }
  }
  const resources =
    perAccount !== undefined && orgAccounts !== undefined
      ? perAccount * orgAccounts
      : number('resources', values.resources);
  if (!values.demo && (seed === undefined || resources === undefined)) {
    throw new UsageError('generate needs --seed and --resources (or --demo)');
  }
  if (
    resources !== undefined &&
    !(Number.isInteger(resources) && resources >= 0)
  ) {
    throw new UsageError('--resources must be a whole number');
  }
  const accountIds = list(values.accounts);
  const options: GenerateOptions = values.demo
    ? { ...DEMO_GENERATE_OPTIONS }
    : { seed: seed!, resources: resources! };
  options.org = values.org
    ? loadOrgModel(values.org, values.components ?? null)
    : loadOrgModel(undefined, values.components);
  if (accountIds) {
    if (accountIds.some(id => !/^\d{12}$/.test(id))) {
      throw new UsageError('--accounts takes 12-digit account ids');
    }
    options.accounts = accountIds.map((accountId, i) => ({
      accountId,
      regions: [],
      ...(i > 0 ? { roles: [{ name: DEMO_ROLE_NAME }] } : {}),
    }));
  }
  options.regions = list(values.regions);
  if (orgAccounts !== undefined) options.orgAccounts = orgAccounts;
  if (values['no-tag-policy']) options.tagPolicy = false;
  const neverTagged = number('never-tagged', values['never-tagged']);
  if (neverTagged !== undefined) {
    if (!(neverTagged >= 0 && neverTagged <= 1)) {
      throw new UsageError('--never-tagged must be a share from 0 to 1');
    }
    options.neverTaggedShare = neverTagged;
  }
  await writeInventoryFile(
    values.out ?? '-',
    generatedHeader(options),
    generateResources(options),
  );
  return 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (
      !command ||
      command === '--help' ||
      command === '-h' ||
      rest.includes('--help')
    ) {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === 'serve') return await serve(rest);
    if (command === 'generate') return await generate(rest);
    throw new UsageError(`Unknown command '${command}'`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    error => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
