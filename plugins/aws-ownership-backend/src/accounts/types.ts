import type { ScannedAccount } from '../config/types';

/** Where an account in scope came from. */
export type AccountSource = 'config' | 'organization';

/** An account in scope, with where it came from. */
export interface DirectoryAccount extends ScannedAccount {
  source: AccountSource;
}

/**
 * The accounts in scope: `awsOwnership.accounts` plus, when configured, the
 * active accounts of the AWS Organization, re-read on every refresh.
 */
export interface AccountDirectory {
  /**
   * Re-reads the organisation; keeps the previous list when that fails, and
   * then says the list may be incomplete (`complete: false`).
   */
  refresh(): Promise<{ accounts: DirectoryAccount[]; complete: boolean }>;
  /** The accounts as of the last refresh (the configured ones before any). */
  list(): DirectoryAccount[];
  /** One account in scope, or undefined. */
  get(accountId: string): DirectoryAccount | undefined;
}
