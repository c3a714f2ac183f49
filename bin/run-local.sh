#!/usr/bin/env bash
# Builds the project, starts the embedded local platform (no Docker, no AWS account) and all five
# services, feeds datagen data and shows progress until the first cycle reaches the dashboard.
# Options are passed to the demo: --days=N --customers=N --fault-rate=R --rate=N --transient
# --free-ports --data-dir=PATH --once.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -Dmaven.test.skip=true -Dspotless.check.skip=true
exec java -Xmx768m -jar demo/target/demo-0.1.0-SNAPSHOT-exec.jar --repo=. "$@"
