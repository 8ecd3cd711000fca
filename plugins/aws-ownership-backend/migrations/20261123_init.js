/*
 * The aws-ownership store: scans, the resources each scan wrote, which scan is
 * current for every account and region, the Group hierarchy and team score
 * snapshots. Timestamps are ISO 8601 UTC strings (they sort as text and read
 * back the same on SQLite and PostgreSQL).
 */

// @ts-check

/**
 * Sortable text: on PostgreSQL byte order ("C"), like SQLite's BINARY, so
 * both databases sort and page the same way and btree indexes serve ORDER BY.
 *
 * @param {import('knex').Knex} knex
 * @param {import('knex').Knex.CreateTableBuilder} table
 * @param {string} name
 */
function sortableText(knex, table, name) {
  return knex.client.dialect === 'postgresql'
    ? table.specificType(name, 'text COLLATE "C"')
    : table.text(name);
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scans', table => {
    table.comment('One scan of one account');
    table.string('id', 36).primary().notNullable();
    table.string('account_id', 32).notNullable();
    table.string('trigger', 16).notNullable();
    table.text('requested_by').nullable();
    table.string('status', 16).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('started_at', 30).nullable();
    table.string('finished_at', 30).nullable();
    table.text('regions').notNullable().comment('JSON ScanRegionOutcome[]');
    table.text('progress').notNullable().comment('JSON ScanProgress');
    table.text('error').nullable();
    table.index(['account_id', 'status'], 'scans_account_status_idx');
    table.index(['created_at'], 'scans_created_at_idx');
  });

  await knex.schema.createTable('resources', table => {
    table.comment('Rated resources, per scan; readers join current_regions');
    table.string('scan_id', 36).notNullable();
    sortableText(knex, table, 'arn').notNullable();
    sortableText(knex, table, 'account_id')
      .notNullable()
      .comment('The scanned account');
    sortableText(knex, table, 'region')
      .notNullable()
      .comment('The region the collector read it from');
    sortableText(knex, table, 'resource_type').notNullable();
    table.text('service').notNullable();
    sortableText(knex, table, 'name').notNullable();
    table.string('category', 16).notNullable();
    table.text('owner_ref').nullable();
    table.text('component_ref').nullable();
    table.double('score').notNullable();
    table.string('grade', 1).notNullable();
    table.text('failing_checks').notNullable().comment(',id,id,');
    table.text('check_statuses').notNullable().comment(',id=status,');
    table
      .text('search_text')
      .notNullable()
      .comment('lowercased arn, name, tag values');
    table.text('data').notNullable().comment('compact JSON of the rest');
    table.primary(['scan_id', 'arn'], 'resources_pk');
    table.index(['owner_ref', 'score'], 'resources_owner_score_idx');
    table.index(['component_ref'], 'resources_component_idx');
    table.index(['resource_type'], 'resources_type_idx');
    table.index(
      ['account_id', 'region', 'arn'],
      'resources_account_region_idx',
    );
    table.index(['arn'], 'resources_arn_idx');
  });

  await knex.schema.createTable('current_regions', table => {
    table.comment(
      'The scan whose resources are current for an account and region',
    );
    // same collation as resources' columns, which readers join on
    sortableText(knex, table, 'account_id').notNullable();
    sortableText(knex, table, 'region').notNullable();
    table.string('scan_id', 36).notNullable();
    table.string('last_seen_at', 30).notNullable();
    table.boolean('stale').notNullable().defaultTo(false);
    table.primary(['account_id', 'region'], 'current_regions_pk');
  });

  await knex.schema.createTable('teams', table => {
    table.comment('The Group hierarchy kept for rollups');
    table.string('ref', 255).primary().notNullable();
    table.text('display_name').nullable();
    table.string('parent_ref', 255).nullable();
    table.text('child_refs').notNullable().comment('JSON string[]');
  });

  await knex.schema.createTable('team_scores', table => {
    table.comment('Snapshots of every team scorecard');
    table.string('snapshot_id', 64).notNullable();
    table.string('team_ref', 255).notNullable();
    table.string('computed_at', 30).notNullable();
    table.double('score').notNullable();
    table.string('grade', 1).notNullable();
    table.integer('resource_count').notNullable();
    table.integer('failing_resource_count').notNullable();
    table
      .text('data')
      .notNullable()
      .comment('JSON of the other scorecard fields');
    table.primary(['snapshot_id', 'team_ref'], 'team_scores_pk');
    table.index(['team_ref', 'computed_at'], 'team_scores_team_idx');
    table.index(['computed_at', 'snapshot_id'], 'team_scores_computed_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('team_scores');
  await knex.schema.dropTable('teams');
  await knex.schema.dropTable('current_regions');
  await knex.schema.dropTable('resources');
  await knex.schema.dropTable('scans');
};
