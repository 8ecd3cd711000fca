import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  type ApiReview,
  unownedTeamRef,
} from '@aws-ownership/backstage-plugin-common';
import { awsOwnershipReviewTranslationRef } from '../../translation';
import { localNumber } from '../../utils/locale';
import { GradeChip } from '../GradeChip';
import { compactTableOptions } from './compactTableOptions';

type Team = ApiReview['teams'][number];

/** The frozen scorecard: every team of the scope, unowned first. */
export const ReviewScorecard = (props: { review: ApiReview }) => {
  const { t } = useTranslationRef(awsOwnershipReviewTranslationRef);
  const columns: TableColumn<Team>[] = [
    {
      title: t('scorecard.team'),
      render: team =>
        team.teamRef && team.teamRef !== unownedTeamRef ? (
          <EntityRefLink entityRef={team.teamRef} title={team.displayName} />
        ) : (
          team.displayName
        ),
      width: '40%',
    },
    {
      title: t('meeting.grade'),
      render: team => <GradeChip grade={team.grade} />,
      width: '15%',
    },
    {
      title: t('scorecard.score'),
      render: team => localNumber(team.score),
      width: '15%',
    },
    {
      title: t('meeting.resources'),
      render: team => localNumber(team.resourceCount),
      width: '15%',
    },
    {
      title: t('scorecard.failing'),
      render: team => localNumber(team.failingResourceCount),
      width: '15%',
    },
  ];
  return (
    <InfoCard title={t('scorecard.title')}>
      <div data-testid="aws-ownership-review-scorecard">
        <Table<Team>
          options={compactTableOptions}
          columns={columns}
          data={props.review.teams}
        />
      </div>
    </InfoCard>
  );
};
