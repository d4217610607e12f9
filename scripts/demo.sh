#!/usr/bin/env bash
# The main job on the bundled corpus: build, index corpus/, run example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DOSSIER=build/dossier
DB=${DB:-build/demo-db}
rm -rf "$DB"

run() { echo; echo "\$ dossier $*"; "$DOSSIER" "$@"; }
run index corpus --db "$DB"
run stats --db "$DB"
run search "sanctions" --db "$DB" --limit 3
run search '"humanitarian pause"' --db "$DB" --limit 3
run search "missiles" --db "$DB" --from 2023-11 --to 2023-11 --limit 5
run search "" --db "$DB" --person Blinken --place "South Korea" --limit 3
run search "trade" --db "$DB" --facets person,place,month --facet-limit 5 --limit 2 --json
