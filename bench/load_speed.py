"""How long `claimtrack load` takes and how much memory it holds, on a synthetic corpus.

    python3 bench/load_speed.py --articles 100000 --seed 1
    python3 bench/load_speed.py --articles 100000 --code /tmp/older-checkout --label before

Writes the corpus once (`claimtrack synth`, `bench/out/corpus-N-seedS`), loads it into a
new SQLite file, then loads `--add` more synthetic articles (another seed) into that
database: the big load and a small one into a big database. `--code DIR` runs another
checkout of claimtrack (its `app` and `data`) on the same corpus, so that two versions
compare in one sitting. While a load runs, the resident memory (VmRSS) of the load and
each of its worker processes is read every 0.2 s. Printed per load: wall time, CPU time
of all its processes, the peak of the largest process, the peak of all processes
together, and the machine's load average before and after. Not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SAMPLE_SECONDS = 0.2
ADD_SEED = 9_999  # the seed of the small load's articles: other slugs than the corpus's


@dataclass
class Memory:
    """Peaks of resident memory over a process tree, sampled while it runs."""

    largest: int = 0  # KiB: the most any one process held
    total: int = 0  # KiB: the most all of them held at once
    processes: set[int] = field(default_factory=set)


def rss_kib(pid: int) -> int:
    """The resident memory of a process in KiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        queue.extend(int(child) for child in children)
    return found


def watch(pid: int, memory: Memory, done: threading.Event) -> None:
    while not done.is_set():
        sizes = {p: rss_kib(p) for p in descendants(pid)}
        memory.processes.update(sizes)
        memory.largest = max(memory.largest, *sizes.values())
        memory.total = max(memory.total, sum(sizes.values()))
        done.wait(SAMPLE_SECONDS)


def environment(code: Path) -> dict[str, str]:
    """The environment that makes `python -m app.cli` run the checkout `code`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(code) + (os.pathsep + env["PYTHONPATH"] if "PYTHONPATH" in env else "")
    return env


def claimtrack(code: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "app.cli", *arguments]


def measured(command: list[str], code: Path, label: str) -> None:
    """Run `command` in the checkout `code`, print its time, CPU time and memory peaks."""
    before = os.getloadavg()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=environment(code),
        cwd=code,  # `python -m` puts the working directory before PYTHONPATH
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    memory, done = Memory(), threading.Event()
    watcher = threading.Thread(target=watch, args=(process.pid, memory, done), daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    watcher.join()
    output = process.stdout.read().decode(errors="replace") if process.stdout else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(output[-3000:])
        raise SystemExit(f"{label}: the load failed (exit {process.returncode})")
    summary = [line for line in output.splitlines() if line.strip()][-3:]
    cpu = usage.ru_utime + usage.ru_stime
    after = os.getloadavg()
    print(f"{label}:")
    for line in summary:
        print(f"    {line[:150]}")
    print(
        f"    wall {wall:,.1f} s, CPU {cpu:,.1f} s (all processes), "
        f"peak largest process {memory.largest / 1024:,.0f} MiB, "
        f"peak all processes {memory.total / 1024:,.0f} MiB ({len(memory.processes)} processes)"
    )
    print(f"    load average before {before[0]:.2f}, after {after[0]:.2f}")


def synth(code: Path, articles: int, seed: int, folder: Path) -> Path:
    """The corpus folder, written when missing."""
    if not folder.is_dir():
        command = claimtrack(code, "synth", "--articles", str(articles), "--seed", str(seed))
        subprocess.run(
            [*command, "--out", str(folder)], env=environment(code), cwd=code, check=True
        )
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size (100000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (1)")
    parser.add_argument("--add", type=int, default=6, help="articles of the small load (6)")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to run (this one)")
    parser.add_argument("--label", default="this checkout", help="name in the output")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = synth(ROOT, args.articles, args.seed, OUT / f"corpus-{args.articles}-seed{args.seed}")
    extra = synth(ROOT, args.add, ADD_SEED, OUT / f"corpus-{args.add}-seed{ADD_SEED}")
    scratch = OUT / f"load-speed-{os.getpid()}"
    scratch.mkdir()
    db = scratch / "claims.db"
    code = args.code.resolve()
    print(f"{args.label} ({args.code}), corpus {corpus.name}, {os.cpu_count()} CPUs")
    try:
        measured(claimtrack(code, "load", str(corpus), "--db", str(db)), code, "full load")
        measured(claimtrack(code, "load", str(extra), "--db", str(db)), code, "small load")
        print(f"    database {db.stat().st_size / 2**20:,.0f} MiB")
    finally:
        if not args.keep:
            shutil.rmtree(scratch)
        else:
            print(f"    kept {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
