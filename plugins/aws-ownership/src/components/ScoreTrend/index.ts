export { ScoreTrend, ScoreTrendChart } from './ScoreTrend';
