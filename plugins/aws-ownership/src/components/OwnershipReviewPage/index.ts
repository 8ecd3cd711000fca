export { OwnershipReviewPage } from './OwnershipReviewPage';
