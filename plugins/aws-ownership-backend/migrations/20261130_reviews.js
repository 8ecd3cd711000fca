/*
 * Ownership review meetings: a review freezes one scope's scorecard (a team,
 * a team with its sub-teams, or the organisation) with every resource's check
 * statuses, so the next meeting can see what changed; action items agreed in
 * a review carry into the next review of the same scope until closed.
 */

// @ts-check

/**
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
  await knex.schema.createTable('reviews', table => {
    table.comment('One frozen scorecard of a scope, taken for a meeting');
    table.string('id', 36).primary().notNullable();
    table
      .string('scope_key', 300)
      .notNullable()
      .comment('entity ref, plus "+descendants" when sub-teams are included');
    table.string('entity_ref', 255).notNullable();
    table.boolean('include_descendants').notNullable();
    table.text('title').nullable();
    table.text('created_by').nullable();
    table.string('created_at', 30).notNullable();
    table.integer('resource_count').notNullable();
    table.double('score').notNullable();
    table.string('grade', 1).notNullable();
    table
      .text('data')
      .notNullable()
      .comment('JSON: the scope total and every team scorecard');
    table.index(['scope_key', 'created_at'], 'reviews_scope_idx');
    table.index(['created_at'], 'reviews_created_at_idx');
  });

  await knex.schema.createTable('review_resources', table => {
    table.comment('Every resource of the scope of a review, as it was');
    table.string('review_id', 36).notNullable();
    sortableText(knex, table, 'arn').notNullable();
    table.text('owner_ref').nullable();
    table.text('component_ref').nullable();
    table.text('name').notNullable();
    table.text('resource_type').notNullable();
    table.double('score').notNullable();
    table.text('check_statuses').notNullable().comment(',id=SVC,');
    table
      .boolean('in_scope')
      .notNullable()
      .defaultTo(true)
      .comment(
        'false: in the previous review of a team scope, now owned outside it',
      );
    table.primary(['review_id', 'arn'], 'review_resources_pk');
  });

  await knex.schema.createTable('review_actions', table => {
    table.comment('Action items agreed in a review');
    table.string('id', 36).primary().notNullable();
    table.string('review_id', 36).notNullable();
    table.string('scope_key', 300).notNullable();
    table.text('title').notNullable();
    table.string('assignee', 255).notNullable();
    table.string('due', 10).nullable().comment('YYYY-MM-DD');
    table.text('arns').notNullable().comment('JSON string[]');
    table.text('check_id').nullable();
    table.string('status', 16).notNullable();
    table.text('note').nullable();
    table.text('closed_by_scan').nullable();
    table.text('created_by').nullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['scope_key', 'status'], 'review_actions_scope_idx');
    table.index(['review_id'], 'review_actions_review_idx');
    table.index(['status', 'check_id'], 'review_actions_status_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_actions');
  await knex.schema.dropTable('review_resources');
  await knex.schema.dropTable('reviews');
};
