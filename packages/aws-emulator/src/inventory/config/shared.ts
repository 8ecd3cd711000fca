import type { Rng } from '../rng';
import type { InventoryConfigItem } from '../types';

/** Where a generated resource lives and how careful its owners are (0 to 1). */
export interface ConfigContext {
  arn: string;
  /** The resource's name (the last part of its ARN for types named by their owner). */
  name: string;
  region: string;
  accountId: string;
  /** Tagging discipline of the owning team; careless teams also leave more insecure settings. */
  quality: number;
  rng: Rng;
}

/** Characters of generated upper-case ids. */
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Characters of generated lower-case ids. */
export const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The last `/` or `:` separated part of an ARN. */
export function lastSegment(arn: string): string {
  const parts = arn.split(/[/:]/).filter(Boolean);
  return parts[parts.length - 1];
}

/** A deterministic ISO time between 2023 and mid-2025. */
export function date(rng: Rng): string {
  const day = rng.int(0, 900);
  return new Date(
    Date.UTC(2023, 0, 1) + day * 86_400_000 + rng.int(0, 86_399) * 1000,
  )
    .toISOString()
    .replace('.000Z', 'Z');
}

/** Careless owners leave insecure settings more often: `risk` is the chance for the worst team. */
export function careless(
  c: ConfigContext,
  base: number,
  risk: number,
): boolean {
  return c.rng.chance(base + risk * (1 - c.quality));
}

/** A KMS key ARN in the resource's account and region. */
export function kmsKey(c: ConfigContext): string {
  return `arn:aws:kms:${c.region}:${c.accountId}:key/${c.rng.uuid()}`;
}

/** An availability zone of the resource's region. */
export function zone(c: ConfigContext): string {
  return `${c.region}${c.rng.pick(['a', 'b', 'c'])}`;
}

/** A VPC id. */
export function vpc(c: ConfigContext): string {
  return `vpc-0${c.rng.hex(16)}`;
}

/** Builds the recorded part of a configuration item for one generated resource. */
export type Builder = (
  c: ConfigContext,
) => Omit<InventoryConfigItem, 'resourceType'>;
