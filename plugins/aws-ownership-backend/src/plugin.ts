import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  awsOwnershipChecksExtensionPoint,
  awsOwnershipEvidenceExtensionPoint,
} from '@aws-ownership/backstage-plugin-node';
import { awsOwnershipPermissions } from '@aws-ownership/backstage-plugin-common';
import { CheckRegistry } from './checks/CheckRegistry';
import { readAwsOwnershipConfig } from './config/readAwsOwnershipConfig';
import { DatabaseAwsOwnershipStore } from './database/DatabaseAwsOwnershipStore';
import { createEvidenceProviders } from './evidence/createEvidenceProviders';
import { EvidenceCoverageStore } from './evidence/EvidenceCoverageStore';
import { EvidenceProviderRegistry } from './evidence/EvidenceProviderRegistry';
import { createRouter } from './router';
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
    const evidence = new EvidenceProviderRegistry();
    env.registerExtensionPoint(awsOwnershipEvidenceExtensionPoint, evidence);

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
        const coverage = new EvidenceCoverageStore(await database.getClient());
        const credentials = DefaultAwsCredentialsManager.fromConfig(rootConfig);
        const runner = new ScanRunner({
          config,
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          credentials,
          extraChecks,
          evidenceProviders: createEvidenceProviders({
            config,
            credentials,
            logger,
            added: evidence.list(),
          }),
          coverage,
        });
        await scheduleScans({ scheduler, config, runner, logger });

        deps.permissionsRegistry.addPermissions(awsOwnershipPermissions);
        const service = new DefaultAwsOwnershipService({
          config,
          store,
          scheduler,
          catalog: deps.catalog,
          extraChecks,
          coverage,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            service,
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
