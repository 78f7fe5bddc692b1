#!/usr/bin/env bash
# The lab: real Slurm controllers on loopback, for the tests, the demo and the benchmark.
#
#   lab22  Slurm 22.05 from this Debian 12 machine's packages   SlurmctldPort 6817, SlurmdPort 6818
#   lab24  Slurm 24.11 from Debian trixie, in a debootstrap folder          8817, 8818
#   lab26  Slurm 26.05 from Debian sid, in a debootstrap folder             7817, 7818
#
# All three share one munge key and one JWT key, so one client can talk to each of them. Users
# alice (uid 2001) and bob (uid 2002) exist on the host and in both folders.
#
# Usage (as root, on Debian 12):
#   lab.sh install                 Debian packages, both debootstrap folders, guide test venv (idempotent)
#   lab.sh start                   munged + slurmctld + slurmd of each cluster; waits until idle
#   lab.sh stop                    stops every lab daemon and unmounts the folders
#   lab.sh status                  which clusters answer a ping
#   lab.sh env                     shell assignments (conf paths, ports, keys); also in $LAB_ROOT/lab.env
#   lab.sh token USER [SECONDS]    an HS256 JWT for USER signed with the lab key
#   lab.sh real-slurmrestd CLUSTER [ARGS...]   the real slurmrestd of that cluster, inet mode, as alice
#   lab.sh bench-cluster JOBS      a fourth 26.05 controller (bench26, port 7827, no slurmd) holding JOBS
#                                  held jobs, for the benchmark of big answers; the tests never use it
set -euo pipefail

LAB_ROOT=${LAB_ROOT:-/var/lib/slurmrestd-swift-lab}
NODE=$(hostname -s)
CLUSTERS=(lab22 lab24 lab26)

say() { printf 'lab: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Folder (empty for the host), ctld port and slurmd port of a cluster.
folder_of() { case $1 in lab22) echo "" ;; lab24) echo "$LAB_ROOT/trixie" ;; lab26|bench26) echo "$LAB_ROOT/sid" ;; *) die "unknown cluster $1" ;; esac; }
ctld_port() { case $1 in lab22) echo 6817 ;; lab24) echo 8817 ;; lab26) echo 7817 ;; bench26) echo 7827 ;; esac; }
slurmd_port() { case $1 in lab22) echo 6818 ;; lab24) echo 8818 ;; lab26) echo 7818 ;; bench26) echo 7828 ;; esac; }
suite_of() { case $1 in lab24) echo trixie ;; lab26) echo sid ;; esac; }

# Where the cluster keeps its files, as the cluster's own daemons see it, and as the host sees it.
inner_dir() {
    if [ -z "$(folder_of "$1")" ]; then echo "$LAB_ROOT/run/$1"
    elif [ "$1" = bench26 ]; then echo "/var/lib/lab-bench"
    else echo "/var/lib/lab"; fi
}
host_dir() { echo "$(folder_of "$1")$(inner_dir "$1")"; }
conf_of() { echo "$(host_dir "$1")/slurm.conf"; }

# Runs a command in the cluster's world: on the host, or chrooted into its folder.
in_cluster() {
    local c=$1; shift
    local f; f=$(folder_of "$c")
    if [ -z "$f" ]; then env SLURM_CONF="$(conf_of "$c")" "$@"
    else chroot "$f" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin SLURM_CONF="$(inner_dir "$c")/slurm.conf" "$@"; fi
}

retry() {
    local n=0
    until "$@"; do
        n=$((n + 1)); [ $n -lt 3 ] || return 1
        say "retrying ($n): $*"; sleep 5
    done
}

# The Debian mirror this machine already uses.
mirror() {
    local m
    m=$(grep -hoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | grep -oE 'https?://[^ ]+' | head -n1 || true)
    echo "${m:-http://deb.debian.org/debian}"
}

ensure_user() { # root-dir name uid
    local root=$1 name=$2 uid=$3
    if ! chroot "${root:-/}" getent passwd "$name" >/dev/null; then
        chroot "${root:-/}" groupadd -g "$uid" "$name" 2>/dev/null || true
        chroot "${root:-/}" useradd -u "$uid" -g "$uid" -m -s /bin/sh "$name"
    fi
}

