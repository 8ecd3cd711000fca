import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './emulatorState';
import { FaultConfig, FaultConfigError, validateFaultConfig } from './faults';
import {
  InventoryError,
  loadInventoryFile,
  parseInventory,
} from './inventory/load';
import type { Inventory } from './inventory/types';
import { readBody, send } from './protocol/http';

/** The path prefix of the control endpoint. */
export const CONTROL_PREFIX = '/_emulator/';

const CONTROL_BODY_LIMIT = 512 * 1024 * 1024;

class ControlError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, CONTROL_BODY_LIMIT);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ControlError('The body is not valid JSON');
  }
}

/** The emulator's stats with the token and inventory counts filled in. */
export function currentStats(state: EmulatorState) {
  return state.stats.snapshot({
    openPaginationTokens: state.tokens.openCount(),
    resources: state.index.resourceCount,
  });
}

async function readInventoryFile(path: string): Promise<Inventory> {
  try {
    return await loadInventoryFile(path);
  } catch (error) {
    if (error instanceof InventoryError) throw error;
    throw new ControlError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

type Route = (state: EmulatorState, req: IncomingMessage) => Promise<unknown>;

const ROUTES: Record<string, Route> = {
  'GET health': async state => ({
    status: 'ok',
    resources: state.index.resourceCount,
  }),
  'GET stats': async state => currentStats(state),
  'GET faults': async state => state.faults.current(),
  'POST faults': async (state, req) => {
    const body = (await readJson(req)) as FaultConfig & {
      expirePaginationTokens?: unknown;
    };
    const { expirePaginationTokens, ...faults } = body ?? {};
    state.faults.set(validateFaultConfig(faults));
    if (expirePaginationTokens === true) state.tokens.expireAll();
    return state.faults.current();
  },
  'DELETE faults': async state => {
    state.faults.reset();
    return state.faults.current();
  },
  'POST pagination-tokens/expire': async state => {
    state.tokens.expireAll();
    return { expired: true };
  },
  'GET quota': async state => state.quota.current(),
  'POST quota': async (state, req) => {
    try {
      state.quota.configure((await readJson(req)) as object);
    } catch (error) {
      if (error instanceof ControlError) throw error;
      throw new ControlError((error as Error).message);
    }
    return state.quota.current();
  },
  'POST reset': async state => {
    state.reset();
    return { reset: true };
  },
  'POST inventory': async (state, req) => {
    const body = await readJson(req);
    const { path } = (body ?? {}) as { path?: unknown };
    if (
      typeof path === 'string' &&
      (body as { version?: unknown }).version === undefined
    ) {
      state.loadInventory(await readInventoryFile(path));
    } else {
      state.loadInventory(parseInventory(body));
    }
    return { resources: state.index.resourceCount };
  },
};

/**
 * The control endpoint for tests: `GET health|stats|faults|quota`, `POST faults|quota|reset|inventory`,
 * `POST pagination-tokens/expire`, `DELETE faults`, all under `/_emulator/`. `POST inventory` takes
 * an inventory or `{ "path": "file.json" }`.
 */
export async function handleControl(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const route =
    ROUTES[
      `${req.method} ${path.slice(CONTROL_PREFIX.length).replace(/\/$/, '')}`
    ];
  if (!route) {
    json(res, 404, { error: `No control route ${req.method} ${path}` });
    return;
  }
  try {
    json(res, 200, await route(state, req));
  } catch (error) {
    if (
      error instanceof ControlError ||
      error instanceof FaultConfigError ||
      error instanceof InventoryError
    ) {
      json(res, 400, { error: error.message });
      return;
    }
    throw error;
  }
}
