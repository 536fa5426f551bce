#include "side_effects.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <utility>

#include "tck_value.h"

namespace smith::tck {
namespace {

struct Field {
  const char* name;
  int64_t SideEffects::*member;
};

constexpr Field kFields[] = {
    {"+nodes", &SideEffects::nodes_added},
    {"-nodes", &SideEffects::nodes_removed},
    {"+relationships", &SideEffects::relationships_added},
    {"-relationships", &SideEffects::relationships_removed},
    {"+labels", &SideEffects::labels_added},
    {"-labels", &SideEffects::labels_removed},
    {"+properties", &SideEffects::properties_added},
    {"-properties", &SideEffects::properties_removed},
};

template <typename T>
int64_t CountOnlyIn(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> diff;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(diff));
  return static_cast<int64_t>(diff.size());
}

void AddProperties(char kind, int64_t id, const ValueMap& properties, GraphSnapshot* snapshot) {
  for (const auto& [key, value] : properties) {
    snapshot->properties.emplace(kind, id, key, CanonicalValue(value));
  }
}

Result<TckResult> RunControl(TckEngine& engine, std::string_view query) {
  Result<TckResult> result = engine.Execute(query, ValueMap());
  if (!result.ok()) {
    return result.status().WithContext("side-effect snapshot `" + std::string(query) + "`");
  }
  if (result->columns.size() != 1) {
    return Status::Internal("side-effect snapshot `" + std::string(query) +
                            "` did not return one column");
  }
  return result;
}

}  // namespace

std::string DescribeSideEffects(const SideEffects& effects) {
  std::string out;
  for (const Field& field : kFields) {
    int64_t n = effects.*field.member;
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += field.name;
    out += ' ';
    out += std::to_string(n);
  }
  return out.empty() ? "none" : out;
}

Result<SideEffects> ParseSideEffects(const std::vector<TableRow>& table) {
  SideEffects effects;
  std::set<std::string> seen;
  for (const TableRow& row : table) {
    std::string where = "line " + std::to_string(row.line) + ": ";
    if (row.cells.size() != 2) {
      return Status::InvalidArgument(where + "a side effect row has two cells, | +nodes | 1 |");
    }
    const Field* field = nullptr;
    for (const Field& f : kFields) {
      if (row.cells[0] == f.name) field = &f;
    }
    if (field == nullptr)
      return Status::InvalidArgument(where + "unknown side effect " + row.cells[0]);
    if (!seen.insert(row.cells[0]).second) {
      return Status::InvalidArgument(where + "repeated side effect " + row.cells[0]);
    }
    const std::string& count = row.cells[1];
    int64_t n = -1;
    auto [ptr, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (ec != std::errc() || ptr != count.data() + count.size() || n < 0) {
      return Status::InvalidArgument(where + "bad side effect count '" + count + "'");
    }
    effects.*field->member = n;
  }
  return effects;
}

Result<GraphSnapshot> TakeSnapshot(TckEngine& engine) {
  GraphSnapshot snapshot;
  SMITH_ASSIGN_OR_RETURN(TckResult nodes, RunControl(engine, "MATCH (n) RETURN n"));
  for (const std::vector<Value>& row : nodes.rows) {
    if (row.size() != 1 || row[0].type() != ValueType::kNode) {
      return Status::Internal("side-effect snapshot: MATCH (n) RETURN n returned a non-node");
    }
    const Node& node = row[0].AsNode();
    snapshot.nodes.insert(node.id);
    snapshot.labels.insert(node.labels.begin(), node.labels.end());
    AddProperties('n', node.id, node.properties, &snapshot);
  }
  SMITH_ASSIGN_OR_RETURN(TckResult rels, RunControl(engine, "MATCH ()-[r]->() RETURN r"));
  for (const std::vector<Value>& row : rels.rows) {
    if (row.size() != 1 || row[0].type() != ValueType::kRelationship) {
      return Status::Internal(
          "side-effect snapshot: MATCH ()-[r]->() RETURN r returned a non-relationship");
    }
    const Relationship& rel = row[0].AsRelationship();
    snapshot.relationships.insert(rel.id);
    AddProperties('r', rel.id, rel.properties, &snapshot);
  }
  return snapshot;
}

SideEffects DiffSnapshots(const GraphSnapshot& before, const GraphSnapshot& after) {
  SideEffects d;
  d.nodes_added = CountOnlyIn(after.nodes, before.nodes);
  d.nodes_removed = CountOnlyIn(before.nodes, after.nodes);
  d.relationships_added = CountOnlyIn(after.relationships, before.relationships);
  d.relationships_removed = CountOnlyIn(before.relationships, after.relationships);
  d.labels_added = CountOnlyIn(after.labels, before.labels);
  d.labels_removed = CountOnlyIn(before.labels, after.labels);
  d.properties_added = CountOnlyIn(after.properties, before.properties);
  d.properties_removed = CountOnlyIn(before.properties, after.properties);
  return d;
}

SideEffects SideEffectsFromCounters(const QueryCounters& counters) {
  SideEffects d;
  d.nodes_added = counters.nodes_created;
  d.nodes_removed = counters.nodes_deleted;
  d.relationships_added = counters.relationships_created;
  d.relationships_removed = counters.relationships_deleted;
  d.labels_added = counters.labels_added;
  d.labels_removed = counters.labels_removed;
  d.properties_added = counters.properties_set;
  return d;
}

std::string CompareSideEffects(const SideEffects& expected, const SideEffects& actual,
                               SideEffectMode mode) {
  SideEffects want = expected;
  if (mode == SideEffectMode::kCounters) want.properties_removed = actual.properties_removed;
  if (want == actual) return "";
  return "side effects: expected " + DescribeSideEffects(want) + ", got " +
         DescribeSideEffects(actual);
}

}  // namespace smith::tck
