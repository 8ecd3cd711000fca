import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Every catalog file of this repository is something a catalog can ingest:
// the demo's examples, the repository's own entry, and the entry each plugin
// ships for adopters to register.
const root = resolve(__dirname, '../../..');

function catalogFiles(): string[] {
  const files = [join(root, 'catalog-info.yaml')];
  for (const dir of ['plugins', 'packages']) {
    for (const name of readdirSync(join(root, dir))) {
      const file = join(root, dir, name, 'catalog-info.yaml');
      if (existsSync(file)) files.push(file);
    }
  }
  for (const name of readdirSync(join(root, 'examples'))) {
    if (name.endsWith('.yaml')) files.push(join(root, 'examples', name));
  }
  return files;
}

const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);
const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

describe('catalog files', () => {
  const files = catalogFiles();

  it('finds the repository entry, each plugin entry and the examples', () => {
    const names = files.map(file => relative(root, file));
    expect(names).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'plugins/aws-ownership-common/catalog-info.yaml',
        'plugins/aws-ownership-backend/catalog-info.yaml',
        'plugins/aws-ownership-node/catalog-info.yaml',
        'plugins/aws-ownership/catalog-info.yaml',
        'examples/org.yaml',
        'examples/components.yaml',
      ]),
    );
  });

  it.each(files.map(file => [relative(root, file), file]))(
    '%s is valid YAML of valid entities',
    async (_name, file) => {
      const documents = parseAllDocuments(readFileSync(file, 'utf8'));
      expect(Array.isArray(documents)).toBe(true);
      const docs = documents as Exclude<typeof documents, { empty: true }>;
      for (const doc of docs) {
        expect(doc.errors.map(error => error.message)).toEqual([]);
      }
      const entities = docs
        .map(doc => doc.toJS() as Entity | null)
        .filter((entity): entity is Entity => entity !== null);
      expect(entities.length).toBeGreaterThan(0);
      for (const entity of entities) {
        await expect(policy.enforce(entity)).resolves.toBeDefined();
        const known = await Promise.all(
          kindValidators.map(validator => validator.check(entity)),
        );
        expect(known).toContain(true);
      }
    },
  );
});
