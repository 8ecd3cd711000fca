/*
 * The demo Backstage backend: the catalog with the example organisation, guest
 * sign-in, the demo permission policy (everything allowed but exemptions, see
 * demoPermissionPolicy.ts), and the aws-ownership plugin.
 */
import { createBackend } from '@backstage/backend-defaults';
import { demoPermissionPolicyModule } from './demoPermissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(demoPermissionPolicyModule);

backend.add(import('@aws-ownership/backstage-plugin-backend'));

backend.start();
