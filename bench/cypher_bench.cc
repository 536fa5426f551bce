// Cypher ingest benchmarks through the public API (include/smith/database.h), the way the
// nodestream connector drives smith: one `UNWIND $rows` statement per batch of 1000 rows with 5
// properties per row and a key constraint present. Half of each batch updates existing keys
// chosen at random, half creates new ones. As nodestream does, every row carries the time of its
// ingestion as last_ingested_at (indexed, for TTL queries): nodestream stamps all records of a
// two-second window with one cached timestamp, so each batch here gets the next value of a clock
// that advances two seconds per batch; the other properties of an existing node are re-sent
// unchanged.
//
// Also a 2-hop pattern query from a keyed node and an aggregation over all nodes, timed, with
// their plans printed.
//
// Each batch's parameter rows are built outside the timed region: the numbers are the engine's
// (parse-cache lookup, planning, execution, commit), not the client's.
//
// SMITH_BENCH_MAX_NODES caps the store sizes (the test command runs a small smoke run).
// SMITH_BENCH_SYNC=0 opens the stores with sync_commit off: fsync latency on shared machines
// varies by milliseconds, which hides CPU differences when comparing two builds. Published
// numbers use the default (on).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "smith/database.h"

namespace smith {
namespace {

constexpr int kBatch = 1000;

const char* kNodeMerge = "UNWIND $rows AS row MERGE (n:Person {key: row.key}) SET n += row.props";
const char* kRelMerge =
    "UNWIND $rows AS row MATCH (a:Person {key: row.a}) MATCH (b:Person {key: row.b}) "
    "MERGE (a)-[r:KNOWS]->(b) SET r += row.props";

int64_t MaxNodes() {
  const char* cap = std::getenv("SMITH_BENCH_MAX_NODES");
  return cap ? std::atoll(cap) : INT64_MAX;
}

std::string KeyOf(int64_t i) { return "person-" + std::to_string(i); }

Value Props(int64_t i, int64_t now) {
  return Value::Map(ValueMap::FromEntries({{"name", Value::String("name of " + std::to_string(i))},
                                           {"age", Value::Int(i % 100)},
                                           {"score", Value::Float(static_cast<double>(i) / 7)},
                                           {"active", Value::Bool(i % 2 == 0)},
                                           {"last_ingested_at", Value::Int(now)}}));
}

struct Store {
  std::string dir;
  std::unique_ptr<Database> db;
  int64_t nodes = 0;
  int64_t clock = 1'700'000'000;  // seconds; the next batch's last_ingested_at
  std::mt19937_64 rng{7};
  std::vector<std::pair<int64_t, int64_t>> pairs;

  ~Store() {
    db.reset();
    std::filesystem::remove_all(dir);
  }

  void Run(const char* query, std::vector<Value> rows) {
    auto result = db->Run(query, ValueMap::FromEntries({{"rows", Value::List(std::move(rows))}}));
    if (!result.ok() || !(*result)->Consume().ok()) std::abort();
  }

  void UpsertNodes(int64_t existing, int64_t fresh) { Run(kNodeMerge, NodeRows(existing, fresh)); }

