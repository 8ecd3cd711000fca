/*
 * When a scan last showed a sign of life (created, claimed, progress saved:
 * every second while it runs). A scan left `running` by a process that
 * stopped would otherwise make "scan now" answer 409 until the account's next
 * scheduled run cleans it up.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scans', table => {
    table
      .string('updated_at', 30)
      .nullable()
      .comment('Last sign of life of an unfinished scan (ISO 8601)');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('scans', table => {
    table.dropColumn('updated_at');
  });
};
