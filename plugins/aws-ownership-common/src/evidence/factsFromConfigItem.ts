import type { ConfigItem, EvidenceFacts } from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path, or undefined. */
function at(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

const bool = (value: unknown) =>
  typeof value === 'boolean' ? value : undefined;

const num = (value: unknown) => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
};

/** `ENABLED` / `DISABLED` (any case) as a boolean. */
const enabled = (value: unknown) =>
  typeof value === 'string' ? value.toUpperCase() === 'ENABLED' : undefined;

const array = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : [];

/** Keeps only the facts that are known. */
function known(facts: EvidenceFacts): EvidenceFacts {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts)) {
    if (value !== undefined) out[name] = value;
  }
  return out as EvidenceFacts;
}

/** An IMDS setting: tokens required, or the endpoint switched off (no IMDSv1 either way). */
function imdsV2(tokens: unknown, endpoint: unknown): boolean | undefined {
  if (typeof endpoint === 'string' && endpoint.toLowerCase() === 'disabled') {
    return true;
  }
  return typeof tokens === 'string'
    ? tokens.toLowerCase() === 'required'
    : undefined;
}

const openCidrs = new Set(['0.0.0.0/0', '::/0']);

/** One ingress permission's port range as `tcp/22`, `udp/53-60`, `all`. */
function portLabel(permission: Json): string {
  const protocol = String(permission.ipProtocol ?? '-1').toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all';
  const from = num(permission.fromPort);
  const to = num(permission.toPort);
  if (from === undefined || from < 0) return `${protocol}/all`;
  return to === undefined || to === from
    ? `${protocol}/${from}`
    : `${protocol}/${from}-${to}`;
}

function isOpen(permission: Json): boolean {
  const v4 = array(permission.ipv4Ranges).some(
    r => isObject(r) && openCidrs.has(String(r.cidrIp)),
  );
  const legacy = array(permission.ipRanges).some(r => openCidrs.has(String(r)));
  const v6 = array(permission.ipv6Ranges).some(
    r => isObject(r) && openCidrs.has(String(r.cidrIpv6)),
  );
  return v4 || legacy || v6;
}

/** Ports a security group may open to the internet without exposing a service that should be private. */
const webPorts = new Set(['tcp/80', 'tcp/443']);

function securityGroupFacts(configuration: unknown): EvidenceFacts {
  const permissions = at(configuration, 'ipPermissions');
  if (!Array.isArray(permissions)) return {};
  const ports = [
    ...new Set(permissions.filter(isObject).filter(isOpen).map(portLabel)),
  ].sort();
  return {
    publicIngressPorts: ports,
    publicAccess: ports.some(p => !webPorts.has(p)),
  };
}

function bucketFacts(supplementary: unknown): EvidenceFacts {
  if (!isObject(supplementary)) return {};
  const block = at(supplementary, 'PublicAccessBlockConfiguration');
  const flags = [
    'blockPublicAcls',
    'ignorePublicAcls',
    'blockPublicPolicy',
    'restrictPublicBuckets',
  ];
  const versioning = at(supplementary, 'BucketVersioningConfiguration.status');
  const rules = array(
    at(supplementary, 'ServerSideEncryptionConfiguration.rules'),
  );
  const algorithms = rules
    .map(r => at(r, 'applyServerSideEncryptionByDefault.sseAlgorithm'))
    .filter((a): a is string => typeof a === 'string' && a !== '');
  return {
    // no public access block recorded: nothing blocks public ACLs or policies
    publicAccess: !flags.every(flag => at(block, flag) === true),
    versioning:
      typeof versioning === 'string' ? versioning === 'Enabled' : undefined,
    // Config records the logging configuration of every bucket ({} when off)
    accessLogging: Boolean(
      at(supplementary, 'BucketLoggingConfiguration.destinationBucketName'),
    ),
    encryptedAtRest: algorithms.length ? true : undefined,
    // AES256 is SSE-S3: keys AWS manages; a KMS key id alone does not say whose
    kmsKeyManager:
      algorithms.length && algorithms.every(a => a === 'AES256')
        ? 'aws'
        : undefined,
  };
}

