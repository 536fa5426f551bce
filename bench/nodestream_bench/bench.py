"""nodestream ingest benchmark: the same generated pipelines with the `null` and `smith` targets.

    .venv/bin/python bench/nodestream_bench/bench.py [--users 100000] [--follows 100000]
        [--workdir DIR] [--batch-size 1000] [--flush-concurrency 1] [--no-sync-commit]
        [--profile smith|null]

Generates a nodestream project in --workdir (default: a temporary directory): `users` (one
record per user: a User node with 4 properties, a keyless LIVES_IN relationship to one of 1000
City nodes created on the fly, and a WORKS_AT relationship keyed by `role` to one of 500
Company nodes) and `follows` (one record per follow: existing users only, MATCH_ONLY FOLLOWS
relationships with properties). Each pipeline runs in this process through nodestream's Project
API, as `nodestream run` does, first with the null target (nodestream's own cost: reading,
interpreting, batching) and then with the smith target on a fresh database that has key
constraints (what `nodestream migrations run` creates). Prints records/s for each and the ratio
smith/null.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

SEED = 20240601

USERS_PIPELINE = """
- implementation: nodestream.pipeline.extractors:FileExtractor
  arguments:
    sources: [{type: local, globs: [data/users.jsonl]}]
- implementation: nodestream.interpreting:Interpreter
  arguments:
    interpretations:
      - type: source_node
        node_type: User
        key: {id: !jmespath id}
        properties:
          name: !jmespath name
          age: !jmespath age
          score: !jmespath score
          active: !jmespath active
      - type: relationship
        node_type: City
        relationship_type: LIVES_IN
        node_key: {name: !jmespath city}
      - type: relationship
        node_type: Company
        relationship_type: WORKS_AT
        node_key: {name: !jmespath company}
        relationship_key: {role: !jmespath role}
        relationship_properties: {since: !jmespath since}
"""

FOLLOWS_PIPELINE = """
- implementation: nodestream.pipeline.extractors:FileExtractor
  arguments:
    sources: [{type: local, globs: [data/follows.jsonl]}]
- implementation: nodestream.interpreting:Interpreter
  arguments:
    interpretations:
      - type: source_node
        node_type: User
        allow_create: false
        key: {id: !jmespath src}
      - type: relationship
        node_type: User
        relationship_type: FOLLOWS
        node_creation_rule: MATCH_ONLY
        node_key: {id: !jmespath dst}
        relationship_properties: {weight: !jmespath weight}
