export { StartReviewButton } from './StartReviewButton';
