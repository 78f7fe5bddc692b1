#!/usr/bin/env bash
# Benchmark: wall and CPU per request, slurmrestd-swift beside the real slurmrestd 26.05.5.
# Needs root and the lab (bash Tests/lab/lab.sh install && bash Tests/lab/lab.sh start).
# Usage: bash Tests/bench/bench.sh [RUNS] [BIG_RUNS]
# The second part fills a fourth controller (bench26) with 1,000 then 10,000 held jobs (about a minute
# the first time) and times GET /jobs on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
swift build -c release >/dev/null
exec python3 Tests/bench/bench.py .build/release/slurmrestd-swift "${1:-100}" "${2:-3}"
