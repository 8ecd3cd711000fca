import { Tooltip, Typography } from '@material-ui/core';
import type { ApiRatedResource } from '@aws-ownership/backstage-plugin-common';
import { absoluteTime, relativeTime } from '../../utils';

type CheckResult = ApiRatedResource['rating']['results'][number];

/** `configuration.storageEncrypted` as AWS writes the property in its console: `StorageEncrypted`. */
function propertyLabel(property: string | undefined, fact: string): string {
  const leaf = (property ?? fact).split('.').pop() ?? fact;
  return leaf.charAt(0).toUpperCase() + leaf.slice(1);
}

function valueLabel(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

/**
 * What decided a result: "verified by AWS Config 2 hours ago: StorageEncrypted
 * = false" when a recorded fact did, "declared by tag" when a tag did.
 */
export const CheckBasis = (props: { result: CheckResult }) => {
  const { basis, evidence } = props.result;
  if (basis === 'verified' && evidence) {
    return (
      <Typography variant="caption" component="div" data-testid="check-basis">
        <Tooltip title={absoluteTime(evidence.capturedAt)}>
          <span>
            Verified by {evidence.source} {relativeTime(evidence.capturedAt)}
          </span>
        </Tooltip>
        : {propertyLabel(evidence.property, evidence.fact)} ={' '}
        {valueLabel(evidence.value)}
      </Typography>
    );
  }
  if (basis === 'declared') {
    return (
      <Typography
        variant="caption"
        component="div"
        color="textSecondary"
        data-testid="check-basis"
      >
        Declared by tag (not verified)
      </Typography>
    );
  }
  return null;
};
