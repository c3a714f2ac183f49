#!/usr/bin/env bash
# Builds the project and starts the embedded local platform (no Docker, no AWS account).
# Options are passed to the launcher: --transient, --free-ports, --data-dir=PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests -Dspotless.check.skip=true
exec java -Xmx512m -jar infra/local/target/local-platform-0.1.0-SNAPSHOT-exec.jar "$@"
