#!/bin/sh
# Incremental build of all three parts (addon, wasm, TypeScript) under a lock,
# so several builds started at once do not overwrite each other's outputs.
# The generated indexes (scripts/generate.mjs) are written first.
set -e
cd "$(dirname "$0")/.."
exec flock "${TMPDIR:-/tmp}/ta-grid-build.lock" sh -c '
  set -e
  log=$(mktemp)
  node scripts/generate.mjs
  [ -f native/build/Makefile ] || npx node-gyp configure -C native >"$log" 2>&1
  if ! npx node-gyp build -C native >"$log" 2>&1; then grep -E "error|Error" "$log" | head -40; rm -f "$log"; exit 1; fi
  grep -E "warning" "$log" || true
  rm -f "$log"
  npx asc asm/index.ts --config asm/asconfig.json --target release
  npx tsc -p tsconfig.json
  node scripts/postbuild.mjs
'
