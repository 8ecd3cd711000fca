export { GroupScorecardContent } from './GroupScorecardContent';
