// What the functions' bundles load for `depd`, which http-errors requires only to warn about
// its own misuse (a status below 400), which this API never makes. serverless.yml aliases
// `depd` to this file (custom.esbuild.alias) to keep 4 KiB of stack-trace parsing out of every
// cold start; the tests run the real one.
module.exports = function depd() {
  function deprecate() {}
  deprecate.function = (fn) => fn;
  deprecate.property = () => undefined;
  return deprecate;
};
