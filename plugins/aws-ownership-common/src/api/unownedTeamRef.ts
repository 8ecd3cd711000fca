/**
 * The ref of the scorecard that gathers resources with no owner or a dangling one.
 *
 * @public
 */
export const unownedTeamRef = 'unowned';
