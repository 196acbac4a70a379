#!/bin/sh
# The trust drills that need a second uid: a cache dir owned by another user,
# and a symlink to the cache dir planted by another user, must not be trusted
# with native code (test/trust.test.ts, "another user"). They chown to
# `nobody`, which only root can do: `npm test` runs them when it runs as root
# (as CI containers do) and skips them otherwise. This script runs just those
# tests as root, through sudo when needed.
set -eu
cd "$(dirname "$0")/.."
npm run build:ts >/dev/null
if [ "$(id -u)" -eq 0 ]; then
  exec npx vitest run test/trust.test.ts -t 'another user'
fi
# vitest points HOME and the XDG dirs at a temp dir, so root writes nothing into a home dir.
exec sudo env "PATH=$PATH" npx vitest run test/trust.test.ts -t 'another user'
