#!/usr/bin/env bash
# Runs every test: installs and starts the lab of real Slurm controllers (22.05, 24.11, 26.05),
# builds the release executable, then runs the unit tests and the lab tests against the real daemons.
# Needs root on Debian 12 (apt, debootstrap, daemons). Usage: bash Tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

bash Tests/lab/lab.sh install
bash Tests/lab/lab.sh start
swift build -c release
LAB_REQUIRED=1 SLURMRESTD_SWIFT_BIN="$PWD/.build/release/slurmrestd-swift" swift test --disable-swift-testing