  // Rows for kNodeMerge: `existing` random keys already stored, then `fresh` new ones.
  std::vector<Value> NodeRows(int64_t existing, int64_t fresh) {
    std::vector<Value> rows;
    std::uniform_int_distribution<int64_t> pick(0, std::max<int64_t>(nodes - 1, 0));
    for (int64_t r = 0; r < existing + fresh; ++r) {
      int64_t i = r < existing && nodes > 0 ? pick(rng) : nodes++;
      rows.push_back(Value::Map(
          ValueMap::FromEntries({{"key", Value::String(KeyOf(i))}, {"props", Props(i, clock)}})));
    }
    clock += 2;
    return rows;
  }
};

// The stores live until main() drops them: closing a database during static destruction would
// run after RocksDB's own static objects are gone.
std::map<int64_t, std::unique_ptr<Store>>& Stores() {
  static auto* stores = new std::map<int64_t, std::unique_ptr<Store>>();
  return *stores;
}

Store& GetStore(int64_t size) {
  auto& slot = Stores()[size];
  if (slot) return *slot;
  slot = std::make_unique<Store>();
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "smith-cypher-bench-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) std::abort();
  slot->dir = tmpl;
  DatabaseOptions options;
  const char* sync = std::getenv("SMITH_BENCH_SYNC");
  options.sync_commit = sync == nullptr || std::string(sync) != "0";
  slot->db = std::move(Database::Open(slot->dir + "/db", options).value());
  for (const char* q : {"CREATE CONSTRAINT person_key FOR (n:Person) REQUIRE n.key IS UNIQUE",
                        "CREATE INDEX person_ts FOR (n:Person) ON (n.last_ingested_at)"}) {
    if (!slot->db->Run(q).ok()) std::abort();
  }
  while (slot->nodes < size) slot->UpsertNodes(0, std::min<int64_t>(kBatch, size - slot->nodes));
  return *slot;
}

bool SkipLarge(benchmark::State& state) {
  if (state.range(0) > MaxNodes()) {
    state.SkipWithError("size above SMITH_BENCH_MAX_NODES");
    return true;
  }
  return false;
}

void BM_CypherNodeMerge(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Value> rows = s.NodeRows(kBatch / 2, kBatch / 2);
    state.ResumeTiming();
    s.Run(kNodeMerge, std::move(rows));
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["store_nodes"] = static_cast<double>(s.nodes);
}

void BM_CypherRelationshipMerge(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  std::uniform_int_distribution<int64_t> pick(0, s.nodes - 1);
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Value> rows;
    for (int r = 0; r < kBatch; ++r) {
      std::pair<int64_t, int64_t> p;
      if (r % 2 == 0 && !s.pairs.empty()) {
        p = s.pairs[std::uniform_int_distribution<size_t>(0, s.pairs.size() - 1)(s.rng)];
      } else {
        p = {pick(s.rng), pick(s.rng)};
        s.pairs.push_back(p);
      }
      rows.push_back(Value::Map(ValueMap::FromEntries(
          {{"a", Value::String(KeyOf(p.first))},
           {"b", Value::String(KeyOf(p.second))},
           {"props", Value::Map(ValueMap::FromEntries({{"since", Value::Int(r)}}))}})));
    }
    state.ResumeTiming();
    s.Run(kRelMerge, std::move(rows));
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

// Read queries over a store with (about) two KNOWS relationships per node, created by the
// relationship MERGE statement above in batches of 1000 random pairs.
const char* kTwoHop =
    "MATCH (a:Person {key: $key})-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN count(DISTINCT c) AS reach";
const char* kAggregation =
    "MATCH (p:Person) RETURN p.age % 10 AS bucket, count(*) AS people, avg(p.score) AS mean "
    "ORDER BY bucket";

Store& GetConnectedStore(int64_t size) {
  Store& s = GetStore(size);
  std::uniform_int_distribution<int64_t> pick(0, s.nodes - 1);
  while (static_cast<int64_t>(s.pairs.size()) < 2 * s.nodes) {
    std::vector<Value> rows;
    for (int r = 0; r < kBatch; ++r) {
      std::pair<int64_t, int64_t> p{pick(s.rng), pick(s.rng)};
      s.pairs.push_back(p);
      rows.push_back(Value::Map(ValueMap::FromEntries(
          {{"a", Value::String(KeyOf(p.first))},
           {"b", Value::String(KeyOf(p.second))},
           {"props", Value::Map(ValueMap::FromEntries({{"since", Value::Int(r)}}))}})));
    }
    s.Run(kRelMerge, std::move(rows));
  }
  return s;
}

// Prints the plan of `query` once per store size (docs/performance.md shows it).
void PrintPlanOnce(Store& s, const char* query, int64_t size) {
  static std::map<std::pair<const char*, int64_t>, bool> printed;
  if (printed[{query, size}]) return;
  printed[{query, size}] = true;
  auto result = s.db->Run(std::string("EXPLAIN ") + query,
                          ValueMap::FromEntries({{"key", Value::String(KeyOf(0))}}));
  if (!result.ok()) std::abort();
  auto summary = (*result)->Consume();
  if (!summary.ok()) std::abort();
  std::printf("plan (%lld nodes): %s\n%s\n", static_cast<long long>(size), query,
              summary->plan.c_str());
}

// Drains a read query's records; returns how many there were.
int64_t Drain(Store& s, const char* query, const ValueMap& params) {
  auto result = s.db->Run(query, params);
  if (!result.ok()) std::abort();
  std::vector<Value> record;
  int64_t n = 0;
  while (true) {
    auto more = (*result)->Next(&record);
    if (!more.ok()) std::abort();
    if (!*more) return n;
    ++n;
  }
}

void BM_CypherTwoHop(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetConnectedStore(state.range(0));
  PrintPlanOnce(s, kTwoHop, state.range(0));
  std::uniform_int_distribution<int64_t> pick(0, s.nodes - 1);
  for (auto _ : state) {
    Drain(s, kTwoHop, ValueMap::FromEntries({{"key", Value::String(KeyOf(pick(s.rng)))}}));
  }
  state.SetItemsProcessed(state.iterations());
}

// Scans without a label or type: all nodes (the node family walked in id order, one memtable hash
// group at a time, see graph/node_walker.h) and all relationships (the relationship family in id
// order, records read along with their keys).
const char* kAllNodes = "MATCH (n) WHERE n.age >= 0 RETURN count(*) AS c";
const char* kAllRelationships = "MATCH ()-[r]->() WHERE r.since >= 0 RETURN count(*) AS c";

void RunScan(benchmark::State& state, const char* query, bool relationships) {
  if (SkipLarge(state)) return;
  Store& s = GetConnectedStore(state.range(0));
  PrintPlanOnce(s, query, state.range(0));
  for (auto _ : state) {
    if (Drain(s, query, {}) != 1) std::abort();
  }
  const auto scanned = relationships ? static_cast<int64_t>(s.pairs.size()) : s.nodes;
  state.SetItemsProcessed(state.iterations() * scanned);
}

void BM_CypherAllNodesScan(benchmark::State& state) { RunScan(state, kAllNodes, false); }
void BM_CypherAllRelationshipsScan(benchmark::State& state) {
  RunScan(state, kAllRelationships, true);
}

void BM_CypherAggregation(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetConnectedStore(state.range(0));
  PrintPlanOnce(s, kAggregation, state.range(0));
  for (auto _ : state) {
    if (Drain(s, kAggregation, {}) != 10) std::abort();
  }
  state.SetItemsProcessed(state.iterations() * s.nodes);
}

#define SMITH_SIZES Arg(10'000)->Arg(100'000)->Arg(1'000'000)
BENCHMARK(BM_CypherNodeMerge)
    ->SMITH_SIZES->Iterations(50)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CypherRelationshipMerge)
    ->SMITH_SIZES->Iterations(50)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CypherTwoHop)
    ->SMITH_SIZES->Iterations(2000)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CypherAllNodesScan)
    ->SMITH_SIZES->Iterations(5)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CypherAllRelationshipsScan)
    ->SMITH_SIZES->Iterations(5)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CypherAggregation)
    ->SMITH_SIZES->Iterations(5)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smith

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  smith::Stores().clear();
  return 0;
}
