import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  awsOwnershipChecksExtensionPoint,
  awsOwnershipEvidenceExtensionPoint,
} from '@aws-ownership/backstage-plugin-node';
import { awsOwnershipPermissions } from '@aws-ownership/backstage-plugin-common';
import { DefaultAccountDirectory } from './accounts/DefaultAccountDirectory';
import { registerAwsOwnershipActions } from './actions/registerAwsOwnershipActions';
import { CheckRegistry } from './checks/CheckRegistry';
import { readAwsOwnershipConfig } from './config/readAwsOwnershipConfig';
import { DatabaseAwsOwnershipStore } from './database/DatabaseAwsOwnershipStore';
import { retireAccounts } from './database/retireAccounts';
import { createEvidenceProviders } from './evidence/createEvidenceProviders';
import { EvidenceCoverageStore } from './evidence/EvidenceCoverageStore';
import { EvidenceProviderRegistry } from './evidence/EvidenceProviderRegistry';
import { createRouter } from './router';
import { ScanTasks } from './scan/scheduleScans';
import { ScanNotifier } from './notify/ScanNotifier';
import { DatabaseReviewStore } from './reviews/DatabaseReviewStore';
import { ReviewService } from './reviews/ReviewService';
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
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { rootConfig, logger, database, scheduler, httpAuth } = deps;
        const extraChecks = checks.list();
        const config = readAwsOwnershipConfig(rootConfig, {
          extraCheckIds: extraChecks.map(c => c.id),
        });
        const store = await DatabaseAwsOwnershipStore.create({ database });
        const directory = DefaultAccountDirectory.fromConfig({
          rootConfig,
          config,
          logger,
        });
        const exemptionStore = await DatabaseExemptionStore.create({
          database,
        });
        const reviews = new ReviewService({
          config,
          store,
          reviews: await DatabaseReviewStore.create({ database }),
          exemptions: exemptionStore,
          catalog: deps.catalog,
          extraChecks,
          logger,
        });
        const coverage = new EvidenceCoverageStore(await database.getClient());
        const credentials = DefaultAwsCredentialsManager.fromConfig(rootConfig);
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
          credentials,
          extraChecks,
          accounts: directory,
          notifier:
            config.notifications &&
            new ScanNotifier({
              notifications: deps.notifications,
              config: config.notifications,
              logger,
            }),
          afterCommit: scan => reviews.closeSatisfiedActions(scan.id),
          evidenceProviders: createEvidenceProviders({
            config,
            credentials,
            logger,
            added: evidence.list(),
          }),
          coverage,
          activeExemptions,
        });
        const db = await database.getClient();
        await new ScanTasks({
          scheduler,
          config,
          runner,
          store,
          directory,
          logger,
          retire: options => retireAccounts(db, options),
        }).start();

        deps.permissionsRegistry.addPermissions(awsOwnershipPermissions);
        const service = new DefaultAwsOwnershipService({
          config,
          store,
          scheduler,
          catalog: deps.catalog,
          extraChecks,
          accounts: directory,
          coverage,
          activeExemptions,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            service,
            reviews,
            exemptions,
          }),
        );
        registerAwsOwnershipActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
          service,
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
