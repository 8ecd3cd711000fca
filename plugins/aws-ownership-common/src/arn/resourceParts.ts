/**
 * Services whose ARNs carry a bare id: the resource type is implied by the
 * service (`arn:aws:sqs:us-east-1:111122223333:orders` is a queue).
 */
export const impliedResourceTypes: Readonly<Record<string, string>> = {
  s3: 'bucket',
  sqs: 'queue',
  sns: 'topic',
  codecommit: 'repository',
  // `arn:aws:codepipeline:region:account:name`; stages and actions add `/` parts
  codepipeline: 'pipeline',
  'execute-api': 'api',
};

/**
 * Services whose resource part starts with a scope segment before the type
 * (`wafv2`: `regional/webacl/name/id`); the scope is dropped from the type.
 */
const scopedServices: ReadonlySet<string> = new Set(['wafv2', 'waf-regional']);

/** Splits an ARN resource part into `[type, id]`; `type` is without the service prefix. */
export function splitResourcePart(
  service: string,
  resource: string,
): [type: string, id: string] {
  let rest = resource;
  // API Gateway resource parts are paths: `/restapis/a1b2c3/stages/prod`.
  if (service === 'apigateway' && rest.startsWith('/')) {
    rest = rest.slice(1);
  }

  if (scopedServices.has(service)) {
    const scopeEnd = rest.indexOf('/');
    if (scopeEnd > 0) {
      const afterScope = rest.slice(scopeEnd + 1);
      const typeEnd = afterScope.indexOf('/');
      if (typeEnd > 0) {
        return [afterScope.slice(0, typeEnd), afterScope.slice(typeEnd + 1)];
      }
    }
  }

  const implied = impliedResourceTypes[service];
  const slash = rest.indexOf('/');
  const colon = rest.indexOf(':');

  if (implied !== undefined) {
    if (service === 's3') {
      // A bucket has no separator; `bucket/key` is an object; regional S3
      // resources (`accesspoint/name`) carry a type.
      if (slash < 0 && colon < 0) return [implied, rest];
      if (
        colon < 0 &&
        !/^(accesspoint|job|storage-lens|outpost)$/.test(rest.slice(0, slash))
      ) {
        return ['object', rest];
      }
    } else if (service === 'sns' && colon > 0) {
      // `topic:subscription-id` is a subscription of that topic.
      return ['subscription', rest];
    } else if (slash < 0 && colon < 0) {
      return [implied, rest];
    }
  }

  let sep: number;
  if (slash < 0) sep = colon;
  else if (colon < 0) sep = slash;
  else sep = Math.min(slash, colon);

  if (sep < 0) {
    return [implied ?? 'resource', rest];
  }
  return [rest.slice(0, sep), rest.slice(sep + 1)];
}
