#!/bin/sh
# Quick figures while optimising: the bundled engine, fresh checkers, topical, unrelated and gated (see profile-core.ts), three runs each.
set -e
cd "$(dirname "$0")/../.."
npx esbuild tests/bench/profile-core.ts --bundle --platform=node --format=esm --outfile=.output/profile-core.mjs --log-level=warning
for kind in topical unrelated gated; do for i in 1 2 3; do node .output/profile-core.mjs $kind ${1:-3000}; done; done
