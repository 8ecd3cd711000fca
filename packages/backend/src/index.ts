/*
 * The demo Backstage backend: the catalog with the example organisation, guest
 * sign-in, the demo permission policy (everything allowed but exemptions, see
 * demoPermissionPolicy.ts), the aws-ownership plugin, the notifications
 * plugin with signals (the bell, updated live) and the MCP server over the
 * actions registry (for AI assistants).
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

backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
