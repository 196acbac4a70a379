#!/bin/sh
# Builds the addon with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the kernel parity and fuzz suites against it (npm run test:sanitize).
set -eu
cd "$(dirname "$0")/.."
CXX=${CXX:-g++}
out=build-sanitize/ta_grid.node
mkdir -p build-sanitize
node_inc=$(node -p "require('path').resolve(process.execPath, '../../include/node')")
[ -f "$node_inc/node_api.h" ] || node_inc=/usr/include/node
addon_inc=$(node -p "require('node-addon-api').include_dir")
echo "building $out with -fsanitize=address,undefined"
$CXX -std=c++17 -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
  -ffp-contract=off -fPIC -shared -DNAPI_VERSION=8 -DNAPI_CPP_EXCEPTIONS -DNODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS -DNODE_ADDON_API_DISABLE_DEPRECATED \
  -I"$node_inc" -I"$addon_inc" native/binding.cc -o "$out"
npm run build:ts >/dev/null
# The sanitizer runtimes must be loaded before node itself; leaks are not
# checked because node's own allocations at exit would drown the report.
export LD_PRELOAD="$($CXX -print-file-name=libasan.so) $($CXX -print-file-name=libubsan.so)"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TA_GRID_NATIVE_PATH="$PWD/$out"
exec npx vitest run test/parity.test.ts test/fuzz.test.ts test/golden.test.ts
