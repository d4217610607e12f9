#!/usr/bin/env bash
# Every test: build, then the doctest units and end-to-end tests through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j2 --timeout 1500
