#!/usr/bin/env python3
"""Wall and CPU time per request: slurmrestd-swift against the real slurmrestd 26.05.5, in inet mode,
same controller (lab26), same request, same wrapper (chroot --userspec + env, as alice), interleaved.
Then big answers: GET /jobs from a controller holding 1,000 and 10,000 held jobs (bench26), with
wall, CPU and peak memory of each program.

Usage: bench.py SWIFT_BINARY [RUNS] [BIG_RUNS]   (needs the lab running: Tests/lab/lab.sh start)
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


def measure(argv, request, runs, check=True):
    """Runs argv `runs` times with `request` on stdin (posix_spawn, output to a file); returns
    per-run wall and CPU seconds and peak resident bytes."""
    walls, cpus, peaks = [], [], []
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout:
        stdin.write(request)
        for _ in range(runs):
            stdin.seek(0)
            stdout.seek(0)
            stdout.truncate()
            start = time.perf_counter()
            pid = os.posix_spawn(argv[0], argv, {}, file_actions=[
                (os.POSIX_SPAWN_DUP2, stdin.fileno(), 0), (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1),
                (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)])
            _, status, usage = os.wait4(pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
            peaks.append(usage.ru_maxrss * 1024)
            stdout.seek(0)
            out = stdout.read(64)
            if check and not out.startswith(b"HTTP/1.1 200"):
                sys.exit(f"unexpected answer from {argv[-4:]}: {out!r}")
    return walls, cpus, peaks


def answer_size(argv, request):
    """Bytes of one answer (head and content)."""
    with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout:
        stdin.write(request)
        stdin.seek(0)
        subprocess.run(argv, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL, check=False)
        return stdout.tell()


def big_answers(ours_bin, big_runs):
    """GET /jobs from bench26 at 1,000 and 10,000 held jobs: wall, CPU, peak memory."""
    env = lab_env()
    sid = env["LAB26_FOLDER"]
    lab_sh = os.path.join(HERE, "..", "lab", "lab.sh")
    wrapper = lambda root: ["/usr/sbin/chroot", "--userspec=alice:alice", root, "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/bin"]
    real = wrapper(sid) + ["SLURM_CONF=/var/lib/lab-bench/slurm.conf", "SLURM_JWT=daemon", "/usr/sbin/slurmrestd", "-a", "rest_auth/jwt"]
    ours = wrapper("/") + [ours_bin, "-f", sid + "/var/lib/lab-bench/slurm.conf", "-a", "rest_auth/jwt"]
    request = (f"GET /slurm/v0.0.43/jobs/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token('alice')}\r\n"
               "Connection: close\r\n\r\n").encode()
    print()
    print(f"GET /slurm/v0.0.43/jobs/ from bench26 (Slurm 26.05.5, held jobs), {big_runs} runs each; medians")
    print(f"{'jobs':>6} {'program':<26} {'answer MB':>9} {'wall s':>8} {'CPU s':>7} {'peak MiB':>9}  wall vs real")
    for jobs in (1000, 10000):
        subprocess.run(["bash", lab_sh, "bench-cluster", str(jobs)], check=True, stderr=subprocess.DEVNULL)
        rows = []
        for name, argv in (("real slurmrestd 26.05.5", real), ("slurmrestd-swift", ours)):
            w, c, p = measure(argv, request, big_runs)
            rows.append((name, answer_size(argv, request), statistics.median(w), statistics.median(c), max(p)))
        for name, size, wall, cpu, peak in rows:
            ratio = "" if name.startswith("real") else f"{wall / rows[0][2]:.2f}x"
            print(f"{jobs:>6} {name:<26} {size / 1e6:>9.1f} {wall:>8.3f} {cpu:>7.3f} {peak / 2**20:>9.1f}  {ratio}")


def main():
    ours_bin = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    env = lab_env()
    sid = env["LAB26_FOLDER"]
    conf_inside = "/var/lib/lab/slurm.conf"
    wrapper = lambda root: ["/usr/sbin/chroot", "--userspec=alice:alice", root, "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/bin"]
    real = wrapper(sid) + [f"SLURM_CONF={conf_inside}", "SLURM_JWT=daemon", "/usr/sbin/slurmrestd", "-a", "rest_auth/jwt"]
    ours = wrapper("/") + [ours_bin, "-f", env["LAB26_CONF"], "-a", "rest_auth/jwt"]
    ours_pinned = ours + ["--protocol-version", "26.05"]

    # The wrappers alone (switching to alice, and for the real slurmrestd into its Debian sid
    # folder) cost the same for both; "net" subtracts them.
    wrappers = {"real": wrapper(sid) + ["/bin/true"], "ours": wrapper("/") + ["/bin/true"]}
    baseline = {k: statistics.median(measure(v, b"", runs, check=False)[0]) for k, v in wrappers.items()}

    print(f"GET per process, inet mode, lab26 (Slurm 26.05.5), {runs} runs each, interleaved; times in ms")
    print(f"wrapper alone (chroot --userspec=alice + env): {baseline['real'] * 1e3:.2f} (sid folder), {baseline['ours'] * 1e3:.2f} (/)")
    print(f"{'request':<10} {'program':<26} {'wall median':>11} {'net wall':>9} {'wall mean':>10} {'CPU median':>11} {'CPU mean':>9}  net wall vs real")
    for path in ["ping", "diag", "licenses"]:
        request = (f"GET /slurm/v0.0.43/{path} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token('alice')}\r\n"
                   "Connection: close\r\n\r\n").encode()
        programs = [("real slurmrestd 26.05.5", real, "real"), ("slurmrestd-swift", ours, "ours"),
                    ("slurmrestd-swift (pinned)", ours_pinned, "ours")]
        results = {name: ([], []) for name, _, _ in programs}
        for _ in range(max(1, runs // 10)):  # interleave in blocks so drift affects all alike
            for name, argv, _ in programs:
                w, c, _ = measure(argv, request, 10)
                results[name][0].extend(w)
                results[name][1].extend(c)
        net_real = statistics.median(results[programs[0][0]][0]) - baseline["real"]
        for name, _, kind in programs:
            w, c = results[name]
            net = statistics.median(w) - baseline[kind]
            ratio = "" if kind == "real" else f"{net / net_real:.2f}x"
            print(f"{path:<10} {name:<26} {statistics.median(w) * 1e3:>11.2f} {net * 1e3:>9.2f} {statistics.mean(w) * 1e3:>10.2f} "
                  f"{statistics.median(c) * 1e3:>11.2f} {statistics.mean(c) * 1e3:>9.2f}  {ratio}")


if __name__ == "__main__":
    main()
    big_answers(os.path.abspath(sys.argv[1]), int(sys.argv[3]) if len(sys.argv) > 3 else 3)
