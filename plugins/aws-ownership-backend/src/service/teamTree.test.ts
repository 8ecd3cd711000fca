import { teamWithDescendants } from './teamTree';

const teams = [
  {
    ref: 'group:default/engineering',
    childRefs: ['group:default/platform', 'group:default/payments'],
  },
  {
    ref: 'group:default/platform',
    parentRef: 'group:default/engineering',
    childRefs: ['group:default/sre'],
  },
  // a child known only through its own parentRef
  {
    ref: 'group:default/sre',
    parentRef: 'group:default/platform',
    childRefs: [],
  },
  {
    ref: 'group:default/networking',
    parentRef: 'group:default/platform',
    childRefs: [],
  },
  {
    ref: 'group:default/payments',
    parentRef: 'group:default/engineering',
    childRefs: [],
  },
  // a cycle
  { ref: 'group:default/a', childRefs: ['group:default/b'] },
  { ref: 'group:default/b', childRefs: ['group:default/a'] },
];

describe('teamWithDescendants', () => {
  it('lists the Group first, then every Group below it', () => {
    expect(teamWithDescendants(teams, 'group:default/engineering')).toEqual([
      'group:default/engineering',
      'group:default/payments',
      'group:default/platform',
      'group:default/networking',
      'group:default/sre',
    ]);
  });

  it('gives a leaf alone, and an unknown Group alone', () => {
    expect(teamWithDescendants(teams, 'group:default/sre')).toEqual([
      'group:default/sre',
    ]);
    expect(teamWithDescendants(teams, 'group:default/ghost')).toEqual([
      'group:default/ghost',
    ]);
  });

  it('survives a cycle', () => {
    expect(teamWithDescendants(teams, 'group:default/a')).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
  });
});
