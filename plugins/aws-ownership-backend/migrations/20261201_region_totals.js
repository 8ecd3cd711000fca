/*
 * Team score totals per account and region: when a scan commits a region,
 * the sums behind every team's score over that region's resources (the common
 * package's TeamScoreTotals, by owner) are kept beside them, so the team
 * scores after each scan add up a few rows per region instead of re-reading
 * every resource of the organisation. Regions committed before this migration
 * get theirs the first time the team scores are computed.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('region_totals', table => {
    table.comment(
      'Team score totals of one committed region of a scan, by owner',
    );
    table.string('scan_id', 36).notNullable();
    table.string('account_id', 64).notNullable();
    table.string('region', 64).notNullable();
    table
      .text('totals')
      .notNullable()
      .comment('JSON: owner ref (or "unowned") -> TeamScoreTotals');
    table.primary(['scan_id', 'region'], 'region_totals_pk');
    table.index(['account_id', 'region'], 'region_totals_account_region_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('region_totals');
};
