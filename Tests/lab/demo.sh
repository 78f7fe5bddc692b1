#!/usr/bin/env bash
# The main job, end to end on a fresh Debian 12 machine (as root): installs and starts the lab of
# real Slurm controllers, builds slurmrestd-swift, serves it under a real xinetd on 127.0.0.1:6820
# as the shipped xinetd.d file does, sends GET requests of the v0.0.43 read API (ping, diag,
# licenses, nodes, partitions, reservations, shares, job states, the seeded running job) with a
# bearer token for alice through it, then writes as alice: submits a held job, changes its time
# limit, reads it back and cancels it; prints the responses, and stops xinetd again.
# Usage: bash Tests/lab/demo.sh [lab22|lab24|lab26]   (default lab26)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
cluster=${1:-lab26}

bash Tests/lab/lab.sh install
bash Tests/lab/lab.sh start
swift build -c release >&2
# shellcheck disable=SC1091
. /var/lib/slurmrestd-swift-lab/lab.env
conf_var="${cluster^^}_CONF"
conf=${!conf_var}

work=$(mktemp -d)
trap 'kill "$(cat "$work/pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
install -m 755 .build/release/slurmrestd-swift "$work/slurmrestd-swift"
chmod 755 "$work"
# The shipped service file, pointed at this build, the lab's slurm.conf, and the lab user, on loopback.
sed -e "s|/usr/local/bin/slurmrestd-swift|$work/slurmrestd-swift|" \
    -e "s|port            = 6820|port            = 6820\n    bind            = 127.0.0.1|" \
    -e "s|user            = slurmrestd|user            = alice|" \
    -e "s|server_args     = -a rest_auth/jwt|server_args     = -a rest_auth/jwt -f $conf|" \
    xinetd.d/slurmrestd-swift >"$work/service"
printf 'defaults\n{\n}\n' | cat - "$work/service" >"$work/xinetd.conf"
xinetd -f "$work/xinetd.conf" -pidfile "$work/pid"
for _ in $(seq 50); do [ -s "$work/pid" ] && break; sleep 0.1; done
sleep 0.3

token=$(bash Tests/lab/lab.sh token alice 600)
for path in ping diag licenses nodes/ partitions/ reservations/ shares jobs/state/ job/1; do
    echo "### GET /slurm/v0.0.43/$path through xinetd -> slurmrestd-swift -> $cluster" >&2
    curl -sS -i -H "Authorization: Bearer $token" "http://127.0.0.1:6820/slurm/v0.0.43/$path"
    echo
done

# Writes: a held job of alice's, submitted, changed, read back and cancelled.
json=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
echo "### POST /slurm/v0.0.43/job/submit (held)" >&2
answer=$(curl -sS "${json[@]}" --data @- http://127.0.0.1:6820/slurm/v0.0.43/job/submit <<'EOF'
{"script": "#!/bin/sh\nsleep 60\n",
 "job": {"name": "demo", "partition": "debug", "hold": true, "tasks": 1,
         "time_limit": {"set": true, "number": 5}, "current_working_directory": "/tmp",
         "environment": ["PATH=/usr/bin:/bin"]}}
EOF
)
echo "$answer"
job=$(printf '%s' "$answer" | sed -n 's/^ *"job_id": *\([0-9]*\).*/\1/p' | head -1)
[ -n "$job" ] || { echo "demo: the submission was refused" >&2; exit 1; }
echo "### POST /slurm/v0.0.43/job/$job (time limit 10 minutes)" >&2
curl -sS "${json[@]}" --data '{"time_limit": {"set": true, "number": 10}}' "http://127.0.0.1:6820/slurm/v0.0.43/job/$job"
echo
echo "### GET /slurm/v0.0.43/job/$job (state and time limit)" >&2
curl -sS -H "Authorization: Bearer $token" "http://127.0.0.1:6820/slurm/v0.0.43/job/$job" | grep -A3 -E '"(job_state|time_limit)"'
echo "### DELETE /slurm/v0.0.43/job/$job" >&2
curl -sS -X DELETE -H "Authorization: Bearer $token" "http://127.0.0.1:6820/slurm/v0.0.43/job/$job"
echo
