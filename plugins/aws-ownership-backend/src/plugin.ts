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
import { DatabaseReviewStore } from './reviews/DatabaseReviewStore';
import { ReviewService } from './reviews/ReviewService';
import { scheduleScans } from './scan/scheduleScans';
import { ScanRunner } from './scan/ScanRunner';
import { DefaultAwsOwnershipService } from './service/DefaultAwsOwnershipService';

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
        const reviews = new ReviewService({
          config,
          store,
          reviews: await DatabaseReviewStore.create({ database }),
          catalog: deps.catalog,
          extraChecks,
          logger,
        });
        const runner = new ScanRunner({
          config,
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          credentials: DefaultAwsCredentialsManager.fromConfig(rootConfig),
          extraChecks,
          afterCommit: scan => reviews.closeSatisfiedActions(scan.id),
        });
        await scheduleScans({ scheduler, config, runner, logger });

        deps.permissionsRegistry.addPermissions(awsOwnershipPermissions);
        const service = new DefaultAwsOwnershipService({
          config,
          store,
          scheduler,
          catalog: deps.catalog,
          extraChecks,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            service,
            reviews,
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
