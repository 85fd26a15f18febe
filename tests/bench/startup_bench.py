#!/usr/bin/env python3
"""Start-to-first-painted-window benchmark: `pgdial --screenshot` on the example project against
bench_bare_window (a bare Qt QMainWindow doing the same) in the same run, runs interleaved.
Reports median wall time and median peak RSS of each and their ratios (targets: <= 4x wall,
<= 2.5x memory). Not part of ctest: run it by hand or from scripts/bench.

usage: tests/bench/startup_bench.py [BUILD_DIR] [RUNS]   (default build/dev, 7 runs)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(source, "build", "dev"))
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
example = os.path.join(source, "resources", "examples", "api-forge")
conf = os.path.join(example, "infra", "docker", "prod", "postgres", "postgresql.conf")

with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=os.path.join(tmp, "config"))
    commands = {
        "pgdial": [os.path.join(build, "app", "pgdial"), "--screenshot", os.path.join(tmp, "a.png"), example],
        "bare": [os.path.join(build, "tests", "bench_bare_window"), os.path.join(tmp, "b.png"), conf],
    }
    results = {name: ([], []) for name in commands}
    for name, cmd in commands.items():  # warm the page cache once
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(runs):
        for name, cmd in commands.items():
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"{name} failed: {cmd}")
            results[name][0].append(wall)
            results[name][1].append(usage.ru_maxrss)  # KiB on Linux

    med = {name: (statistics.median(w), statistics.median(m)) for name, (w, m) in results.items()}
    for name, (wall, rss) in med.items():
        print(f"{name:7s} wall {wall * 1000:7.1f} ms   peak RSS {rss / 1024:6.1f} MiB   (median of {runs})")
    wall_ratio = med["pgdial"][0] / med["bare"][0]
    rss_ratio = med["pgdial"][1] / med["bare"][1]
    print(f"ratio   wall {wall_ratio:.2f}x (target <= 4)   peak RSS {rss_ratio:.2f}x (target <= 2.5)")
    sys.exit(0 if wall_ratio <= 4 and rss_ratio <= 2.5 else 1)
