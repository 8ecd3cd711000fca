export { VerifiedShare } from './VerifiedShare';
