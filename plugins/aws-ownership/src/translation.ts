import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The user-facing text of the review meeting components.
 *
 * @alpha
 */
export const awsOwnershipReviewTranslationRef = createTranslationRef({
  id: 'aws-ownership-review',
  messages: {
    startReview: {
      button: 'Start review',
      starting: 'Taking the snapshot…',
    },
    meeting: {
      title: 'Ownership review: {{scope}}',
      subtitle: 'Taken {{date}}',
      organisation: 'Organisation',
      withSubTeams: '{{scope}} and its sub-teams',
      grade: 'Grade',
      resources: 'Resources',
      downloadPack: 'Download pack (Markdown)',
      print: 'Print',
      pastReviews: 'Past reviews',
      noPastReviews: 'No earlier review of this scope.',
      thisReview: 'this review',
    },
    changes: {
      title: 'Since the last review',
      firstReview:
        'This is the first review of this scope: the next one will show what changed.',
      since: 'Since {{date}}: {{before}} to {{after}} ({{change}})',
      fixed: 'Fixed',
      regressed: 'Regressed',
      new: 'New',
      gone: 'Gone',
      ownerChanged: 'Owner changed',
      none: 'Nothing',
      more: 'More changes than shown: download the pack for the rest.',
      resource: 'Resource',
      checks: 'Checks',
      type: 'Type',
      owner: 'Owner',
      unowned: 'Unowned',
    },
    fixes: {
      title: 'What to fix first',
      none: 'Every check passes: nothing to fix.',
      fix: 'Fix',
      resources: 'Resources',
      gain: 'Gain',
      grade: 'Grade',
      summary: '{{title}} on {{count}} resources: {{gain}}, {{from}} to {{to}}',
    },
    actions: {
      title: 'Action items',
      none: 'No action items yet.',
      action: 'Action',
      assignee: 'Assignee',
      due: 'Due',
      status: 'Status',
      add: 'Add',
      newTitle: 'What will be done',
      newAssignee: 'Assignee (user or group)',
      check: 'Tied to check (optional)',
      noCheck: 'None',
      carried: 'carried over',
      statusOpen: 'Open',
      statusDone: 'Done',
      statusDropped: 'Dropped',
    },
    scorecard: {
      title: 'Scorecard',
      team: 'Team',
      score: 'Score',
      failing: 'Failing',
    },
  },
});
