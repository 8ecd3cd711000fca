/*
 * The default listing (worst score first, ties by ARN) walks this index and
 * stops after one page, whatever the filter.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('resources', table => {
    table.index(['score', 'arn'], 'resources_score_arn_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('resources', table => {
    table.dropIndex(['score', 'arn'], 'resources_score_arn_idx');
  });
};
