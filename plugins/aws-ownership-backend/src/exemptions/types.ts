import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ApiSchema } from '../schema/types';

/** An exemption as stored and served (its status as of now when served). */
export type StoredExemption = ApiSchema<'Exemption'>;
/** One change of an exemption. */
export type ExemptionEvent = ApiSchema<'ExemptionEvent'>;
/** What `POST /exemptions` takes. */
export type ExemptionRequestBody = ApiSchema<'ExemptionRequest'>;
/** Where an exemption stands. */
export type ExemptionStatus = StoredExemption['status'];

/** Which exemptions to list. */
export interface ExemptionListFilter {
  /** Requested for this team. */
  teamRef?: string;
  /** With this status as of `now`. */
  status?: ExemptionStatus;
  /** Pending or active, expiring before this instant (ISO 8601). */
  expiringBefore?: string;
  /** The instant statuses are read at (ISO 8601). */
  now: string;
}

/** Keeps exemptions and their audit list. */
export interface ExemptionStore {
  /** Stores a new exemption and its `requested` event. */
  insert(exemption: StoredExemption): Promise<StoredExemption>;
  /** One exemption as stored (status not adjusted for expiry). */
  get(id: string): Promise<StoredExemption | undefined>;
  /** Exemptions matching the filter, soonest-expiring first. */
  list(filter: ExemptionListFilter): Promise<StoredExemption[]>;
  /** Every exemption active at `now`. */
  listActive(now: string): Promise<StoredExemption[]>;
  /**
   * Moves an exemption from one of `from` to `to`, recording who and when;
   * undefined when it was in none of `from` (another change came first).
   */
  transition(change: {
    id: string;
    from: ReadonlyArray<ExemptionStatus>;
    to: 'active' | 'revoked';
    actor: string;
    at: string;
  }): Promise<StoredExemption | undefined>;
  /** The audit list of one exemption, oldest first. */
  listEvents(id: string): Promise<ExemptionEvent[]>;
  /**
   * The exemptions of these teams (of every team when undefined) that
   * started (approved, or stored already active), expired or were revoked
   * after `after` and up to `until` (ISO 8601, `after` excluded), as stored.
   */
  listChangedBetween(filter: {
    teamRefs?: ReadonlyArray<string>;
    after: string;
    until: string;
  }): Promise<StoredExemption[]>;
}

/** What the exemption API does; the router knows only this. */
export interface ExemptionService {
  /** Requests an exemption (pending until approved); InputError for bad input. */
  request(
    body: ExemptionRequestBody,
    credentials: BackstageCredentials,
  ): Promise<StoredExemption>;
  /** Lists exemptions. */
  list(query: {
    entityRef?: string;
    status?: ExemptionStatus;
    expiringWithinDays?: number;
  }): Promise<StoredExemption[]>;
  /** Approves a pending exemption; NotFoundError, ConflictError, NotAllowedError. */
  approve(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredExemption>;
  /** Revokes a pending or active exemption. */
  revoke(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredExemption>;
  /** One exemption's audit list; NotFoundError for an unknown id. */
  events(id: string): Promise<ExemptionEvent[]>;
  /** Every exemption active now, for applying them to served ratings. */
  active(): Promise<StoredExemption[]>;
}
