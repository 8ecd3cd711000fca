import { randomUUID } from 'node:crypto';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  awsOwnershipExemptionApprovePermission,
  awsOwnershipExemptionRequestPermission,
  awsOwnershipExemptionRevokePermission,
  DEFAULT_EXEMPTION_MAX_DAYS,
  exemptionCovers,
  exemptionStatusAt,
  unownedTeamRef,
  validateExemptionRequest,
  type Severity,
} from '@aws-ownership/backstage-plugin-common';
import type { AwsOwnershipConfig } from '../config/types';
import type { AwsOwnershipStore } from '../database/types';
import type { RatedResource } from '../schema/types';
import { normalizeEntityRef } from '../service/entityRefs';
import type { ExemptionAuthorizer } from './createExemptionAuthorizer';
import type {
  ExemptionEvent,
  ExemptionRequestBody,
  ExemptionService,
  ExemptionStatus,
  ExemptionStore,
  StoredExemption,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The most resources one selector may cover, so one request stays reviewable. */
const MAX_SELECTED_RESOURCES = 1000;

/** Who is acting: the user, or the calling service. */
function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}

/** Exemption requests, approvals and revocations over the exemption store. */
export class DefaultExemptionService implements ExemptionService {
  constructor(
    private readonly options: {
      config: AwsOwnershipConfig;
      store: ExemptionStore;
      resources: Pick<AwsOwnershipStore, 'getResource' | 'listResources'>;
      /** The severity of each check in force, by id. */
      severities: () => ReadonlyMap<string, Severity>;
      authorize: ExemptionAuthorizer;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The exemption with its status as of now. */
  private current(exemption: StoredExemption, now: Date): StoredExemption {
    const status = exemptionStatusAt(exemption, now);
    return status === exemption.status ? exemption : { ...exemption, status };
  }

  private async resolveResources(
    body: ExemptionRequestBody,
    teamRef: string | undefined,
  ): Promise<RatedResource[]> {
    const { resources } = this.options;
    if (body.arns?.length) {
      const arns = [...new Set(body.arns)];
      const found = await Promise.all(arns.map(a => resources.getResource(a)));
      const missing = arns.filter((_, i) => !found[i]);
      if (missing.length) {
        throw new InputError(
          `No current resource with ARN ${missing.slice(0, 5).join(', ')}${
            missing.length > 5 ? ` and ${missing.length - 5} more` : ''
          }`,
        );
      }
      return found as RatedResource[];
    }
    const selector = body.selector ?? {};
    const matched: RatedResource[] = [];
    let cursor: string | undefined;
    do {
      const page = await resources.listResources({
        filter: {
          ownerRefs: teamRef ? [teamRef] : undefined,
          accountIds: selector.accountId ? [selector.accountId] : undefined,
          regions:
            selector.region !== undefined ? [selector.region] : undefined,
          resourceTypes: selector.resourceType
            ? [selector.resourceType]
            : undefined,
        },
        sort: { field: 'arn', order: 'asc' },
        cursor,
        limit: 500,
      });
      for (const rated of page.items) {
        if (exemptionCovers({ arns: [], selector }, rated.resource)) {
          matched.push(rated);
        }
      }
      if (matched.length > MAX_SELECTED_RESOURCES) {
        throw new InputError(
          `The selector matches more than ${MAX_SELECTED_RESOURCES} resources; narrow it`,
        );
      }
      cursor = page.nextCursor;
    } while (cursor);
    if (!matched.length) {
      throw new InputError('The selector matches no current resource');
    }
    return matched;
  }

  async request(
    body: ExemptionRequestBody,
    credentials: BackstageCredentials,
  ): Promise<StoredExemption> {
    const now = this.now();
    const severities = this.options.severities();
    const problems = validateExemptionRequest(body, {
      now,
      maxDays:
        this.options.config.exemptions?.maxDays ?? DEFAULT_EXEMPTION_MAX_DAYS,
      checkIds: [...severities.keys()],
    });
    if (problems.length) {
      throw new InputError(`Invalid exemption: ${problems.join('; ')}`);
    }
    const requestedTeam =
      body.teamRef === undefined
        ? undefined
        : normalizeEntityRef(body.teamRef, 'group', ['group']).ref;
    const matched = await this.resolveResources(body, requestedTeam);
    const teams = [
      ...new Set(matched.map(r => r.ownership.ownerRef ?? unownedTeamRef)),
    ];
    if (teams.length > 1) {
      throw new InputError(
        `The resources belong to several teams (${teams.join(
          ', ',
        )}); request one exemption per team`,
      );
    }
    if (requestedTeam !== undefined && teams[0] !== requestedTeam) {
      throw new InputError(`The resources are not ${requestedTeam}'s`);
    }
    const exemption: StoredExemption = {
      id: randomUUID(),
      checkId: body.checkId,
      severity: severities.get(body.checkId) ?? 'low',
      arns: matched.map(r => r.resource.arn),
      teamRef: teams[0],
      reason: body.reason.trim(),
      expiresAt: new Date(body.expiresAt).toISOString(),
      status: 'pending',
      requestedBy: actorOf(credentials),
      requestedAt: now.toISOString(),
    };
    if (body.selector) exemption.selector = body.selector;
    await this.options.authorize(
      awsOwnershipExemptionRequestPermission,
      exemption,
      credentials,
    );
    return this.options.store.insert(exemption);
  }

  async list(query: {
    entityRef?: string;
    status?: ExemptionStatus;
    expiringWithinDays?: number;
  }): Promise<StoredExemption[]> {
    const now = this.now();
    if (
      query.expiringWithinDays !== undefined &&
      !Number.isSafeInteger(query.expiringWithinDays)
    ) {
      throw new InputError('expiringWithinDays must be a whole number');
    }
    const items = await this.options.store.list({
      teamRef:
        query.entityRef === undefined
          ? undefined
          : normalizeEntityRef(query.entityRef, 'group', ['group']).ref,
      status: query.status,
      expiringBefore:
        query.expiringWithinDays === undefined
          ? undefined
          : new Date(
              now.getTime() + query.expiringWithinDays * DAY_MS,
            ).toISOString(),
      now: now.toISOString(),
    });
    return items.map(e => this.current(e, now));
  }

  private async find(id: string): Promise<StoredExemption> {
    const found = await this.options.store.get(id);
    if (!found) throw new NotFoundError(`No exemption ${id}`);
    return found;
  }

  private async change(
    id: string,
    credentials: BackstageCredentials,
    to: 'active' | 'revoked',
  ): Promise<StoredExemption> {
    const now = this.now();
    const exemption = this.current(await this.find(id), now);
    await this.options.authorize(
      to === 'active'
        ? awsOwnershipExemptionApprovePermission
        : awsOwnershipExemptionRevokePermission,
      exemption,
      credentials,
    );
    const from: ExemptionStatus[] =
      to === 'active' ? ['pending'] : ['pending', 'active'];
    if (!from.includes(exemption.status)) {
      throw new ConflictError(
        `Exemption ${id} is ${exemption.status}; only a ${from.join(
          ' or ',
        )} one can be ${to === 'active' ? 'approved' : 'revoked'}`,
      );
    }
    const changed = await this.options.store.transition({
      id,
      from,
      to,
      actor: actorOf(credentials),
      at: now.toISOString(),
    });
    if (!changed) {
      throw new ConflictError(`Exemption ${id} was changed meanwhile`);
    }
    return this.current(changed, now);
  }

  async approve(id: string, credentials: BackstageCredentials) {
    return this.change(id, credentials, 'active');
  }

  async revoke(id: string, credentials: BackstageCredentials) {
    return this.change(id, credentials, 'revoked');
  }

  async events(id: string): Promise<ExemptionEvent[]> {
    const now = this.now();
    const exemption = await this.find(id);
    const events = await this.options.store.listEvents(id);
    if (exemptionStatusAt(exemption, now) === 'expired') {
      events.push({
        exemptionId: id,
        action: 'expired',
        at: exemption.expiresAt,
      });
    }
    return events;
  }

  async active(): Promise<StoredExemption[]> {
    return this.options.store.listActive(this.now().toISOString());
  }
}
