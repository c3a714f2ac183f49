#!/usr/bin/env bash
# Runs `./bin/run-local.sh --once --transient --free-ports` with the project's own artifacts deleted
# from the local Maven repository, and checks that it exits 0 within its time limit and that its
# summary counts every stage (lake zones, warehouse tables, churn scores) as non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null | tail -1)
[ -d "$repo" ] || repo="$HOME/.m2/repository"
echo "Deleting the project's artifacts from $repo/io/customer360"
rm -rf "$repo/io/customer360"
log=$(mktemp)
started=$(date +%s)
if ! timeout 600 ./bin/run-local.sh --once --transient --free-ports >"$log" 2>&1; then
  echo "run-local.sh failed or timed out after $(( $(date +%s) - started )) s; its output:"
  tail -n 80 "$log"
  exit 1
fi
summary=$(grep -m1 'C360 DEMO SUMMARY' "$log" || true)
grep -E '^\s*(Dashboard|C360 DEMO FIRST CYCLE COMPLETE)' "$log" || true
echo "run-local.sh --once: exit 0 in $(( $(date +%s) - started )) s"
echo "$summary"
if [ -z "$summary" ]; then
  echo "no summary line in the output"; tail -n 80 "$log"; exit 1
fi
for stage in landing bronze silver quarantine gold order_lines sales_aggregates churn_scores; do
  value=$(echo "$summary" | grep -oE "(^| )$stage=[0-9]+" | cut -d= -f2)
  if [ -z "$value" ] || [ "$value" -eq 0 ]; then
    echo "stage $stage is ${value:-missing} in the summary"; tail -n 80 "$log"; exit 1
  fi
done
rm -f "$log"