"""

CONSTRAINTS = [
    "CREATE CONSTRAINT User_node_key IF NOT EXISTS FOR (n:User) REQUIRE (n.id) IS UNIQUE",
    "CREATE CONSTRAINT City_node_key IF NOT EXISTS FOR (n:City) REQUIRE (n.name) IS UNIQUE",
    "CREATE CONSTRAINT Company_node_key IF NOT EXISTS FOR (n:Company) REQUIRE (n.name) IS UNIQUE",
]


def generate(
    workdir: Path, users: int, follows: int, writer_args: str, target_extra: str
) -> None:
    rng = random.Random(SEED)
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    (workdir / "pipelines").mkdir(exist_ok=True)
    roles = ["engineer", "manager", "analyst", "designer"]
    with open(workdir / "data" / "users.jsonl", "w") as out:
        for i in range(users):
            out.write(json.dumps({
                "id": f"u{i}", "name": f"user number {i}", "age": rng.randint(18, 90),
                "score": rng.random(), "active": rng.random() < 0.8,
                "city": f"city{rng.randrange(1000)}", "company": f"company{rng.randrange(500)}",
                "role": rng.choice(roles), "since": rng.randint(1990, 2024),
            }) + "\n")
    with open(workdir / "data" / "follows.jsonl", "w") as out:
        for _ in range(follows):
            out.write(json.dumps({
                "src": f"u{rng.randrange(users)}", "dst": f"u{rng.randrange(users)}",
                "weight": rng.random(),
            }) + "\n")
    (workdir / "pipelines" / "users.yaml").write_text(USERS_PIPELINE)
    (workdir / "pipelines" / "follows.yaml").write_text(FOLLOWS_PIPELINE)
    (workdir / "nodestream.yaml").write_text(
        "scopes:\n  default:\n    pipelines:\n"
        "      - path: pipelines/users.yaml\n      - path: pipelines/follows.yaml\n"
        "targets:\n"
        f"  \"null\":\n    database: \"null\"\n{writer_args}"
        f"  smith:\n    database: smith\n    uri: graph.smith\n{writer_args}{target_extra}"
    )


async def run_pipelines(project, target_name: str) -> float:
    from nodestream.pipeline import PipelineInitializationArguments
    from nodestream.pipeline.progress_reporter import PipelineProgressReporter
    from nodestream.project import RunRequest

    target = project.targets_by_name[target_name]
    errors = []
    start = time.perf_counter()
    for name in ("users", "follows"):
        reporter = PipelineProgressReporter(
            reporting_frequency=10**9, on_fatal_error_callback=errors.append
        )
        request = RunRequest(
            name, PipelineInitializationArguments(extra_steps=[target.make_writer()]), reporter
        )
        await project.run(request)
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"{target_name} run failed: {errors[0]!r}")
    return elapsed


def timed(project, target_name: str, profile: bool) -> float:
    if not profile:
        return asyncio.run(run_pipelines(project, target_name))
    profiler = cProfile.Profile()
    elapsed = profiler.runcall(asyncio.run, run_pipelines(project, target_name))
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"\n--- cProfile, {target_name} target (top 25 by cumulative time) ---")
    stats.sort_stats("cumulative").print_stats(25)
    print(f"--- cProfile, {target_name} target (top 20 by own time) ---")
    stats.sort_stats("tottime").print_stats(20)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--follows", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--flush-concurrency", type=int, default=1)
    parser.add_argument("--no-sync-commit", action="store_true")
    parser.add_argument("--profile", choices=["smith", "null"])
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="nodestream_bench_"))
    shutil.rmtree(workdir / "graph.smith", ignore_errors=True)
    writer_args = (
        f"    batch_size: {args.batch_size}\n    flush_concurrency: {args.flush_concurrency}\n"
    )
    extra = "    sync_commit: false\n" if args.no_sync_commit else ""
    generate(workdir, args.users, args.follows, writer_args, extra)
    records = args.users + args.follows
    print(f"workdir {workdir}: {args.users} user records + {args.follows} follow records, "
          f"batch_size {args.batch_size}, flush_concurrency {args.flush_concurrency}, "
          f"sync_commit {not args.no_sync_commit}")

    import os

    os.chdir(workdir)
    from nodestream.project import Project

    import smith

    with smith.GraphDatabase.driver("graph.smith") as driver:
        for statement in CONSTRAINTS:
            driver.execute_query(statement)

    project = Project.read_from_file(Path("nodestream.yaml"))
    null_seconds = timed(project, "null", args.profile == "null")
    smith_seconds = timed(project, "smith", args.profile == "smith")

    from nodestream_plugin_smith import SmithDatabase

    SmithDatabase.close_all()
    with smith.GraphDatabase.driver("graph.smith") as driver:
        counts = driver.execute_query(
            "MATCH (u:User) WITH count(u) AS users "
            "MATCH ()-[r]->() RETURN users, count(r) AS relationships"
        ).records[0]
    null_rate, smith_rate = records / null_seconds, records / smith_seconds
    print(f"null : {null_seconds:7.2f} s  {null_rate:9,.0f} records/s")
    print(f"smith: {smith_seconds:7.2f} s  {smith_rate:9,.0f} records/s  "
          f"({counts['users']} users, {counts['relationships']} relationships in the graph)")
    print(f"ratio smith/null: {smith_rate / null_rate:.2f} (goal >= 0.8)")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
