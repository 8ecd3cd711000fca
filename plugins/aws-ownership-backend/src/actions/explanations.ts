/** Why each checklist matters under AWS's Shared Responsibility Model, for explanations to people. */
export const whyChecklistMatters: Record<
  'naming' | 'tagging' | 'responsibility',
  string
> = {
  naming:
    'AWS secures the cloud; knowing what runs in it is the customer\u2019s job. A name that says what a resource is and which environment it serves is how its owner recognises it in the console, in a bill or during an incident.',
  tagging:
    'AWS does not know who in your company owns a resource: tags are how you tell it, and how cost reports, access policies and this scorecard attribute the resource to a team, a cost centre and an environment.',
  responsibility:
    'Under the Shared Responsibility Model AWS secures the cloud and the customer secures what it runs in it: for each resource someone in the company must own the duties AWS leaves to the customer (access, data, and for infrastructure and container services patching, backups and availability). These checks ask whether the owning team has declared how it meets them.',
};

/** What the customer (the owning team) looks after for each category of service. */
export const responsibilityByCategory: Record<
  'infrastructure' | 'container' | 'abstract' | 'unclassified',
  string
> = {
  infrastructure:
    'Infrastructure service (such as EC2): AWS runs the hardware and the virtualisation; the team owns the guest operating system and its patches, the network configuration, access, data, backups and availability.',
  container:
    'Container service (such as RDS): AWS runs the platform and its operating system; the team owns access, data, the backup and availability settings it chooses, and the configuration.',
  abstract:
    'Abstract service (such as S3): AWS runs the service end to end; the team owns its data, who can access it, and how the data is classified and encrypted.',
  unclassified:
    'Unclassified: the category of this resource type is not known, so assume the team owns everything that is not plainly AWS\u2019s.',
};
