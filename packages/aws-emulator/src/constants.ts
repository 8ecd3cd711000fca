/** The port the emulator listens on by default (LocalStack's, so the same config serves both). */
export const DEFAULT_PORT = 4566;

/** The demo estate's main account, reached with any credentials AssumeRole did not issue. */
export const DEMO_MAIN_ACCOUNT_ID = '111122223333';

/** The demo estate's second account, reached through AssumeRole of {@link DEMO_ROLE_NAME}. */
export const DEMO_MEMBER_ACCOUNT_ID = '222233334444';

/** The role the demo's second account lets the main account assume. */
export const DEMO_ROLE_NAME = 'ownership-reader';

/** The regions of the demo estate. */
export const DEMO_REGIONS: readonly string[] = [
  'us-east-1',
  'eu-west-1',
  'eu-central-1',
];

/** The generator seed of examples/aws-inventory.json. */
export const DEMO_SEED = 20240611;

/** How many resources examples/aws-inventory.json holds. */
export const DEMO_RESOURCE_COUNT = 420;