cmd_install() {
    if [ ! -e "$LAB_ROOT/.host-packages" ]; then
        say "installing Debian packages (Slurm 22.05, munge, debootstrap, xinetd)"
        retry apt-get update -qq
        retry env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            munge libmunge-dev slurmctld slurmd slurm-client slurmrestd debootstrap xinetd socat \
            python3 curl util-linux procps >/dev/null
        mkdir -p "$LAB_ROOT"; touch "$LAB_ROOT/.host-packages"
    fi
    local suite
    for suite in trixie sid; do
        [ -d "$LAB_ROOT/$suite" ] && continue
        say "debootstrap $suite (Slurm $( [ $suite = trixie ] && echo 24.11 || echo 26.05 )); takes a few minutes"
        rm -rf "$LAB_ROOT/$suite.tmp"
        retry debootstrap --variant=minbase \
            --include=slurmctld,slurmd,slurmrestd,slurm-client,munge,slurm-wlm-jwt-plugin \
            "$suite" "$LAB_ROOT/$suite.tmp" "$(mirror)" >"$LAB_ROOT/$suite.debootstrap.log" 2>&1 \
            || { tail -n 20 "$LAB_ROOT/$suite.debootstrap.log" >&2; die "debootstrap $suite failed"; }
        mv "$LAB_ROOT/$suite.tmp" "$LAB_ROOT/$suite"
    done
    local root
    for root in "" "$LAB_ROOT/trixie" "$LAB_ROOT/sid"; do
        ensure_user "$root" alice 2001
        ensure_user "$root" bob 2002
    done
    install_guide_venv
}

# The users' guide flow test (Tests/guide/guide_flow.py) generates a Python client from the v0.0.43
# spec with openapi-generator-cli (its PyPI wheel carries the jar, run by java) and needs the packages
# that client imports. They live in a venv under the lab root; the marker names the package set so a
# change of it reinstalls.
GUIDE_PACKAGES="openapi-generator-cli==7.3.0 pydantic>=2,<3 urllib3>=1.25.3,<2.1.0 python-dateutil>=2.8.2 typing-extensions>=4.7.1"
install_guide_venv() {
    local venv=$LAB_ROOT/venv
    [ "$(cat "$venv/.packages" 2>/dev/null)" = "$GUIDE_PACKAGES" ] && return 0
    say "installing the guide flow's venv ($venv)"
    if ! command -v java >/dev/null || ! /usr/bin/python3 -c 'import ensurepip' 2>/dev/null; then
        retry apt-get update -qq
        retry env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless python3-venv >/dev/null
    fi
    [ -x "$venv/bin/pip" ] || /usr/bin/python3 -m venv "$venv"
    # shellcheck disable=SC2086  # the package set is one word per requirement
    retry "$venv/bin/pip" install -q --disable-pip-version-check $GUIDE_PACKAGES
    printf '%s' "$GUIDE_PACKAGES" >"$venv/.packages"
}

mount_folder() {
    local f=$1
    mountpoint -q "$f/proc" || mount -t proc proc "$f/proc"
    mountpoint -q "$f/dev" || mount --bind /dev "$f/dev"
    mountpoint -q "$f/sys" || mount --bind /sys "$f/sys"
    cp /etc/hosts "$f/etc/hosts"
}

# One munged per world (host, each folder), all with the host's key.
start_munge() {
    local root=$1
    [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none; }
    if [ -n "$root" ]; then
        cp /etc/munge/munge.key "$root/etc/munge/munge.key"
        chroot "$root" chown munge:munge /etc/munge/munge.key
        chmod 400 "$root/etc/munge/munge.key"
    else
        chown munge:munge /etc/munge/munge.key; chmod 400 /etc/munge/munge.key
    fi
    local d
    for d in /run/munge /var/lib/munge /var/log/munge; do
        mkdir -p "$root$d"; chroot "${root:-/}" chown munge:munge "$d"
    done
    chmod 755 "$root/run/munge"
    if ! chroot "${root:-/}" sh -c 'munge -n | unmunge' >/dev/null 2>&1; then
        rm -f "$root/run/munge/munge.socket.2" "$root/run/munge/munged.pid"
        chroot "${root:-/}" su -s /bin/sh munge -c /usr/sbin/munged
        local i
        for i in $(seq 50); do chroot "${root:-/}" sh -c 'munge -n | unmunge' >/dev/null 2>&1 && break; sleep 0.1; done
    fi
}

