#!/usr/bin/env python
"""Benchmark of the B2B meeting scheduler against the first-come baseline.

For each size (100, 500 and 2,000 participants by default) the generator of
bench/b2b_generate.py builds the instance; the first-come baseline and the solver then schedule
it in the same run. For each, the script prints the priority reached as a share of the solver's
proven bound, the idle gaps and the time, checks that every answer keeps the five validity
rules, and says whether the targets are met:

- 500 participants: the priority optimum (priority = proven bound) within 10 s;
- 2,000 participants: at least 99 % of the bound within 60 s, with fewer idle gaps than the baseline.

    python bench/b2b_schedule.py
    python bench/b2b_schedule.py --sizes 500 --time-limit 500=5

The solver's time counts from the parsed instance to the answer (parsing is shown apart).
"""

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "japandesk.settings")

import django  # noqa: E402

django.setup()

import ortools  # noqa: E402
from b2b_generate import generate  # noqa: E402

from japandesk.events.scheduling.greedy import first_come  # noqa: E402
from japandesk.events.scheduling.instance import answer_to_dict, parse_instance  # noqa: E402
from japandesk.events.scheduling.solver import Engine, default_workers  # noqa: E402
from japandesk.events.scheduling.validate import objective_problems, problems  # noqa: E402

TIME_LIMITS = {100: 10.0, 500: 10.0, 2000: 60.0}


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def run_size(participants: int, time_limit: float, seed: int, workers: int) -> dict:
    document = generate(participants, seed)
    started = time.perf_counter()
    instance = parse_instance(document)
    parse_seconds = time.perf_counter() - started
    baseline = first_come(instance)
    trace: list[tuple[str, float, int, int]] = []
    engine = Engine(
        instance,
        time_limit=time_limit,
        workers=workers,
        seed=seed,
        log=lambda phase, seconds, priority, _moves, gaps: trace.append((phase, seconds, priority, gaps)),
    )
    answer = engine.run()
    bound = answer.bound
    reached = next((seconds for _phase, seconds, priority, _gaps in trace if priority >= bound), None)
    broken = []
    for result in (baseline, answer):
        result_document = answer_to_dict(instance, result)
        broken += problems(instance, result_document) + objective_problems(instance, result_document)
    return {
        "participants": participants,
        "meetings": len(instance.meetings),
        "slots": len(instance.slots),
        "tables": instance.tables,
        "parse": parse_seconds,
        "baseline": baseline,
        "answer": answer,
        "bound": bound,
        "bound_seconds": next((seconds for phase, seconds, *_ in trace if phase.startswith("bound")), None),
        "priority_optimum_seconds": reached if answer.priority >= bound else None,
        "time_limit": time_limit,
        "valid": not broken,
        "problems": broken[:5],
    }


def share(value: int, bound: int) -> str:
    return f"{100 * value / bound:.2f} %" if bound else "-"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,2000", help="participants per instance, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", action="append", default=[], help="SIZE=SECONDS (default 10 s; 60 s for 2000)")
    parser.add_argument("--workers", type=int, default=None, help="solver threads (default: every core)")
    args = parser.parse_args(argv)
    limits = dict(TIME_LIMITS)
    for item in args.time_limit:
        size, seconds = item.split("=")
        limits[int(size)] = float(seconds)
    workers = args.workers or default_workers()
    print(f"# B2B scheduling benchmark — {cpu_name()}, {workers} cores used, {os.cpu_count()} online")
    print(f"# Python {platform.python_version()}, OR-Tools {ortools.__version__}, load {os.getloadavg()[0]:.2f}")
    print()
    header = (
        "| participants | meetings | method | scheduled | priority | share of bound | idle gaps | seconds |"
        "\n|---:|---:|---|---:|---:|---:|---:|---:|"
    )
    print(header)
    results = []
    for size in (int(item) for item in args.sizes.split(",")):
        result = run_size(size, limits.get(size, 10.0), args.seed, workers)
        results.append(result)
        bound = result["bound"]
        for name, answer in (("first come", result["baseline"]), ("solver", result["answer"])):
            print(
                f"| {size:,} | {result['meetings']:,} | {name} | {answer.scheduled:,} | {answer.priority:,} "
                f"| {share(answer.priority, bound)} | {answer.idle_gaps:,} | {answer.seconds:.2f} |"
            )
        sys.stdout.flush()
    print()
    for result in results:
        answer, baseline = result["answer"], result["baseline"]
        optimum = result["priority_optimum_seconds"]
        print(
            f"{result['participants']:,} participants: {result['slots']} slots x {result['tables']} tables, "
            f"parsed in {result['parse']:.2f} s; bound {result['bound']:,} proven"
            + (f" at {result['bound_seconds']:.2f} s; " if result["bound_seconds"] is not None else "; ")
            + (
                f"priority optimum reached at {optimum:.2f} s; "
                if optimum is not None
                else "priority optimum not reached; "
            )
            + f"idle gaps {answer.idle_gaps:,} (baseline {baseline.idle_gaps:,}); "
            + f"optimal (priority and gaps proven): {'yes' if answer.optimal else 'no'}; "
            + f"answers valid: {'yes' if result['valid'] else 'NO ' + '; '.join(result['problems'])}"
        )
    print()
    for result in results:
        answer, baseline, bound = result["answer"], result["baseline"], result["bound"]
        if result["participants"] == 500:
            met = answer.priority == bound and answer.seconds <= 10.0 and result["valid"]
            print(f"target 500: priority optimum within 10 s — {'met' if met else 'NOT met'}")
        if result["participants"] == 2000:
            met = (
                answer.priority >= 0.99 * bound
                and answer.seconds <= 60.0
                and answer.idle_gaps < baseline.idle_gaps
                and result["valid"]
            )
            print(
                f"target 2,000 ({result['meetings']:,} meetings): >= 99 % of the bound within 60 s with fewer "
                f"idle gaps than the baseline — {'met' if met else 'NOT met'}"
            )


if __name__ == "__main__":
    main()
