import type { Knex } from 'knex';
import type { RegionCoverage } from './types';

interface CoverageRow {
  account_id: string;
  region: string;
  scan_id: string;
  config_recording: string;
  recorded_by_config: number;
  listed_by_tagging: number;
  never_tagged: number;
  evidence_available: boolean | number;
  unavailable_reason: string | null;
  measured_at: string;
}

/** Keeps the latest evidence coverage of each account and region (table `evidence_coverage`). */
export class EvidenceCoverageStore {
  constructor(private readonly db: Knex) {}

  /** Replaces the coverage of the regions a scan measured. */
  async write(coverage: RegionCoverage[]): Promise<void> {
    if (!coverage.length) return;
    const measuredAt = new Date().toISOString();
    const rows: CoverageRow[] = coverage.map(c => ({
      account_id: c.accountId,
      region: c.region,
      scan_id: c.scanId,
      config_recording: c.configRecording,
      recorded_by_config: c.recordedByConfig,
      listed_by_tagging: c.listedByTagging,
      never_tagged: c.neverTagged,
      evidence_available: c.evidenceAvailable,
      unavailable_reason: c.evidenceUnavailableReason ?? null,
      measured_at: measuredAt,
    }));
    await this.db<CoverageRow>('evidence_coverage')
      .insert(rows)
      .onConflict(['account_id', 'region'])
      .merge();
  }

  /** Every account and region measured, by account then region. */
  async list(): Promise<RegionCoverage[]> {
    const rows = await this.db<CoverageRow>('evidence_coverage')
      .select()
      .orderBy(['account_id', 'region']);
    return rows.map(r => {
      const coverage: RegionCoverage = {
        accountId: r.account_id,
        region: r.region,
        scanId: r.scan_id,
        configRecording:
          r.config_recording as RegionCoverage['configRecording'],
        recordedByConfig: Number(r.recorded_by_config),
        listedByTagging: Number(r.listed_by_tagging),
        neverTagged: Number(r.never_tagged),
        evidenceAvailable: Boolean(r.evidence_available),
      };
      if (r.unavailable_reason) {
        coverage.evidenceUnavailableReason = r.unavailable_reason;
      }
      return coverage;
    });
  }
}
