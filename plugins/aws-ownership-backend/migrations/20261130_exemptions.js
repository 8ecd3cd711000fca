/*
 * Exemptions (issue 14): a waiver of one check for some resources, with
 * who asked, approved and revoked it, and an audit list of every change.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('exemptions', table => {
    table.comment('Time-boxed waivers of one check for some resources');
    table.string('id', 64).primary().notNullable();
    table.string('check_id', 128).notNullable();
    table
      .string('severity', 16)
      .notNullable()
      .comment('The check severity when it was requested');
    table
      .text('arns')
      .notNullable()
      .comment('JSON array: the ARNs given, or those the selector matched');
    table.text('selector').nullable().comment('JSON selector, when given');
    table.string('team_ref', 512).nullable().index();
    table.text('reason').notNullable();
    table.string('expires_at', 30).notNullable().index();
    table
      .string('status', 16)
      .notNullable()
      .comment('pending, active or revoked (expiry is read from expires_at)');
    table.string('requested_by', 512).notNullable();
    table.string('requested_at', 30).notNullable();
    table.string('approved_by', 512).nullable();
    table.string('approved_at', 30).nullable();
    table.string('revoked_by', 512).nullable();
    table.string('revoked_at', 30).nullable();
  });
  await knex.schema.createTable('exemption_events', table => {
    table.comment('Every change of an exemption, for the audit list');
    table.increments('seq');
    table
      .string('exemption_id', 64)
      .notNullable()
      .references('id')
      .inTable('exemptions')
      .onDelete('CASCADE');
    table.string('action', 16).notNullable();
    table.string('actor', 512).nullable();
    table.string('at', 30).notNullable();
    table.index(['exemption_id', 'seq']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('exemption_events');
  await knex.schema.dropTable('exemptions');
};
