// The benchmarks and the Playwright specs are not a package, so the role is
// given here: both are Node programs, linted like the backend packages.
module.exports =
  require('@backstage/cli/config/eslint-factory').createConfigForRole(
    __dirname,
    'node-library',
  );
