import type { ResourceEvidence } from '@aws-ownership/backstage-plugin-common';
import type {
  AwsOwnershipEvidenceProvider,
  RegionEvidence,
} from '@aws-ownership/backstage-plugin-node';
import { describeError } from '../scan/describeError';
import type { RegionCoverage } from './types';

/** What a resource gets from the evidence: facts, or why there are none. */
export interface EvidenceForResource {
  evidence?: ResourceEvidence;
  unavailable?: string;
}

interface RegionState {
  recording: RegionEvidence['recording'];
  available: boolean;
  reason?: string;
  byArn: Map<string, ResourceEvidence>;
  recorded: number;
  listed: number;
  neverTagged: number;
}

/**
 * One scan's evidence for one account: every provider's records per region,
 * joined to the Tagging API's resources by ARN. What a provider records that
 * the Tagging API did not list is the never-tagged remainder.
 */
export class ScanEvidence {
  private constructor(private readonly regions: Map<string, RegionState>) {}

  /** Reads every provider for the account; a provider that throws makes its regions unavailable. */
  static async read(
    providers: ReadonlyArray<AwsOwnershipEvidenceProvider>,
    request: { accountId: string; regions: string[]; signal?: AbortSignal },
  ): Promise<ScanEvidence> {
    const states = new Map<string, RegionState>(
      request.regions.map(region => [
        region,
        {
          recording: 'unknown',
          available: false,
          reason: providers.length
            ? undefined
            : 'no evidence provider is enabled',
          byArn: new Map(),
          recorded: 0,
          listed: 0,
          neverTagged: 0,
        },
      ]),
    );
    const answers = await Promise.all(
      providers.map(async provider => {
        try {
          return await provider.readAccount(request);
        } catch (error) {
          request.signal?.throwIfAborted();
          const reason = `${provider.source} failed: ${describeError(error)}`;
          return request.regions.map(
            (region): RegionEvidence => ({
              region,
              recording: 'unknown',
              available: false,
              reason,
              records: [],
            }),
          );
        }
      }),
    );
    for (const answer of answers) {
      for (const found of answer) {
        const state = states.get(found.region);
        if (!state) continue;
        if (found.recording !== 'unknown' && state.recording !== 'on') {
          state.recording = found.recording;
        }
        if (found.available) {
          state.available = true;
          state.reason = undefined;
        } else if (!state.available) {
          state.reason ??= found.reason;
        }
        for (const record of found.records) {
          const known = state.byArn.get(record.arn);
          state.byArn.set(
            record.arn,
            known
              ? {
                  ...known,
                  facts: { ...record.evidence.facts, ...known.facts },
                }
              : record.evidence,
          );
        }
        state.recorded = state.byArn.size;
      }
    }
    return new ScanEvidence(states);
  }

  /** The evidence of a listed resource; marks it as listed by the Tagging API. */
  take(arn: string, region: string): EvidenceForResource {
    const state = this.regions.get(region);
    if (!state) return {};
    state.listed++;
    const evidence = state.byArn.get(arn);
    if (evidence) {
      state.byArn.delete(arn);
      return { evidence };
    }
    return state.available ? {} : { unavailable: state.reason };
  }

  /** The resources recorded in a region that the Tagging API did not list: never tagged. Each is handed out once. */
  takeNeverTagged(
    region: string,
  ): Array<{ arn: string; evidence: ResourceEvidence }> {
    const state = this.regions.get(region);
    if (!state) return [];
    const rest = [...state.byArn].map(([arn, evidence]) => ({ arn, evidence }));
    state.byArn.clear();
    state.neverTagged += rest.length;
    return rest;
  }

  /** Forgets what a region listed (its collection failed, to be retried or left stale). */
  discard(region: string): void {
    const state = this.regions.get(region);
    if (state) state.byArn.clear();
  }

  /** The coverage of every region, for `GET /accounts`. */
  coverage(accountId: string, scanId: string): RegionCoverage[] {
    return [...this.regions].map(([region, s]) => {
      const row: RegionCoverage = {
        accountId,
        region,
        scanId,
        configRecording: s.recording,
        recordedByConfig: s.recorded,
        listedByTagging: s.listed,
        neverTagged: s.neverTagged,
        evidenceAvailable: s.available,
      };
      if (!s.available && s.reason) row.evidenceUnavailableReason = s.reason;
      return row;
    });
  }
}
