import { createApp } from '@backstage/frontend-defaults';
import type { FrontendFeature } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import awsOwnershipPlugin from '@aws-ownership/backstage-plugin/alpha';
import { navModule } from './modules/nav';

// The installed notifications plugin is built on
// frontend-plugin-api 1.0 (the app is on 0.18): the same runtime plugin
// contract, which the e2e test exercises, but types the compiler tells apart.
const newerPlugin = (plugin: unknown) => plugin as FrontendFeature;

export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    orgPlugin,
    userSettingsPlugin,
    newerPlugin(notificationsPlugin),
    awsOwnershipPlugin,
    navModule,
  ],
});
