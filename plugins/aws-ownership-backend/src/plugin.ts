import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { awsOwnershipChecksExtensionPoint } from '@aws-ownership/backstage-plugin-node';
import { awsOwnershipPermissions } from '@aws-ownership/backstage-plugin-common';
import { CheckRegistry } from './checks/CheckRegistry';
import { readAwsOwnershipConfig } from './config/readAwsOwnershipConfig';
import { DatabaseAwsOwnershipStore } from './database/DatabaseAwsOwnershipStore';
import { createRouter } from './router';
import { scheduleScans } from './scan/scheduleScans';
import { ScanRunner } from './scan/ScanRunner';
import { DefaultAwsOwnershipService } from './service/DefaultAwsOwnershipService';
import { createExemptionAuthorizer } from './exemptions/createExemptionAuthorizer';
import { DatabaseExemptionStore } from './exemptions/DatabaseExemptionStore';
import { DefaultExemptionService } from './exemptions/DefaultExemptionService';
import {
  exemptionPermissionResourceRef,
  exemptionPermissionRules,
} from './exemptions/permissionRules';
import { severitiesInForce } from './exemptions/severitiesInForce';

/**
 * The aws-ownership backend plugin: collects tagged AWS resources, rates them
 * and serves the ownership scorecards under /api/aws-ownership.
 *
 * @public
 */
export const awsOwnershipPlugin = createBackendPlugin({
  pluginId: 'aws-ownership',
  register(env) {
    const checks = new CheckRegistry();
    env.registerExtensionPoint(awsOwnershipChecksExtensionPoint, checks);

    env.registerInit({
      deps: {
        rootConfig: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { rootConfig, logger, database, scheduler, httpAuth } = deps;
        const extraChecks = checks.list();
        const config = readAwsOwnershipConfig(rootConfig, {
          extraCheckIds: extraChecks.map(c => c.id),
        });
        const store = await DatabaseAwsOwnershipStore.create({ database });
        const exemptionStore = await DatabaseExemptionStore.create({
          database,
        });
        deps.permissionsRegistry.addResourceType({
          resourceRef: exemptionPermissionResourceRef,
          rules: Object.values(exemptionPermissionRules),
          getResources: ids =>
            Promise.all(ids.map(id => exemptionStore.get(id))),
        });
        const exemptions = new DefaultExemptionService({
          config,
          store: exemptionStore,
          resources: store,
          severities: () => severitiesInForce(config.checklists, extraChecks),
          authorize: createExemptionAuthorizer({
            permissions: deps.permissions,
            permissionsRegistry: deps.permissionsRegistry,
          }),
        });
        const activeExemptions = () => exemptions.active();
        const runner = new ScanRunner({
          config,
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          credentials: DefaultAwsCredentialsManager.fromConfig(rootConfig),
          extraChecks,
          activeExemptions,
        });
        await scheduleScans({ scheduler, config, runner, logger });

        deps.permissionsRegistry.addPermissions(awsOwnershipPermissions);
        const service = new DefaultAwsOwnershipService({
          config,
          store,
          scheduler,
          catalog: deps.catalog,
          extraChecks,
          activeExemptions,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            service,
            exemptions,
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
