// The signed-in token's role, said once at the top of every screen when it cannot change everything.
export const rolesEn = {
  'role.viewer':
    'Signed in as {name} (viewer): you can see everything and change nothing; the agent refuses changes from this token.',
  'role.operator':
    'Signed in as {name} (operator): you can set weights, quiesce, drain and zero counters; other changes need an admin token.',
  'role.limited': 'This token may change only {services}.',
};
