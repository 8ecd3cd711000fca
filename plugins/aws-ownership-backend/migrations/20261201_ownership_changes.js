/*
 * Ownership changes (issue 17): every change of a resource's owner that a
 * scan's commit saw, so a team review can tell a resource that came into the
 * team since its previous review (it existed, owned by another team or by
 * nobody) from one new in AWS. The snapshots alone cannot: the previous team
 * review never held the resource. `review_resources.owner_before` keeps what
 * the review found.
 */

// @ts-check

/**
 * Sortable text: on PostgreSQL byte order ("C"), like the arn columns it is
 * compared with, so equality never meets two collations.
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
  await knex.schema.createTable('ownership_changes', table => {
    table.comment(
      'A resource whose owner differed from the previous current data when a scan committed; kept for the history retention',
    );
    table.increments('id');
    sortableText(knex, table, 'arn').notNullable();
    sortableText(knex, table, 'account_id').notNullable();
    table
      .text('from_owner_ref')
      .nullable()
      .comment('The owner before; null: unowned or dangling');
    table
      .text('to_owner_ref')
      .nullable()
      .comment('The owner after; null: unowned or dangling');
    table.string('scan_id', 36).notNullable();
    table
      .string('changed_at', 30)
      .notNullable()
      .comment('The commit (ISO 8601)');
    table.index(['arn', 'changed_at'], 'ownership_changes_arn_idx');
    table.index(['changed_at'], 'ownership_changes_changed_at_idx');
  });

  await knex.schema.alterTable('review_resources', table => {
    table
      .text('owner_before')
      .nullable()
      .comment(
        'Team reviews: the owner at the previous review of a resource that came into the scope since ("unowned" for none); null: not moved in',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('review_resources', table => {
    table.dropColumn('owner_before');
  });
  await knex.schema.dropTable('ownership_changes');
};
