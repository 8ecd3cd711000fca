/** AWS Config items of EC2: AWS::EC2::Volume, Instance, LaunchTemplate and SecurityGroup, in resource schema property names. */
import {
  Builder,
  careless,
  date,
  kmsKey,
  lastSegment,
  vpc,
  zone,
} from './shared';

/** AWS::EC2::Volume: encryption and its key, size, type, state and attachment. */
export const volume: Builder = c => {
  const encrypted = !careless(c, 0.08, 0.5);
  const availabilityZone = zone(c);
  const volumeId = lastSegment(c.arn);
  const attached = c.rng.chance(0.8);
  return {
    availabilityZone,
    configuration: {
      volumeId,
      size: c.rng.pick([8, 20, 50, 100, 500]),
      volumeType: c.rng.pick(['gp3', 'gp3', 'gp2', 'io2']),
      iops: 3000,
      encrypted,
      ...(encrypted ? { kmsKeyId: kmsKey(c) } : {}),
      availabilityZone,
      createTime: date(c.rng),
      state: { value: attached ? 'in-use' : 'available' },
      attachments: attached
        ? [
            {
              volumeId,
              instanceId: `i-0${c.rng.hex(16)}`,
              device: '/dev/xvda',
              state: 'attached',
              deleteOnTermination: true,
            },
          ]
        : [],
    },
  };
};

/** AWS::EC2::Instance: the metadata options (IMDSv2), type, image, placement and network. */
export const instance: Builder = c => {
  const availabilityZone = zone(c);
  const vpcId = vpc(c);
  return {
    availabilityZone,
    configuration: {
      instanceId: lastSegment(c.arn),
      instanceType: c.rng.pick([
        't3.medium',
        'm6i.large',
        'c6i.xlarge',
        'r6i.large',
      ]),
      imageId: `ami-0${c.rng.hex(16)}`,
      launchTime: date(c.rng),
      state: { code: '16', name: 'running' },
      metadataOptions: {
        httpTokens: careless(c, 0.15, 0.6) ? 'optional' : 'required',
        httpEndpoint: 'enabled',
        httpPutResponseHopLimit: c.rng.pick([1, 2]),
        state: 'applied',
      },
      placement: { availabilityZone, tenancy: 'default' },
      monitoring: { state: c.rng.pick(['disabled', 'enabled']) },
      privateIpAddress: `10.${c.rng.int(0, 255)}.${c.rng.int(
        0,
        255,
      )}.${c.rng.int(1, 254)}`,
      subnetId: `subnet-0${c.rng.hex(16)}`,
      vpcId,
      securityGroups: [
        { groupId: `sg-0${c.rng.hex(16)}`, groupName: `${c.name}-sg` },
      ],
    },
  };
};

/** AWS::EC2::LaunchTemplate: the metadata options and the encryption of its block devices. */
export const launchTemplate: Builder = c => ({
  resourceName: c.name,
  configuration: {
    Id: lastSegment(c.arn),
    LaunchTemplateName: c.name,
    DefaultVersionNumber: '1',
    LatestVersionNumber: String(c.rng.int(1, 6)),
    LaunchTemplateData: {
      ImageId: `ami-0${c.rng.hex(16)}`,
      InstanceType: c.rng.pick(['t3.medium', 'm6i.large']),
      MetadataOptions: {
        HttpTokens: careless(c, 0.2, 0.5) ? 'optional' : 'required',
        HttpEndpoint: 'enabled',
      },
      BlockDeviceMappings: [
        {
          DeviceName: '/dev/xvda',
          Ebs: {
            Encrypted: !careless(c, 0.1, 0.4),
            VolumeSize: 20,
            VolumeType: 'gp3',
            DeleteOnTermination: true,
          },
        },
      ],
    },
  },
});

function permission(protocol: string, port: number | undefined, cidr: string) {
  const v6 = cidr.includes(':');
  return {
    ipProtocol: protocol,
    ...(port === undefined ? {} : { fromPort: port, toPort: port }),
    ipRanges: v6 ? [] : [cidr],
    ipv4Ranges: v6 ? [] : [{ cidrIp: cidr }],
    ipv6Ranges: v6 ? [{ cidrIpv6: cidr }] : [],
    prefixListIds: [],
    userIdGroupPairs: [],
  };
}

/** AWS::EC2::SecurityGroup: ingress rules, a few careless ones open to the internet. */
export const securityGroup: Builder = c => {
  const ingress = [
    permission('tcp', c.rng.pick([443, 8080, 5432]), '10.0.0.0/8'),
  ];
  if (c.rng.chance(0.25)) ingress.push(permission('tcp', 443, '0.0.0.0/0'));
  if (careless(c, 0.04, 0.25)) {
    ingress.push(
      permission('tcp', c.rng.pick([22, 3389, 5432, 6379]), '0.0.0.0/0'),
    );
  }
  if (careless(c, 0.01, 0.08)) ingress.push(permission('tcp', 22, '::/0'));
  return {
    resourceName: c.name,
    configuration: {
      groupId: lastSegment(c.arn),
      groupName: c.name,
      description: `${c.name} security group`,
      vpcId: vpc(c),
      ownerId: c.accountId,
      ipPermissions: ingress,
      ipPermissionsEgress: [permission('-1', undefined, '0.0.0.0/0')],
    },
  };
};
