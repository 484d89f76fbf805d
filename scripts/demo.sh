#!/usr/bin/env bash
# Set up a virtualenv (if needed), install claimgraph, ingest the sample articles in
# examples/ into the embedded store ./kg-store, and ask it a few questions.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
KG=.venv/bin/kg
$KG --store kg-store ingest examples/
$KG --store kg-store stats
$KG --store kg-store query @examples/queries/accusations.rq
$KG --store kg-store query @examples/queries/us-statements.rq
$KG --store kg-store viz -o kg-graph.html
echo "Interactive graph written to kg-graph.html"