write_conf() {
    local c=$1 dir; dir=$(inner_dir "$c")
    local host; host=$(host_dir "$c")
    mkdir -p "$host/state" "$host/spool"
    chmod 755 "$host"
    install -m 600 "$LAB_ROOT/jwt.key" "$host/jwt.key"
    cat >"$host/slurm.conf" <<EOF
# Lab cluster $c, written by Tests/lab/lab.sh
ClusterName=$c
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$(ctld_port "$c")
SlurmdPort=$(slurmd_port "$c")
SlurmUser=root
AuthType=auth/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$dir/jwt.key
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
MpiDefault=none
ReturnToService=2
# Keep finished jobs visible for a day, and room for the benchmark's 10,000 held jobs.
MinJobAge=86400
MaxJobCount=30000
Licenses=fluent:4,matlab:2
GresTypes=gpu
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=2 RealMemory=20000 Gres=gpu:2 Features=fast,local State=UNKNOWN
# Nodes without a slurmd (their port is closed), for the drained, down and future states.
NodeName=ghost[1-2] NodeAddr=127.0.0.1 Port=9 CPUs=4 RealMemory=8000 Features=slow State=UNKNOWN
NodeName=ghost3 NodeAddr=127.0.0.1 Port=9 CPUs=4 RealMemory=8000 State=FUTURE
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
PartitionName=batch Nodes=$NODE,ghost[1-2] MaxTime=02:00:00 DefaultTime=00:10:00 MaxNodes=2 PriorityTier=2 State=UP
PartitionName=ghosts Nodes=ghost[1-3] State=DOWN
EOF
    # Two "GPUs" backed by harmless device files: slurmd counts a gpu only through a File.
    printf 'NodeName=%s Name=gpu File=/dev/null\nNodeName=%s Name=gpu File=/dev/zero\n' "$NODE" "$NODE" >"$host/gres.conf"
    chmod 644 "$host/gres.conf"
    chmod 644 "$host/slurm.conf"
    # 24.11 and later slurmd need cgroups switched off here; 22.05 neither needs nor knows the setting.
    if [ -n "$(folder_of "$c")" ]; then echo "CgroupPlugin=disabled" >"$host/cgroup.conf"; else rm -f "$host/cgroup.conf"; fi
}

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_cluster() {
    local c=$1 host; host=$(host_dir "$c")
    write_conf "$c"
    pid_alive "$host/slurmctld.pid" || in_cluster "$c" slurmctld -i
    pid_alive "$host/slurmd.pid" || in_cluster "$c" slurmd
    local i state=""
    for i in $(seq 60); do
        state=$(in_cluster "$c" sinfo -h -n "$NODE" -o %T 2>/dev/null | head -n1 || true)
        # Idle on a fresh lab; mixed once the seeded job runs (it survives restarts).
        case $state in idle|mixed|allocated) say "$c: node $NODE $state"; return 0 ;; esac
        sleep 1
    done
    tail -n 20 "$host/slurmctld.log" "$host/slurmd.log" >&2 || true
    die "$c: node not up after 60 s (state: ${state:-none})"
}

# Runs a Slurm client command as alice in the cluster's world.
as_alice() {
    local c=$1; shift
    local f; f=$(folder_of "$c")
    if [ -z "$f" ]; then setpriv --reuid=alice --regid=alice --clear-groups env SLURM_CONF="$(conf_of "$c")" "$@"
    else chroot --userspec=alice:alice "$f" env -i PATH=/usr/sbin:/usr/bin HOME=/home/alice \
        SLURM_CONF="$(inner_dir "$c")/slurm.conf" "$@"; fi
}

