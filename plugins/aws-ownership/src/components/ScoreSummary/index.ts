export { ScoreSummary } from './ScoreSummary';
export type { ScoreSummaryData } from './ScoreSummary';
