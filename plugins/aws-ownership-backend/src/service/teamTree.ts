import type { StoredTeam } from '../database/types';

/** A Group and every Group below it, the Group itself first. */
export function teamWithDescendants(
  teams: ReadonlyArray<StoredTeam>,
  ref: string,
): string[] {
  const byRef = new Map(teams.map(t => [t.ref.toLocaleLowerCase('en-US'), t]));
  const children = new Map<string, string[]>();
  for (const team of teams) {
    const parent = team.parentRef?.toLocaleLowerCase('en-US');
    if (parent) {
      children.set(parent, [...(children.get(parent) ?? []), team.ref]);
    }
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string) => {
    const key = current.toLocaleLowerCase('en-US');
    if (seen.has(key)) return; // a cycle in the catalog must not hang us
    seen.add(key);
    result.push(byRef.get(key)?.ref ?? current);
    const below = new Set([
      ...(children.get(key) ?? []),
      ...(byRef.get(key)?.childRefs ?? []),
    ]);
    for (const child of [...below].sort()) visit(child);
  };
  visit(ref);
  return result;
}