# Varied state for the read API's tests, made once per cluster (jobs survive restarts in the state
# folder): jobs pending (held, dependency, resources), running, completed, failed, cancelled, an
# array, a heterogeneous job, one asking for GRES and licenses; a drained and a down node; a reservation.
seed_cluster() {
    local c=$1 host; host=$(host_dir "$c")
    [ -e "$host/state/.seeded" ] && return 0
    local sb="sbatch --parsable -D /tmp -o /dev/null -e /dev/null"
    as_alice "$c" $sb -J seed-running -t 1000 --mem=100 --wrap "sleep 100000" >/dev/null
    as_alice "$c" $sb -J seed-done -t 5 --mem=100 --wrap true >/dev/null
    as_alice "$c" $sb -J seed-failed -t 5 --mem=100 --wrap "exit 3" >/dev/null
    local held; held=$(as_alice "$c" $sb -J seed-held --hold --comment "kept on hold" --wrap true)
    as_alice "$c" $sb -J seed-dependent --dependency="afterok:${held%%;*}" --wrap true >/dev/null
    as_alice "$c" $sb -J seed-array --array=1-4%2 --hold --wrap true >/dev/null
    as_alice "$c" $sb -J seed-gres --hold --gres=gpu:1 -L fluent:2 --mem=100 -t 30 -p debug,batch --wrap true >/dev/null
    as_alice "$c" $sb -J seed-wide -N 2 -p ghosts --wrap true >/dev/null
    local cancelled; cancelled=$(as_alice "$c" $sb -J seed-cancelled --hold --wrap true)
    as_alice "$c" scancel "${cancelled%%;*}"
    printf '#!/bin/sh\n#SBATCH -n1 -J seed-het\n#SBATCH hetjob\n#SBATCH -n1\ntrue\n' >"$host/seed-het.sh"
    chmod 644 "$host/seed-het.sh"
    as_alice "$c" $sb --hold "$(inner_dir "$c")/seed-het.sh" >/dev/null
    in_cluster "$c" scontrol update NodeName=ghost1 State=DRAIN Reason="disk replacement"
    in_cluster "$c" scontrol update NodeName=ghost2 State=DOWN Reason="no slurmd"
    in_cluster "$c" scontrol create reservation ReservationName=maint StartTime=now+7days Duration=120 \
        Nodes="$NODE" Users=alice Flags=MAINT,IGNORE_JOBS >/dev/null
    touch "$host/state/.seeded"
    say "$c: seeded jobs, node states and a reservation"
}

cmd_start() {
    [ -d "$LAB_ROOT/sid" ] && [ -d "$LAB_ROOT/trixie" ] || die "run '$0 install' first"
    # Readable by everyone down to each slurm.conf: gateways and clients run as ordinary users.
    mkdir -p "$LAB_ROOT/run"
    chmod 755 "$LAB_ROOT" "$LAB_ROOT/run"
    [ -s "$LAB_ROOT/jwt.key" ] || ( umask 077; dd if=/dev/urandom of="$LAB_ROOT/jwt.key" bs=32 count=1 status=none )
    start_munge ""
    local f
    for f in "$LAB_ROOT/trixie" "$LAB_ROOT/sid"; do mount_folder "$f"; start_munge "$f"; done
    local c
    for c in "${CLUSTERS[@]}"; do start_cluster "$c"; done
    for c in "${CLUSTERS[@]}"; do seed_cluster "$c"; done
    cmd_env >/dev/null
}

cmd_stop() {
    local c host pidfile
    for c in "${CLUSTERS[@]}"; do
        host=$(host_dir "$c")
        for pidfile in "$host/slurmd.pid" "$host/slurmctld.pid"; do
            pid_alive "$pidfile" && kill "$(cat "$pidfile")" 2>/dev/null || true
        done
    done
    local root
    for root in "" "$LAB_ROOT/trixie" "$LAB_ROOT/sid"; do
        [ -s "$root/run/munge/munged.pid" ] && kill "$(cat "$root/run/munge/munged.pid")" 2>/dev/null || true
    done
    sleep 1
    pkill -x slurmctld 2>/dev/null || true; pkill -x slurmd 2>/dev/null || true; pkill -x munged 2>/dev/null || true
    # A deadlocked slurmctld ignores SIGTERM (it waits on its own locks): wait briefly, then kill.
    local i
    for i in $(seq 10); do pgrep -x slurmctld >/dev/null || pgrep -x slurmd >/dev/null || break; sleep 1; done
    pkill -9 -x slurmctld 2>/dev/null || true; pkill -9 -x slurmd 2>/dev/null || true
    for root in "$LAB_ROOT/trixie" "$LAB_ROOT/sid"; do
        for f in sys dev proc; do mountpoint -q "$root/$f" 2>/dev/null && umount -l "$root/$f" || true; done
    done
    say "stopped"
}

cmd_status() {
    local c
    for c in "${CLUSTERS[@]}"; do
        if in_cluster "$c" scontrol ping >/dev/null 2>&1; then echo "$c up (port $(ctld_port "$c"))"
        else echo "$c down"; fi
    done
}

