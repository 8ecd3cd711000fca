export { ScorecardSummaryCard, summaryCardKinds } from './ScorecardSummaryCard';
