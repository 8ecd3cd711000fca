import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { awsOwnershipReviewsApiRef } from '../api';

/** Everything a review meeting shows: the review, its changes, its fixes and the scope's past reviews. */
export function useReviewMeeting(reviewId: string) {
  const api = useApi(awsOwnershipReviewsApiRef);
  return useAsyncRetry(async () => {
    const review = await api.getReview(reviewId);
    const [changes, fixes, past, packUrl] = await Promise.all([
      api.getChanges(reviewId, { limit: 500 }),
      api.getFixes(reviewId),
      api.listReviews({ entityRef: review.entityRef, limit: 20 }),
      api.getPackUrl(reviewId),
    ]);
    return {
      review,
      changes,
      fixes,
      past: past.filter(
        r => r.includeDescendants === review.includeDescendants,
      ),
      packUrl,
    };
  }, [api, reviewId]);
}
