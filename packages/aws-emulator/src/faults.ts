import { AwsError, internalServiceError, throttled } from './protocol/errors';

/** Faults injected into Tagging API and Organizations calls (STS and the control endpoint are never faulted). */
export interface FaultConfig {
  /** Share of calls (0 to 1) answered `ThrottledException`, spread evenly: 0.5 fails every second call. */
  throttleShare?: number;
  /** Share of calls (0 to 1) answered `InternalServiceException` (HTTP 500), spread evenly. */
  internalErrorShare?: number;
  /** Milliseconds added to every call before it is answered. */
  latencyMs?: number;
  /** Regions in which every call fails with `InternalServiceException`. */
  failingRegions?: string[];
  /** Operations the shares apply to (default: all Tagging API and Organizations operations). */
  operations?: string[];
}

/** What the fault injector decided for one call. */
export interface FaultDecision {
  delayMs: number;
  error?: AwsError;
}

/** Thrown for a fault configuration out of range. */
export class FaultConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultConfigError';
  }
}

function checkShare(name: string, value: unknown): void {
  if (
    value !== undefined &&
    !(typeof value === 'number' && value >= 0 && value <= 1)
  ) {
    throw new FaultConfigError(`${name} must be a number from 0 to 1`);
  }
}

function checkStrings(name: string, value: unknown): void {
  if (
    value !== undefined &&
    !(Array.isArray(value) && value.every(v => typeof v === 'string'))
  ) {
    throw new FaultConfigError(`${name} must be an array of strings`);
  }
}

/** Validates a fault configuration (from flags, the API or the control endpoint). */
export function validateFaultConfig(config: unknown): FaultConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new FaultConfigError('A fault configuration must be an object');
  }
  const c = config as Record<string, unknown>;
  checkShare('throttleShare', c.throttleShare);
  checkShare('internalErrorShare', c.internalErrorShare);
  if (
    c.latencyMs !== undefined &&
    !(
      typeof c.latencyMs === 'number' &&
      c.latencyMs >= 0 &&
      c.latencyMs <= 60_000
    )
  ) {
    throw new FaultConfigError('latencyMs must be a number from 0 to 60000');
  }
  checkStrings('failingRegions', c.failingRegions);
  checkStrings('operations', c.operations);
  const {
    throttleShare,
    internalErrorShare,
    latencyMs,
    failingRegions,
    operations,
  } = c;
  return {
    throttleShare,
    internalErrorShare,
    latencyMs,
    failingRegions,
    operations,
  } as FaultConfig;
}

/**
 * Decides, call by call, which faults to inject. Shares are applied by error diffusion rather
 * than by chance, so a test sees exactly the configured share and never an unlucky streak.
 */
export class Faults {
  private config: FaultConfig = {};
  private throttleDebt = 0;
  private internalDebt = 0;

  /** Replaces the configuration. */
  set(config: FaultConfig): void {
    this.config = validateFaultConfig(config);
    this.throttleDebt = 0;
    this.internalDebt = 0;
  }

  /** Removes every fault. */
  reset(): void {
    this.set({});
  }

  /** The current configuration. */
  current(): FaultConfig {
    return { ...this.config };
  }

  /** The faults for one call of `operation` in `region`. */
  decide(operation: string, region: string): FaultDecision {
    const { latencyMs = 0, failingRegions, operations } = this.config;
    const decision: FaultDecision = { delayMs: latencyMs };
    if (failingRegions?.includes(region)) {
      decision.error = internalServiceError(
        `The service is unavailable in ${region}`,
      );
      return decision;
    }
    if (operations && !operations.includes(operation)) {
      return decision;
    }
    this.throttleDebt += this.config.throttleShare ?? 0;
    this.internalDebt += this.config.internalErrorShare ?? 0;
    if (this.throttleDebt >= 1 - 1e-9) {
      this.throttleDebt -= 1;
      decision.error = throttled();
    } else if (this.internalDebt >= 1 - 1e-9) {
      this.internalDebt -= 1;
      decision.error = internalServiceError();
    }
    return decision;
  }
}
