// Graph-layer ingest and read benchmarks (Google Benchmark).
//
// The stores are built once per size in a temporary directory and reused by every benchmark of
// that size. Sizes come from the benchmark arguments; SMITH_BENCH_MAX_NODES caps them (the test
// command runs this binary with a small cap as a smoke test so it never rots).
//
// Workload, as the foundation issue specifies: single thread, batches of 1000 rows, 5 properties
// per node, half of each batch existing keys chosen at random and half new ones; one commit per
// batch (synced, the default).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "common/temporal.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/graph_writer.h"

namespace smith::graph {
namespace {

constexpr int kBatch = 1000;

int64_t MaxNodes() {
  const char* cap = std::getenv("SMITH_BENCH_MAX_NODES");
  return cap ? std::atoll(cap) : INT64_MAX;
}

std::string KeyOf(int64_t i) { return "person-" + std::to_string(i); }

// A keyed store: (:Person {key}) with a uniqueness constraint, an index on last_ingested_at as
// nodestream creates, and KNOWS relationships added by the relationship benchmark.
struct Store {
  std::string dir;
  std::unique_ptr<Graph> graph;
  int64_t nodes = 0;  // keys 0..nodes-1 exist
  TokenId person = 0, knows = 0, key = 0;
  std::vector<TokenId> props;
  std::mt19937_64 rng{42};

  ~Store() {
    graph.reset();
    std::filesystem::remove_all(dir);
  }

  PropertyList Properties(int64_t i) {
    return {{props[0], Value::String("name of " + std::to_string(i))},
            {props[1], Value::Int(i)},
            {props[2], Value::Float(static_cast<double>(i) / 3)},
            {props[3], Value::Bool(i % 2 == 0)},
            {props[4], Value(DateTime::FromInstant(1700000000 + i, 0, 0).value())}};
  }

  // One batch of keyed upserts: half existing keys at random, half new keys.
  void UpsertBatch(int64_t existing_rows, int64_t new_rows) {
    auto w = graph->BeginWrite();
    const SchemaObject* unique = w->catalog().FindByName("person_key");
    std::uniform_int_distribution<int64_t> pick(0, std::max<int64_t>(nodes - 1, 0));
    for (int64_t r = 0; r < existing_rows + new_rows; ++r) {
      int64_t i = r < existing_rows && nodes > 0 ? pick(rng) : nodes++;
      Value k = Value::String(KeyOf(i));
      auto found = w->FindByKey(*unique, {&k, 1});
      if (!found.ok()) std::abort();
      if (*found) {
        if (!w->UpdateNode(**found, RecordPatch{{}, {}, Properties(i), {}}).ok()) std::abort();
      } else {
        PropertyList p = Properties(i);
        p.emplace_back(key, k);
        if (!w->CreateNode({person}, std::move(p)).ok()) std::abort();
      }
    }
    if (!w->Commit().ok()) std::abort();
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
  Store& s = *slot;
  std::string tmpl = (std::filesystem::temp_directory_path() / "smith-bench-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) std::abort();
  s.dir = tmpl;
  s.graph = std::move(Graph::Open(s.dir + "/db", {}).value());
  auto w = s.graph->BeginWrite();
  s.person = w->GetOrCreateToken(TokenKind::kLabel, "Person").value();
  s.knows = w->GetOrCreateToken(TokenKind::kRelType, "KNOWS").value();
  s.key = w->GetOrCreateToken(TokenKind::kPropertyKey, "key").value();
  for (const char* name : {"name", "age", "score", "active", "last_ingested_at"}) {
    s.props.push_back(w->GetOrCreateToken(TokenKind::kPropertyKey, name).value());
  }
  if (!w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "person_key",
                             s.person, {s.key})
           .ok() ||
      !w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "person_ingested",
                             s.person, {s.props[4]})
           .ok() ||
      !w->Commit().ok()) {
    std::abort();
  }
  while (s.nodes < size) s.UpsertBatch(0, std::min<int64_t>(10 * kBatch, size - s.nodes));
  return s;
}

bool SkipLarge(benchmark::State& state) {
  if (state.range(0) > MaxNodes()) {
    state.SkipWithError("size above SMITH_BENCH_MAX_NODES");
    return true;
  }
  return false;
}

void BM_KeyedNodeUpsert(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  for (auto _ : state) s.UpsertBatch(kBatch / 2, kBatch / 2);
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["store_nodes"] = static_cast<double>(s.nodes);
}

// MERGE (a)-[:KNOWS]->(b) between existing keyed nodes, half of the pairs already connected.
void BM_RelationshipUpsert(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  static std::map<int64_t, std::vector<std::pair<int64_t, int64_t>>> made;
  auto& pairs = made[state.range(0)];
  std::uniform_int_distribution<int64_t> pick(0, s.nodes - 1);
  TokenId since = s.props[1];
  for (auto _ : state) {
    auto w = s.graph->BeginWrite();
    const SchemaObject* unique = w->catalog().FindByName("person_key");
    for (int r = 0; r < kBatch; ++r) {
      std::pair<int64_t, int64_t> pair;
      if (r % 2 == 0 && !pairs.empty()) {
        pair = pairs[std::uniform_int_distribution<size_t>(0, pairs.size() - 1)(s.rng)];
      } else {
        pair = {pick(s.rng), pick(s.rng)};
        pairs.push_back(pair);
      }
      Value ka = Value::String(KeyOf(pair.first));
      Value kb = Value::String(KeyOf(pair.second));
      NodeId a = w->FindByKey(*unique, {&ka, 1}).value().value();
      NodeId b = w->FindByKey(*unique, {&kb, 1}).value().value();
      auto adj = w->Expand(a, Direction::kOutgoing, s.knows, b);
      keys::AdjEntry e;
      PropertyList props{{since, Value::Int(r)}};
      if (adj->Next(&e)) {
        adj.reset();
        if (!w->UpdateRel(e.rel, s.knows, RecordPatch{{}, {}, props, {}}).ok()) std::abort();
      } else {
        adj.reset();
        if (!w->CreateRel(s.knows, a, b, props).ok()) std::abort();
      }
    }
    if (!w->Commit().ok()) std::abort();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_LabelScan(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  int64_t seen = 0;
  for (auto _ : state) {
    auto r = s.graph->BeginRead();
    auto cursor = r->ScanLabel(s.person);
    uint64_t id;
    while (cursor->Next(&id)) ++seen;
  }
  state.SetItemsProcessed(seen);
}

// Point lookups by key through a reader: the unique index in RocksDB, then the node record.
void BM_PointLookupByKey(benchmark::State& state) {
  if (SkipLarge(state)) return;
  Store& s = GetStore(state.range(0));
  auto r = s.graph->BeginRead();
  const SchemaObject* unique = r->catalog().FindByName("person_key");
  std::uniform_int_distribution<int64_t> pick(0, s.nodes - 1);
  NodeRecord record;
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      Value k = Value::String(KeyOf(pick(s.rng)));
      auto id = r->SeekUnique(*unique, {&k, 1});
      if (!id.ok() || !id->has_value() || !r->GetNode(**id, &record).value()) std::abort();
    }
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

#define SMITH_SIZES Arg(10'000)->Arg(1'000'000)->Arg(3'000'000)
BENCHMARK(BM_KeyedNodeUpsert)
    ->SMITH_SIZES->Iterations(50)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RelationshipUpsert)
    ->SMITH_SIZES->Iterations(50)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LabelScan)->SMITH_SIZES->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PointLookupByKey)->SMITH_SIZES->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smith::graph

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  smith::graph::Stores().clear();
  return 0;
}
