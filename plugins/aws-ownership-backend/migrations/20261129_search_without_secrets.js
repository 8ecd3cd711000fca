/*
 * Rows written before 2026-11-29 kept every tag value in `search_text` (and a
 * secret-looking `Name` tag in `name`), so `q` could confirm a guessed secret
 * that the API shows as `[redacted]`. This rewrites both from the tags the API
 * shows, with the common package's own masking rule; scans since write them so.
 */

// @ts-check

const BATCH = 500;

/**
 * @param {Record<string, string>} tags
 * @param {(tags: Record<string, string>) => Record<string, string>} maskSecretTags
 */
function visibleTags(tags, maskSecretTags) {
  const masked = maskSecretTags(tags);
  /** @type {Record<string, string>} */
  const visible = {};
  for (const [key, value] of Object.entries(tags)) {
    if (masked[key] === value) visible[key] = value;
  }
  return visible;
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const {
    maskSecretTags,
    resourceName,
  } = require('@aws-ownership/backstage-plugin-common');
  /** @type {{ scan_id: string, arn: string } | undefined} */
  let after;
  for (;;) {
    const query = knex('resources')
      .select('scan_id', 'arn', 'resource_type', 'name', 'search_text', 'data')
      .orderBy([{ column: 'scan_id' }, { column: 'arn' }])
      .limit(BATCH);
    if (after) {
      const last = after;
      query.where(q =>
        q
          .where('scan_id', '>', last.scan_id)
          .orWhere(q2 =>
            q2.where('scan_id', last.scan_id).andWhere('arn', '>', last.arn),
          ),
      );
    }
    const rows = await query;
    for (const row of rows) {
      const data = JSON.parse(row.data);
      const tags = visibleTags(data.t ?? {}, maskSecretTags);
      const name = resourceName({
        resourceType: row.resource_type,
        resourceId: data.i,
        tags,
      });
      const searchText = [row.arn, name, ...Object.values(tags)]
        .join('\n')
        .toLowerCase();
      if (name !== row.name || searchText !== row.search_text) {
        await knex('resources')
          .where({ scan_id: row.scan_id, arn: row.arn })
          .update({ name, search_text: searchText });
      }
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1];
  }
};

/**
 * Nothing to undo: the next scan writes the same text either way.
 */
exports.down = async function down() {};
