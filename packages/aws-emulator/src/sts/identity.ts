/** Who an issued session key acts as, remembered so GetCallerIdentity can name the role. */
export interface SessionIdentity {
  roleName: string;
  sessionName: string;
}

/** Remembers the role sessions AssumeRole issued (bounded; the oldest are forgotten first). */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionIdentity>();

  constructor(private readonly limit = 10_000) {}

  /** Records the session behind an access key. */
  remember(accessKeyId: string, identity: SessionIdentity): void {
    if (this.sessions.size >= this.limit) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    this.sessions.set(accessKeyId, identity);
  }

  /** The session behind an access key, if this emulator issued it. */
  lookup(accessKeyId: string): SessionIdentity | undefined {
    return this.sessions.get(accessKeyId);
  }
}
