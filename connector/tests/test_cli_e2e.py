"""End to end: the real ``nodestream`` CLI (a subprocess) writing into smith in temporary projects.

Each test builds a project directory (nodestream.yaml, pipelines, data), runs
``nodestream run ... --target smith`` once (several pipelines per call to keep the suite fast),
then reads the graph back with Cypher through the smith driver.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import query_sync

NODESTREAM = str(Path(sys.executable).with_name("nodestream"))


def make_project(root: Path, pipelines: dict[str, str], data: dict[str, str] | None = None,
                 target: str = "database: smith\n    uri: graph.smith",
                 files: dict[str, str] | None = None) -> Path:
    """Writes a nodestream project: one pipeline file per entry, data files, extra files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pipelines").mkdir(exist_ok=True)
    entries = []
    for name, text in pipelines.items():
        (root / "pipelines" / f"{name}.yaml").write_text(textwrap.dedent(text))
        entries.append(f"      - path: pipelines/{name}.yaml")
    (root / "nodestream.yaml").write_text(
        "scopes:\n  default:\n    pipelines:\n" + "\n".join(entries) + "\n"
        f"targets:\n  smith:\n    {target}\n"
    )
    for name, text in {**(data or {}), **(files or {})}.items():
        (root / name).write_text(textwrap.dedent(text).lstrip())
    return root


def run_nodestream(project: Path, *pipelines: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NODESTREAM, "run", *pipelines, "--target", "smith"],
        cwd=project, capture_output=True, text=True, timeout=300,
    )