function tableFacts(
  configuration: unknown,
  supplementary: unknown,
): EvidenceFacts {
  const sse = at(configuration, 'ssedescription');
  const status = isObject(sse) ? sse.status : undefined;
  const settled =
    typeof status !== 'string' ||
    ['ENABLED', 'UPDATING'].includes(status.toUpperCase());
  return {
    // DynamoDB encrypts every table; no SSE description means an AWS owned key
    encryptedAtRest: settled ? true : undefined,
    kmsKeyManager: sse === undefined ? 'aws' : undefined,
    pointInTimeRecovery: enabled(
      at(
        supplementary,
        'ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
      ),
    ),
  };
}

/**
 * The facts a configuration item (shaped as AWS Config's resource schema, only
 * the selected properties present) establishes. An unknown type yields none.
 *
 * @public
 */
export function factsFromConfigItem(item: ConfigItem): EvidenceFacts {
  const c = item.configuration;
  const s = item.supplementaryConfiguration;
  switch (item.resourceType) {
    case 'AWS::EC2::Volume':
      return known({ encryptedAtRest: bool(at(c, 'encrypted')) });
    case 'AWS::EC2::Instance':
      return known({
        imdsV2Required: imdsV2(
          at(c, 'metadataOptions.httpTokens'),
          at(c, 'metadataOptions.httpEndpoint'),
        ),
      });
    case 'AWS::EC2::LaunchTemplate':
      return known({
        imdsV2Required: imdsV2(
          at(c, 'LaunchTemplateData.MetadataOptions.HttpTokens'),
          at(c, 'LaunchTemplateData.MetadataOptions.HttpEndpoint'),
        ),
      });
    case 'AWS::EC2::SecurityGroup':
      return known(securityGroupFacts(c));
    case 'AWS::RDS::DBInstance':
      return known({
        encryptedAtRest: bool(at(c, 'storageEncrypted')),
        publicAccess: bool(at(c, 'publiclyAccessible')),
        backupRetentionDays: num(at(c, 'backupRetentionPeriod')),
        multiAz: bool(at(c, 'multiAZ')),
      });
    case 'AWS::RDS::DBCluster':
      return known({
        encryptedAtRest: bool(at(c, 'storageEncrypted')),
        backupRetentionDays: num(at(c, 'backupRetentionPeriod')),
        multiAz: bool(at(c, 'multiAZ')),
      });
    case 'AWS::S3::Bucket':
      return known(bucketFacts(s));
    case 'AWS::DynamoDB::Table':
      return known(tableFacts(c, s));
    case 'AWS::EFS::FileSystem':
      return known({
        encryptedAtRest: bool(at(c, 'Encrypted')),
        backupPolicyEnabled: enabled(at(c, 'BackupPolicy.Status')),
      });
    case 'AWS::OpenSearch::Domain':
      return known({
        encryptedAtRest: bool(at(c, 'EncryptionAtRestOptions.Enabled')),
        multiAz: bool(at(c, 'ClusterConfig.ZoneAwarenessEnabled')),
        // a domain outside a VPC has a public endpoint
        publicAccess:
          c === undefined ? undefined : at(c, 'VPCOptions') === undefined,
      });
    case 'AWS::Redshift::Cluster':
      return known({
        encryptedAtRest: bool(at(c, 'encrypted')),
        publicAccess: bool(at(c, 'publiclyAccessible')),
        backupRetentionDays: num(at(c, 'automatedSnapshotRetentionPeriod')),
        accessLogging: bool(at(s, 'LoggingStatus.loggingEnabled')),
      });
    case 'AWS::CloudFront::Distribution':
      return known({
        accessLogging: bool(at(c, 'distributionConfig.logging.enabled')),
      });
    default:
      return {};
  }
}
