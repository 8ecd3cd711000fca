/*
 * Evidence coverage: per account and region, whether AWS Config records
 * there, how many resources it records, how many the Tagging API listed, how
 * many nobody ever tagged, and whether evidence could be read (or why not).
 * Written by each scan of the account; facts themselves travel in the
 * resource rows' data.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('evidence_coverage', table => {
    table.string('account_id', 12).notNullable();
    table.string('region', 32).notNullable();
    table.string('scan_id', 64).notNullable();
    table
      .string('config_recording', 8)
      .notNullable()
      .comment('on, off or unknown');
    table.integer('recorded_by_config').notNullable();
    table.integer('listed_by_tagging').notNullable();
    table.integer('never_tagged').notNullable();
    table.boolean('evidence_available').notNullable();
    table.text('unavailable_reason').nullable();
    table.string('measured_at', 30).notNullable();
    table.primary(['account_id', 'region']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('evidence_coverage');
};
