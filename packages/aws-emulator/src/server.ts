import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PORT } from './constants';
import { awsConfigApi, CONFIG_TARGET_PREFIX } from './config/handler';
import type { ConfigQuotaConfig } from './config/configService';
import { CONTROL_PREFIX, currentStats, handleControl } from './control';
import { EmulatorLogger, EmulatorState, silentLogger } from './emulatorState';
import type { FaultConfig } from './faults';
import { generateDemoInventory } from './inventory/demo';
import { loadInventoryFile, parseInventory } from './inventory/load';
import type { Inventory } from './inventory/types';
import { AwsError } from './protocol/errors';
import { newRequestId, sendJsonError } from './protocol/http';
import { serveJson11 } from './protocol/json11Service';
import {
  ORGANIZATIONS_TARGET_PREFIX,
  organizationsApi,
} from './organizations/handler';
import type { QuotaConfig } from './quota/quota';
import type { EmulatorStats } from './stats';
import { handleSts, readStsParams } from './sts/handler';
import { taggingApi } from './tagging/handler';

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Default 4566; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** An inventory, or the path of an inventory file. Default: the demo estate (examples/aws-inventory.json). */
  inventory?: Inventory | string;
  /** The Tagging API quotas; on by default at AWS's 15 and 5 calls a second. */
  quota?: QuotaConfig;
  /** Lifetime of pagination tokens; default 15 minutes. */
  paginationTokenTtlMs?: number;
  /** AWS Config's quota; on by default. */
  configQuota?: ConfigQuotaConfig;
  /** Faults injected from the start. */
  faults?: FaultConfig;
  /** Where log lines go; default nowhere. */
  logger?: EmulatorLogger;
}

/** A running emulator. */
export interface EmulatorHandle {
  /** `http://host:port`, the endpoint to give AWS clients. */
  url: string;
  port: number;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
  /** Replaces the injected faults. */
  setFaults(faults: FaultConfig): void;
  /** Removes every injected fault. */
  resetFaults(): void;
  /** Expires every open pagination token now. */
  expirePaginationTokens(): void;
  /** Replaces the quota configuration (and refills the buckets). */
  setQuota(quota: QuotaConfig): void;
  /** Call counts per account, region and operation. */
  stats(): EmulatorStats;
  /** Clears faults and counts, refills the quota and expires every pagination token. */
  reset(): void;
  /** Serves another inventory from now on. */
  loadInventory(inventory: Inventory): void;
  /** Replaces AWS Config's quota (and refills it). */
  setConfigQuota(quota: ConfigQuotaConfig): void;
}

async function resolveInventory(
  inventory: Inventory | string | undefined,
): Promise<Inventory> {
  if (inventory === undefined) return generateDemoInventory();
  if (typeof inventory === 'string') return loadInventoryFile(inventory);
  return parseInventory(inventory);
}

function route(state: EmulatorState) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = newRequestId();
    const path = (req.url ?? '/').split('?')[0];
    const target = req.headers['x-amz-target'];
    if (path.startsWith(CONTROL_PREFIX)) {
      await handleControl(state, req, res, path);
    } else if (
      typeof target === 'string' &&
      target.startsWith(ORGANIZATIONS_TARGET_PREFIX)
    ) {
      await serveJson11(
        organizationsApi(state),
        state,
        req,
        res,
        target,
        requestId,
      );
    } else if (
      typeof target === 'string' &&
      target.startsWith(CONFIG_TARGET_PREFIX)
    ) {
      await serveJson11(
        awsConfigApi(state),
        state,
        req,
        res,
        target,
        requestId,
      );
    } else if (typeof target === 'string') {
      // any other target is the Tagging API's (an unknown one answers UnknownOperationException)
      await serveJson11(taggingApi(state), state, req, res, target, requestId);
    } else if (req.method === 'POST' || req.method === 'GET') {
      const params = await readStsParams(req);
      if (params.has('Action')) {
        await handleSts(state, req, res, params, requestId);
      } else {
        sendJsonError(
          res,
          new AwsError(
            'UnknownOperationException',
            'No X-Amz-Target and no Action',
          ),
          requestId,
        );
      }
    } else {
      sendJsonError(
        res,
        new AwsError(
          'UnknownOperationException',
          `Unsupported method ${req.method}`,
        ),
        requestId,
      );
    }
  };
}

/** Starts the emulator: the Tagging API, Organizations, STS and the control endpoint on one HTTP port. */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<EmulatorHandle> {
  const logger = options.logger ?? silentLogger;
  const state = new EmulatorState(
    await resolveInventory(options.inventory),
    {
      quota: options.quota,
      paginationTokenTtlMs: options.paginationTokenTtlMs,
      configQuota: options.configQuota,
    },
    logger,
  );
  if (options.faults) state.faults.set(options.faults);
  const handler = route(state);
  const server = createServer((req, res) => {
    handler(req, res).catch(error => {
      logger.error(`request failed: ${(error as Error).stack ?? error}`);
      if (!res.headersSent) {
        sendJsonError(
          res,
          new AwsError('InternalServiceException', 'Internal error', 500),
          newRequestId(),
        );
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(
    `AWS emulator listening on ${url} with ${state.index.resourceCount} resources`,
  );
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    setFaults: faults => state.faults.set(faults),
    resetFaults: () => state.faults.reset(),
    expirePaginationTokens: () => state.tokens.expireAll(),
    setQuota: quota => state.quota.configure(quota),
    stats: () => currentStats(state),
    reset: () => state.reset(),
    loadInventory: inventory => state.loadInventory(parseInventory(inventory)),
    setConfigQuota: quota => state.config.setQuota(quota),
  };
}
