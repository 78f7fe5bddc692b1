#!/usr/bin/env python3
"""Wall and CPU time per request: slurmrestd-swift against the real slurmrestd 26.05.5, in inet mode,
same controller (lab26), same request, same wrapper (chroot --userspec + env, as alice), interleaved.

Usage: bench.py SWIFT_BINARY [RUNS]   (needs the lab running: Tests/lab/lab.sh start)
"""
import os, resource, statistics, subprocess, sys, tempfile, time

LAB_ROOT = os.environ.get("LAB_ROOT", "/var/lib/slurmrestd-swift-lab")
HERE = os.path.dirname(os.path.abspath(__file__))


def lab_env():
    env = {}
    for line in open(os.path.join(LAB_ROOT, "lab.env")):
        if "=" in line:
            k, v = line.strip().split("=", 1)
            env[k] = v
    return env


def token(user):
    return subprocess.check_output(["bash", os.path.join(HERE, "..", "lab", "lab.sh"), "token", user, "3600"], text=True).strip()


def measure(argv, request, runs):
    """Runs argv `runs` times with `request` on stdin; returns per-run wall and CPU seconds."""
    walls, cpus = [], []
    with tempfile.TemporaryFile() as stdin:
        stdin.write(request)
        for _ in range(runs):
            stdin.seek(0)
            start = time.perf_counter()
            p = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            out = p.stdout.read()
            _, status, usage = os.wait4(p.pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
            if not out.startswith(b"HTTP/1.1 200"):
                sys.exit(f"unexpected answer from {argv[-4:]}: {out[:200]!r}")
    return walls, cpus


def main():
    ours_bin = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    env = lab_env()
    sid = env["LAB26_FOLDER"]
    conf_inside = "/var/lib/lab/slurm.conf"
    wrapper = lambda root: ["chroot", "--userspec=alice:alice", root, "env", "-i", "PATH=/usr/sbin:/usr/bin:/bin"]
    real = wrapper(sid) + [f"SLURM_CONF={conf_inside}", "SLURM_JWT=daemon", "/usr/sbin/slurmrestd", "-a", "rest_auth/jwt"]
    ours = wrapper("/") + [ours_bin, "-f", env["LAB26_CONF"], "-a", "rest_auth/jwt"]
    ours_pinned = ours + ["--protocol-version", "26.05"]

    print(f"GET per process, inet mode, lab26 (Slurm 26.05.5), {runs} runs each, interleaved; times in ms")
    print(f"{'request':<12} {'program':<32} {'wall median':>11} {'wall mean':>10} {'CPU median':>11} {'CPU mean':>9}")
    for path in ["ping", "diag", "licenses"]:
        request = (f"GET /slurm/v0.0.43/{path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token('alice')}\r\n"
                   "Connection: close\r\n\r\n").encode()
        results = {name: ([], []) for name in ["real slurmrestd 26.05.5", "slurmrestd-swift", "slurmrestd-swift (pinned)"]}
        for _ in range(runs // 10):  # interleave in blocks so drift affects all alike
            for name, argv in [("real slurmrestd 26.05.5", real), ("slurmrestd-swift", ours), ("slurmrestd-swift (pinned)", ours_pinned)]:
                w, c = measure(argv, request, 10)
                results[name][0].extend(w)
                results[name][1].extend(c)
        base = statistics.median(results["real slurmrestd 26.05.5"][0])
        for name, (w, c) in results.items():
            ratio = "" if name.startswith("real") else f"  ({statistics.median(w) / base:.2f}x wall)"
            print(f"{path:<12} {name:<32} {statistics.median(w) * 1e3:>11.2f} {statistics.mean(w) * 1e3:>10.2f} "
                  f"{statistics.median(c) * 1e3:>11.2f} {statistics.mean(c) * 1e3:>9.2f}{ratio}")


if __name__ == "__main__":
    main()
