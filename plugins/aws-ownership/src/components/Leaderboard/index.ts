export { Leaderboard, orderLeaderboard } from './Leaderboard';
