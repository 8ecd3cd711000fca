import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import awsOwnershipPlugin from '@aws-ownership/backstage-plugin/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    orgPlugin,
    userSettingsPlugin,
    awsOwnershipPlugin,
    navModule,
  ],
});
