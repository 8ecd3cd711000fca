import { randomBytes } from 'node:crypto';
import { invalidParameter, paginationTokenExpired } from '../protocol/errors';

/** The default lifetime of a pagination token, as AWS documents it: 15 minutes. */
export const DEFAULT_PAGINATION_TOKEN_TTL_MS = 15 * 60 * 1000;

const TOKEN_FORMAT = /^EMU1[A-Za-z0-9_-]{32}$/;
/** Expired entries are kept this long so that a late client still hears "expired", then forgotten. */
const TOMBSTONE_MS = 60 * 60 * 1000;
const PURGE_EVERY = 1000;

interface Entry<T> {
  state: T | undefined;
  expiresAt: number;
}

/**
 * Opaque pagination tokens: each maps to server-side state (where the next page starts)
 * and expires after a lifetime. A token can be replayed until then, so a client may retry a page.
 */
export class PaginationTokens<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private issuedSincePurge = 0;

  constructor(
    private ttlMs: number = DEFAULT_PAGINATION_TOKEN_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Changes the lifetime of tokens issued from now on. */
  setTtl(ttlMs: number): void {
    this.ttlMs = ttlMs;
  }

  /** Stores the state and returns a new opaque token for it. */
  issue(state: T): string {
    if (++this.issuedSincePurge >= PURGE_EVERY) {
      this.purge();
    }
    const token = `EMU1${randomBytes(24).toString('base64url')}`;
    this.entries.set(token, { state, expiresAt: this.now() + this.ttlMs });
    return token;
  }

  /**
   * The state of a token. Throws `PaginationTokenExpiredException` for an expired or
   * forgotten token of ours and `InvalidParameterException` for anything else.
   */
  resolve(token: string): T {
    if (!TOKEN_FORMAT.test(token)) {
      throw invalidParameter('The specified PaginationToken is not valid.');
    }
    const entry = this.entries.get(token);
    if (!entry || entry.state === undefined || entry.expiresAt <= this.now()) {
      throw paginationTokenExpired();
    }
    return entry.state;
  }

  /** Expires every open token now (their holders get `PaginationTokenExpiredException`). */
  expireAll(): void {
    const at = this.now();
    for (const entry of this.entries.values()) {
      entry.state = undefined;
      entry.expiresAt = Math.min(entry.expiresAt, at);
    }
  }

  /** How many tokens are still valid. */
  openCount(): number {
    const at = this.now();
    let open = 0;
    for (const entry of this.entries.values()) {
      if (entry.state !== undefined && entry.expiresAt > at) open++;
    }
    return open;
  }

  private purge(): void {
    this.issuedSincePurge = 0;
    const horizon = this.now() - TOMBSTONE_MS;
    for (const [token, entry] of this.entries) {
      if (entry.expiresAt <= this.now()) {
        entry.state = undefined;
      }
      if (entry.expiresAt <= horizon) {
        this.entries.delete(token);
      }
    }
  }
}
