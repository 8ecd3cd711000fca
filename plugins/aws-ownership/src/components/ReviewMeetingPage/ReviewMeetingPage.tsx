import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Box, Button, Grid, Typography } from '@material-ui/core';
import { Link } from 'react-router-dom';
import { awsOwnershipReviewsApiRef } from '../../api';
import { useReviewMeeting } from '../../hooks/useReviewMeeting';
import { reviewMeetingRouteRef } from '../../routes';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localDateTime, localNumber } from '../../utils/locale';
import { GradeChip } from '../GradeChip';
import { printCss } from './printCss';
import { ReviewActions } from './ReviewActions';
import { ReviewChangesSection } from './ReviewChangesSection';
import { ReviewFixList } from './ReviewFixList';
import { ReviewScorecard } from './ReviewScorecard';

/** The meeting page of one review. */
export const ReviewMeeting = (props: { reviewId: string }) => {
  const { reviewId } = props;
  const meeting = useRouteRef(reviewMeetingRouteRef);
  const api = useApi(awsOwnershipReviewsApiRef);
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const state = useReviewMeeting(reviewId);

  const downloadPack = async () => {
    const markdown = await api.getPack(reviewId);
    const url = URL.createObjectURL(
      new Blob([markdown], { type: 'text/markdown' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `aws-ownership-review-${reviewId}.md`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };

  let body: JSX.Element;
  let title = '';
  let subtitle = '';
  if (state.loading && !state.value) body = <Progress />;
  else if (state.error) body = <ResponseErrorPanel error={state.error} />;
  else {
    const { review, changes, fixes, past } = state.value!;
    const name =
      review.entityRef === 'organisation'
        ? t('meeting.organisation')
        : review.displayName;
    const scope = review.includeDescendants
      ? t('meeting.withSubTeams', { scope: name })
      : name;
    title = t('meeting.title', { scope });
    subtitle = t('meeting.subtitle', { date: localDateTime(review.createdAt) });
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Box display="flex" alignItems="center" style={{ gap: 16 }}>
            <GradeChip grade={review.total.grade} size="large" />
            <Typography variant="h5" data-testid="aws-ownership-review-score">
              {localNumber(review.total.score)}
            </Typography>
            <Typography>
              {t('meeting.resources')}:{' '}
              {localNumber(review.total.resourceCount)}
            </Typography>
            <Box flexGrow={1} />
            <Box data-print="hide" display="flex" style={{ gap: 8 }}>
              <Button variant="outlined" onClick={downloadPack}>
                {t('meeting.downloadPack')}
              </Button>
              <Button variant="outlined" onClick={() => window.print()}>
                {t('meeting.print')}
              </Button>
            </Box>
          </Box>
        </Grid>
        <Grid item xs={12}>
          <ReviewChangesSection changes={changes} scope={scope} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReviewFixList fixes={fixes} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReviewActions review={review} fixes={fixes} onChange={state.retry} />
        </Grid>
        <Grid item xs={12}>
          <ReviewScorecard review={review} />
        </Grid>
        <Grid item xs={12} data-print="hide">
          <ContentHeader title={t('meeting.pastReviews')} />
          {past.length > 1 ? (
            <ul data-testid="aws-ownership-past-reviews">
              {past.map(p => (
                <li key={p.id}>
                  {p.id === review.id ? (
                    `${localDateTime(p.createdAt)}: ${p.grade} ${localNumber(
                      p.score,
                    )} (${t('meeting.thisReview')})`
                  ) : (
                    <Link to={meeting({ reviewId: p.id })}>
                      {localDateTime(p.createdAt)}: {p.grade}{' '}
                      {localNumber(p.score)}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Typography>{t('meeting.noPastReviews')}</Typography>
          )}
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <style>{printCss}</style>
      <Header title={title || 'AWS ownership review'} subtitle={subtitle} />
      <Content>{body}</Content>
    </Page>
  );
};

/**
 * A review meeting: what changed since the last review first, then what to
 * fix first, the action items, and the frozen scorecard; past reviews of the
 * scope, the Markdown pack and a print view (A4).
 */
export const ReviewMeetingPage = () => {
  const { reviewId } = useRouteRefParams(reviewMeetingRouteRef);
  return <ReviewMeeting reviewId={reviewId} />;
};
