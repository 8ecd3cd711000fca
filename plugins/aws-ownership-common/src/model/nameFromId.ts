/**
 * The human part of a resource id: the name a person would use for it when
 * the resource has no `Name` tag.
 */
export function nameFromId(resourceType: string, resourceId: string): string {
  switch (resourceType) {
    case 'lambda:function':
      // `name` or `name:alias` / `name:version`
      return beforeColon(resourceId);
    case 'elasticloadbalancing:loadbalancer':
      // `app/web/50dc6c49`, `net/api/…`, `gwy/…`; classic ELB: `web`
      return loadBalancerName(resourceId);
    case 'elasticloadbalancing:targetgroup':
      return resourceId.split('/')[0];
    case 'eks:nodegroup':
    case 'kafka:cluster':
    case 'cloudformation:stack':
    case 'cloudformation:stackset':
    case 'wafv2:webacl':
    case 'wafv2:ipset':
    case 'wafv2:rulegroup':
      // `cluster/nodegroup/uuid`, `name/uuid`: the name precedes the generated suffix
      return nextToLastSegment(resourceId);
    case 'ecs:task-definition':
      // `family:revision`
      return beforeColon(lastSegment(resourceId));
    case 'mq:broker':
      // `name:b-uuid`
      return beforeColon(resourceId);
    case 'secretsmanager:secret':
      // Secrets Manager appends `-` and six random characters.
      return resourceId.replace(/-[A-Za-z0-9]{6}$/, '');
    case 'logs:log-group':
      return lastSegment(resourceId.replace(/:\*$/, ''));
    case 'apigateway:restapis':
      return resourceId.split('/')[0];
    default:
      return lastSegment(resourceId);
  }
}

function beforeColon(s: string): string {
  const i = s.indexOf(':');
  return i < 0 ? s : s.slice(0, i);
}

function lastSegment(s: string): string {
  const trimmed = s.endsWith('/') ? s.slice(0, -1) : s;
  const i = trimmed.lastIndexOf('/');
  const last = i < 0 ? trimmed : trimmed.slice(i + 1);
  return last === '' ? s : last;
}

/** A load balancer's name: `app/web/50dc6c49` gives `web`; a classic load balancer's id is its name. */
function loadBalancerName(id: string): string {
  const parts = id.split('/');
  return parts.length >= 3 ? parts[1] : parts[0];
}

/** The part before the last `/` (`cluster/nodegroup/uuid` gives `nodegroup`), or the whole id without one. */
function nextToLastSegment(id: string): string {
  const parts = id.split('/');
  return parts.length < 2 ? id : parts[parts.length - 2];
}