cmd_env() {
    local c out=""
    for c in "${CLUSTERS[@]}"; do
        local up=${c^^}
        out+="${up}_CONF=$(conf_of "$c")"$'\n'
        out+="${up}_PORT=$(ctld_port "$c")"$'\n'
        out+="${up}_FOLDER=$(folder_of "$c")"$'\n'
    done
    out+="LAB_ROOT=$LAB_ROOT"$'\n'"LAB_JWT_KEY=$LAB_ROOT/jwt.key"$'\n'"LAB_NODE=$NODE"$'\n'
    printf '%s' "$out" >"$LAB_ROOT/lab.env"
    printf '%s' "$out"
}

cmd_token() {
    local user=${1:?user} life=${2:-3600}
    python3 - "$LAB_ROOT/jwt.key" "$user" "$life" <<'EOF'
import base64, hashlib, hmac, json, sys, time
key = open(sys.argv[1], "rb").read()
now = int(time.time())
def b64(b): return base64.urlsafe_b64encode(b).rstrip(b"=").decode()
head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
body = b64(json.dumps({"exp": now + int(sys.argv[3]), "iat": now, "sun": sys.argv[2]}, separators=(",", ":")).encode())
sig = b64(hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest())
print(f"{head}.{body}.{sig}")
EOF
}

# The reference slurmrestd of a cluster's release, inet mode, stdin/stdout untouched.
cmd_real() {
    local c=${1:?cluster}; shift
    local f; f=$(folder_of "$c")
    if [ -z "$f" ]; then
        [ $# -gt 0 ] || set -- -a rest_auth/jwt -s openapi/v0.0.38
        exec setpriv --reuid=alice --regid=alice --clear-groups \
            env SLURM_CONF="$(conf_of "$c")" SLURM_JWT=daemon /usr/sbin/slurmrestd "$@"
    fi
    # Without slurmdbd, 24.11's default plugin list includes openapi/slurmdbd and it refuses to start.
    if [ $# -eq 0 ]; then
        if [ "$c" = lab24 ]; then set -- -a rest_auth/jwt -s openapi/slurmctld; else set -- -a rest_auth/jwt; fi
    fi
    exec chroot --userspec=alice:alice "$f" env -i PATH=/usr/sbin:/usr/bin HOME=/home/alice \
        SLURM_CONF="$(inner_dir "$c")/slurm.conf" SLURM_JWT=daemon /usr/sbin/slurmrestd "$@"
}

# The benchmark's controller: the lab's 26.05 configuration under another name, port and state
# folder, without slurmd (held jobs need no node), filled with held jobs up to the count asked for.
cmd_bench_cluster() {
    local want=${1:?number of jobs} c=bench26
    local host; host=$(host_dir "$c")
    [ -d "$LAB_ROOT/sid" ] || die "run '$0 install' and '$0 start' first"
    write_conf "$c"
    pid_alive "$host/slurmctld.pid" || in_cluster "$c" slurmctld -i
    local i
    for i in $(seq 30); do in_cluster "$c" scontrol ping >/dev/null 2>&1 && break; sleep 1; done
    local have; have=$(in_cluster "$c" squeue -h -t all -o %i | wc -l)
    if [ "$have" -gt "$want" ]; then
        # Fewer jobs than it holds: start over with an empty state folder.
        kill "$(cat "$host/slurmctld.pid")"
        for i in $(seq 30); do pid_alive "$host/slurmctld.pid" || break; sleep 1; done
        rm -rf "$host/state"
        mkdir -p "$host/state"
        in_cluster "$c" slurmctld -i
        for i in $(seq 30); do in_cluster "$c" scontrol ping >/dev/null 2>&1 && break; sleep 1; done
        have=0
    fi
    if [ "$have" -lt "$want" ]; then
        say "$c: submitting $((want - have)) held jobs"
        # Eight submitters at a time; each sbatch is one RPC.
        seq "$have" $((want - 1)) | xargs -P 8 -I{} chroot --userspec=alice:alice "$(folder_of "$c")" \
            env -i PATH=/usr/bin SLURM_CONF="$(inner_dir "$c")/slurm.conf" \
            sbatch --hold -J "bench-{}" -D /tmp -o /dev/null -t 10 --wrap true >/dev/null
    fi
    say "$c: $(in_cluster "$c" squeue -h -t all -o %i | wc -l) jobs (port $(ctld_port "$c"), conf $(conf_of "$c"))"
}

case ${1:-} in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    token) shift; cmd_token "$@" ;;
    real-slurmrestd) shift; cmd_real "$@" ;;
    bench-cluster) shift; cmd_bench_cluster "$@" ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