def check(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output and "non_fatal_errors" not in output, output
    return output


def q(project: Path, query: str, db: str = "graph.smith", **parameters):
    return query_sync(str(project / db), query, **parameters)


def csv_pipeline(file: str, interpretations: str) -> str:
    return (
        "- implementation: nodestream.pipeline.extractors:FileExtractor\n"
        "  arguments:\n"
        f"    sources: [{{type: local, globs: [{file}]}}]\n"
        "- implementation: nodestream.interpreting:Interpreter\n"
        "  arguments:\n"
        "    interpretations:\n"
        + textwrap.indent(textwrap.dedent(interpretations), "      ")
    )


INGEST_PIPELINES = {
    # EAGER source nodes with additional types, a keyless relationship whose Team endpoint is
    # created (EAGER) and a MATCH_ONLY relationship to existing managers.
    "people": csv_pipeline("people.csv", """
        - type: source_node
          node_type: Person
          additional_types: [Employee]
          key: {id: !jmespath id}
          properties: {name: !jmespath name, nick: !jmespath nick}
        - type: relationship
          node_type: Team
          relationship_type: MEMBER_OF
          node_key: {name: !jmespath team}
        - type: relationship
          node_type: Person
          relationship_type: REPORTS_TO
          node_creation_rule: MATCH_ONLY
          node_key: {id: !jmespath manager}
    """),
    # MATCH_ONLY source nodes: updates existing people, creates no one, adds a label.
    "badges": csv_pipeline("badges.csv", """
        - type: source_node
          node_type: Person
          allow_create: false
          additional_types: [Badged]
          key: {id: !jmespath id}
          properties: {badge: !jmespath badge}
    """),
    # FUZZY relationship endpoints: the key is a full-string regular expression.
    "tags": csv_pipeline("tags.csv", """
        - type: source_node
          node_type: Tag
          key: {name: !jmespath tag}
        - type: relationship
          node_type: Person
          relationship_type: TAGS
          node_creation_rule: FUZZY
          node_key: {id: !jmespath pattern}
    """),
    # Relationship keys (EAGER and MERGE_KEY) and CREATE; run twice in one call.
    "links": csv_pipeline("links.csv", """
        - type: source_node
          node_type: Person
          allow_create: false
          key: {id: !jmespath src}
        - type: relationship
          node_type: Person
          relationship_type: WORKED_WITH
          node_creation_rule: MATCH_ONLY
          node_key: {id: !jmespath dst}
          relationship_key: {project: !jmespath project}
          relationship_properties: {hours: !jmespath hours}
        - type: relationship
          node_type: Person
          relationship_type: MET
          node_creation_rule: MATCH_ONLY
          relationship_creation_rule: MERGE_KEY
          node_key: {id: !jmespath dst}
          relationship_key: {place: !jmespath place}
        - type: relationship
          node_type: Person
          relationship_type: PINGED
          node_creation_rule: MATCH_ONLY
          relationship_creation_rule: CREATE
          node_key: {id: !jmespath dst}
    """),
}

INGEST_DATA = {
    "people.csv": """
        id,name,nick,team,manager
        ada,Ada,countess,core,
        alan,Alan,,core,ada
        grace,Grace,amazing,tools,ada
        ken,Ken,,tools,nobody
    """,
    "badges.csv": """
        id,badge
        ada,gold
        ghost,silver
    """,
    "tags.csv": """
        tag,pattern
        a-people,a.*
        exact,ken
        none,k
    """,
    "links.csv": """
        src,dst,project,hours,place
        ada,alan,engine,10,london
        ada,alan,parser,5,london
        alan,grace,engine,7,paris
        ada,ghost,engine,1,nowhere
    """,
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("ingest"), INGEST_PIPELINES, INGEST_DATA)
    output = check(run_nodestream(project, "people", "badges", "tags", "links", "links"))
    return project, output


def test_eager_nodes_with_additional_types(ingested):
    project, _ = ingested
    got = q(project, "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.nick AS nick, "
                     "labels(p) AS labels ORDER BY id")
    assert [(r["id"], r["name"], r["nick"]) for r in got] == [
        ("ada", "Ada", "countess"), ("alan", "Alan", ""), ("grace", "Grace", "amazing"),
        ("ken", "Ken", ""),
    ]
    assert all({"Person", "Employee"} <= set(r["labels"]) for r in got)
    stamps = q(project, "MATCH (p:Person) RETURN p.last_ingested_at AS t, "
                        "p.`was_ingested_by_people` AS by")
    assert all(r["t"] is not None and r["by"] is True for r in stamps)


def test_keyless_relationship_with_eager_endpoint(ingested):
    project, _ = ingested
    got = q(project, "MATCH (p:Person)-[r:MEMBER_OF]->(t:Team) RETURN p.id AS p, t.name AS t "
                     "ORDER BY p")
    assert got == [{"p": "ada", "t": "core"}, {"p": "alan", "t": "core"},
                   {"p": "grace", "t": "tools"}, {"p": "ken", "t": "tools"}]
    assert q(project, "MATCH (t:Team) RETURN count(t) AS c") == [{"c": 2}]


def test_match_only_relationships_and_sources_create_nothing(ingested):
    project, _ = ingested
    got = q(project, "MATCH (a)-[:REPORTS_TO]->(b) RETURN a.id AS a, b.id AS b ORDER BY a")
    assert got == [{"a": "alan", "b": "ada"}, {"a": "grace", "b": "ada"}]  # 'nobody' unknown
    got = q(project, "MATCH (p:Person) WHERE p.badge IS NOT NULL "
                     "RETURN p.id AS id, p.badge AS badge, labels(p) AS labels")
    assert len(got) == 1 and got[0]["id"] == "ada" and got[0]["badge"] == "gold"
    assert "Badged" in got[0]["labels"]
    assert q(project, "MATCH (n) WHERE n.id IN ['ghost', 'nobody'] RETURN n") == []


def test_fuzzy_endpoints(ingested):
    project, _ = ingested
    got = q(project, "MATCH (t:Tag)-[:TAGS]->(p:Person) RETURN t.name AS t, p.id AS p "
                     "ORDER BY t, p")
    assert got == [{"t": "a-people", "p": "ada"}, {"t": "a-people", "p": "alan"},
                   {"t": "exact", "p": "ken"}]


def test_relationship_keys_merge_and_create_accumulates(ingested):
    project, _ = ingested
    got = q(project, "MATCH (a)-[r:WORKED_WITH]->(b) RETURN a.id AS a, b.id AS b, "
                     "r.project AS project, r.hours AS hours ORDER BY a, project")
    assert got == [
        {"a": "ada", "b": "alan", "project": "engine", "hours": "10"},
        {"a": "ada", "b": "alan", "project": "parser", "hours": "5"},
        {"a": "alan", "b": "grace", "project": "engine", "hours": "7"},
    ]
    got = q(project, "MATCH (a)-[r:MET]->(b) RETURN a.id AS a, b.id AS b, r.place AS place "
                     "ORDER BY a")
    assert got == [{"a": "ada", "b": "alan", "place": "london"},
                   {"a": "alan", "b": "grace", "place": "paris"}]
    # CREATE: the pipeline ran twice, so each (deduplicated per batch) ping exists twice.
    got = q(project, "MATCH (a)-[r:PINGED]->(b) RETURN a.id AS a, b.id AS b, count(r) AS c "
                     "ORDER BY a")
    assert got == [{"a": "ada", "b": "alan", "c": 2}, {"a": "alan", "b": "grace", "c": 2}]


TTL_PIPELINES = {
    "ingest": csv_pipeline("items.csv", """
        - type: source_node
          node_type: !jmespath type
          key: {id: !jmespath id}
        - type: relationship
          node_type: Anchor
          relationship_type: LINK
          node_key: {id: anchor}
        - type: relationship
          node_type: Anchor
          relationship_type: STICKY
          relationship_update_last_ingested: false
          node_key: {id: anchor}
    """),
    "unstamped": csv_pipeline("unstamped.csv", """
        - type: source_node
          node_type: Temp
          update_last_ingested: false
          key: {id: !jmespath id}
    """),
    "ttl-nodes": """
        - implementation: nodestream.pipeline.extractors:TimeToLiveConfigurationExtractor
          arguments:
            graph_object_type: NODE
            configurations:
              - {object_type: Temp, expiry_in_hours: 0, batch_size: 2}
              - {object_type: Keep, expiry_in_hours: 1}
              - object_type: Custom
                expiry_in_hours: 0
                custom_query: >-
                  MATCH (n:Custom) WHERE n.last_ingested_at <= $earliest_allowed_time
                  AND n.id STARTS WITH 'x' RETURN id(n) AS id
    """,
    "ttl-relationships": """
        - implementation: nodestream.pipeline.extractors:TimeToLiveConfigurationExtractor
          arguments:
            graph_object_type: RELATIONSHIP
            configurations:
              - {object_type: LINK, expiry_in_hours: 0}
              - {object_type: STICKY, expiry_in_hours: 0}
    """,
}

TTL_DATA = {
    "items.csv": "type,id\n" + "".join(f"Temp,t{i}\n" for i in range(5))
    + "Keep,k1\nKeep,k2\nCustom,x1\nCustom,x2\nCustom,y1\n",
    "unstamped.csv": "id\nu1\n",
}


def test_ttl_nodes_and_relationships(tmp_path):
    project = make_project(tmp_path, TTL_PIPELINES, TTL_DATA)
    check(run_nodestream(project, "ingest", "unstamped"))
    before = q(project, "MATCH (n:Temp)-[r]->() RETURN count(r) AS c")
    assert before == [{"c": 10}]  # LINK and STICKY per Temp
    check(run_nodestream(project, "ttl-relationships", "ttl-nodes"))
    nodes = q(project, "MATCH (n) RETURN labels(n)[0] + ':' + n.id AS n ORDER BY n")
    assert [r["n"] for r in nodes] == [
        "Anchor:anchor", "Custom:y1", "Keep:k1", "Keep:k2", "Temp:u1",  # u1 has no timestamp
    ]
    rels = q(project, "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t ORDER BY a")
    # LINK expired everywhere; STICKY has no last_ingested_at and survives where its source does.
    assert rels == [{"a": "k1", "t": "STICKY"}, {"a": "k2", "t": "STICKY"},
                    {"a": "y1", "t": "STICKY"}]


def test_extractor_pages_through_a_smith_query(tmp_path):
    import smith

    source = tmp_path / "source.smith"
    with smith.GraphDatabase.driver(str(source)) as driver:
        driver.execute_query("UNWIND range(1, 10) AS i CREATE (:Src {k: i, label: 'item-' + "
                             "toString(i)})")
    pipeline = """
        - implementation: nodestream_plugin_smith.extractor:SmithExtractor
          arguments:
            uri: source.smith
            limit: 3
            query: >-
              MATCH (n:Src) WHERE n.k > $min RETURN n.k AS k, n AS node
              ORDER BY k SKIP $offset LIMIT $limit
            parameters: {min: 2}
        - implementation: nodestream.interpreting:Interpreter
          arguments:
            interpretations:
              - type: source_node
                node_type: Copy
                key: {k: !jmespath k}
                properties: {label: !jmespath node.label}
    """
    # `database: smith` alone: the default embedded directory .smith/graph in the project.
    project = make_project(tmp_path / "project", {"copy": pipeline}, target="database: smith")
    (project / "source.smith").symlink_to(source)
    check(run_nodestream(project, "copy"))
    got = q(project, "MATCH (c:Copy) RETURN c.k AS k, c.label AS label ORDER BY k",
            db=".smith/graph")
    assert got == [{"k": k, "label": f"item-{k}"} for k in range(3, 11)]


def failed(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    return output


def test_unwritable_directory_fails_clearly(tmp_path):
    (tmp_path / "not-a-dir").write_text("a file where the database directory should go")
    project = make_project(tmp_path / "p", {"people": INGEST_PIPELINES["people"]},
                           {"people.csv": INGEST_DATA["people.csv"]},
                           target=f"database: smith\n    uri: {tmp_path / 'not-a-dir' / 'db'}")
    output = failed(run_nodestream(project, "people"))
    assert f"cannot open smith database at {tmp_path / 'not-a-dir' / 'db'}" in output


def test_locked_database_fails_clearly_and_writes_nothing(tmp_path):
    project = make_project(tmp_path, {"people": INGEST_PIPELINES["people"]},
                           {"people.csv": INGEST_DATA["people.csv"]})
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import smith, sys; d = smith.GraphDatabase.driver(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(project / "graph.smith")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        output = failed(run_nodestream(project, "people"))
        assert "cannot open smith database at" in output
        assert f"in use by process {holder.pid}" in output
    finally:
        holder.communicate("", timeout=60)
    assert q(project, "MATCH (n) RETURN count(n) AS c") == [{"c": 0}]


HOOK_MODULE = """
    from dataclasses import dataclass

    from nodestream.model import DesiredIngestion, IngestionHook, Node
    from nodestream.pipeline import Extractor


    @dataclass
    class QueryHook(IngestionHook):
        query: str

        def as_cypher_query_and_parameters(self):
            return self.query, {"zero": 0, "name": "hooked"}


    class HookExtractor(Extractor):
        def __init__(self, queries):
            self.queries = queries

        async def extract_records(self):
            for index, query in enumerate(self.queries):
                ingest = DesiredIngestion(source=Node("Item", {"id": f"i{index}"}, {}))
                ingest.add_ingest_hook(QueryHook(query), before_ingest=False)
                yield ingest
"""


def test_hooks_run_and_invalid_hook_fails_clearly_without_partial_writes(tmp_path):
    good = "MATCH (i:Item {id: 'i0'}) CREATE (i)-[:HAS]->(:Hooked {name: $name})"
    # Fails at run time, after its first CREATE: the statement must leave nothing behind.
    bad = "CREATE (:Half {n: 1}) WITH 1 AS x CREATE (:Half {n: 1 / $zero})"
    pipeline = f"""
        - implementation: hook_steps:HookExtractor
          arguments:
            queries: ["{good}", "{bad}"]
    """
    project = make_project(tmp_path, {"hooks": pipeline},
                           files={"hook_steps.py": HOOK_MODULE})
    result = run_nodestream(project, "hooks")
    output = result.stdout + result.stderr
    # nodestream reports an error in the final flush as non-fatal (exit code 0), but the error
    # names the hook and the cause.
    assert "smith: ingestion hook QueryHook failed: " in output, output
    assert "zero" in output.lower(), output
    assert q(project, "MATCH (:Item {id: 'i0'})-[:HAS]->(h:Hooked) RETURN h.name AS n") == [
        {"n": "hooked"}
    ]
    assert q(project, "MATCH (n:Half) RETURN count(n) AS c") == [{"c": 0}]
    assert q(project, "MATCH (n:Item) RETURN n.id AS id ORDER BY id") == [{"id": "i0"},
                                                                          {"id": "i1"}]
