#!/usr/bin/env bash
# Runs the example nodestream project into a fresh embedded smith database (data/graph.smith):
# the migrations, every ingest pipeline, the TTL pipelines, then prints a query result.
# Usage: examples/nodestream/run.sh   (from anywhere; uses the repository's .venv)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$(cd "$HERE/../.." && pwd)/.venv/bin"
cd "$HERE"

rm -rf data/graph.smith
"$VENV/nodestream" migrations run --target smith
"$VENV/nodestream" run teams topics people projects contributions reviews --target smith
"$VENV/nodestream" run ttl-nodes ttl-relationships --target smith

"$VENV/python" -c '
import smith

QUERY = """
MATCH (p:Person:Employee)-[:MEMBER_OF]->(t:Team)
OPTIONAL MATCH (p)-[c:CONTRIBUTED]->(project:Project)
WITH t, p, sum(c.commits) AS commits, collect(DISTINCT project.slug) AS projects
RETURN t.name AS team, p.name AS person, commits, projects
ORDER BY team, commits DESC, person
"""
with smith.GraphDatabase.driver("data/graph.smith") as driver:
    records, _, _ = driver.execute_query(QUERY)
    print("%-8s %-16s %7s  %s" % ("team", "person", "commits", "projects"))
    for r in records:
        print("%-8s %-16s %7d  %s" % (r["team"], r["person"], r["commits"], ", ".join(r["projects"])))
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships")
    print("nodes:", records[0]["nodes"], "relationships:", records[0]["relationships"])
'
