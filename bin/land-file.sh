#!/usr/bin/env bash
# Lands a file for a dataset in the running local demo (./bin/run-local.sh) and tells what became
# of it: rows in silver, rows quarantined per reason code and where, or why the whole file was
# quarantined. Ends with "LAND-FILE RESULT dataset=… file=… silver_rows=… quarantined_rows=…
# file_quarantined=…".
#   bin/land-file.sh DATASET FILE [--data-dir=DIR] [--timeout=SECONDS]
# Exit codes: 0 processed, 2 bad arguments, 3 demo not running, 4 bad file, 5 no outcome within the
# timeout (default 180 s), 1 unexpected failure.
set -euo pipefail
# FILE is taken from where the script was run; the data directory, as for run-local.sh, from the
# repository root.
export C360_LAND_FILE_CWD="$PWD"
cd "$(dirname "$0")/.."
jar=demo/target/demo-0.1.0-SNAPSHOT-exec.jar
if [[ ! -f "$jar" ]]; then
  echo "land-file: $jar not found; run ./bin/run-local.sh first (it builds and starts the demo)" >&2
  exit 3
fi
exec java -Xmx256m -Dlogback.configurationFile=local-platform-logback.xml \
  -jar "$jar" land-file "$@"
