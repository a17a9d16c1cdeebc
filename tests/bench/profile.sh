#!/bin/sh
# Profile the engine on a page of generated news, as the browser would run it:
# bundled by esbuild (no tsx wrappers around every closure), then `node --cpu-prof`.
#   sh tests/bench/profile.sh [topical|unrelated|gated] [sentences]
set -e
cd "$(dirname "$0")/../.."
mkdir -p .output/profiles
npx esbuild tests/bench/profile-core.ts --bundle --platform=node --format=esm --outfile=.output/profile-core.mjs --log-level=warning
rm -f .output/profiles/*.cpuprofile
node --cpu-prof --cpu-prof-dir=.output/profiles .output/profile-core.mjs "${1:-topical}" "${2:-5000}"
npx tsx tests/bench/profile-summary.ts .output/profiles/*.cpuprofile 45
