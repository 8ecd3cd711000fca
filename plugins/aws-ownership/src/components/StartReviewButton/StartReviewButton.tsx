import { useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Button } from '@material-ui/core';
import { useNavigate } from 'react-router-dom';
import { awsOwnershipReviewsApiRef } from '../../api';
import { reviewMeetingRouteRef } from '../../routes';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { ResponseErrorPanel } from '@backstage/core-components';

/**
 * The meeting page's link, or undefined in a legacy app that did not mount
 * the page: the tabs that carry this button must keep working there.
 * useRouteRef throws for an unmounted route after running its own hooks, so
 * the hook order stays the same either way.
 */
function useMeetingLink() {
  try {
    return useRouteRef(reviewMeetingRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * "Start review": freezes the scope's scorecard as a review and opens its
 * meeting page. `entityRef` is a Group ref, `unowned` or `organisation`.
 */
export const StartReviewButton = (props: {
  entityRef: string;
  includeDescendants?: boolean;
}) => {
  const api = useApi(awsOwnershipReviewsApiRef);
  const meeting = useMeetingLink();
  const navigate = useNavigate();
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const review = await api.createReview({
        entityRef: props.entityRef,
        includeDescendants: props.includeDescendants,
      });
      navigate(meeting!({ reviewId: review.id }));
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  if (!meeting) return null;
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        onClick={start}
        disabled={busy}
        style={{ whiteSpace: 'nowrap' }}
        data-testid="aws-ownership-start-review"
      >
        {busy ? t('startReview.starting') : t('startReview.button')}
      </Button>
      {error && <ResponseErrorPanel error={error} />}
    </>
  );
};
