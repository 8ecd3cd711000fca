import { DEMO_RESOURCE_COUNT, DEMO_SEED } from '../constants';
import {
  generateInventory,
  GenerateOptions,
  NEVER_TAGGED_SHARE,
} from './generate';
import type { Inventory } from './types';

/** The options examples/aws-inventory.json is generated with. */
export const DEMO_GENERATE_OPTIONS: GenerateOptions = {
  seed: DEMO_SEED,
  resources: DEMO_RESOURCE_COUNT,
  neverTaggedShare: NEVER_TAGGED_SHARE,
};

/** The demo estate, the same as examples/aws-inventory.json (a test checks the file is not stale). */
export function generateDemoInventory(): Inventory {
  return generateInventory(DEMO_GENERATE_OPTIONS);
}
