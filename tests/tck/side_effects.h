// Side effects of a TCK query: `And the side effects should be:` and `And no side effects`.
//
// The TCK defines side effects as differences between the graph before and after the query, not
// as the engine's update counters:
//   +nodes / -nodes                  node ids present only after / only before
//   +relationships / -relationships  likewise for relationships
//   +labels / -labels                label NAMES in use only after / only before (so creating
//                                    two :Label nodes in an empty graph is +labels 1)
//   +properties / -properties        (entity, key, value) triples only after / only before (so
//                                    overwriting a value is +1 and -1, and deleting a node with
//                                    two properties is -2)
// SideEffectMode::kGraphDiff (the default) reproduces exactly this: the runner snapshots the
// graph with two control queries, `MATCH (n) RETURN n` and `MATCH ()-[r]->() RETURN r`, before
// and after the query under test.
//
// SideEffectMode::kCounters is a fallback for engines that cannot yet return nodes: it compares
// smith::QueryCounters instead, which approximate the TCK's numbers:
//   +nodes = nodes_created, -nodes = nodes_deleted, +relationships = relationships_created,
//   -relationships = relationships_deleted, +labels = labels_added, -labels = labels_removed,
//   +properties = properties_set; -properties is not compared, because Neo4j-style counters
//   count a removal (SET n.p = null, REMOVE n.p) in properties_set and have no removal counter.
//   Label counters count per node, not per name, so +labels differs when several nodes gain the
//   same label.
//
// Thread safety: pure functions, except TakeSnapshot which drives the engine.
#ifndef SMITH_TESTS_TCK_SIDE_EFFECTS_H_
#define SMITH_TESTS_TCK_SIDE_EFFECTS_H_

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "gherkin.h"
#include "tck_engine.h"

namespace smith::tck {

enum class SideEffectMode { kGraphDiff, kCounters };

struct SideEffects {
  int64_t nodes_added = 0;
  int64_t nodes_removed = 0;
  int64_t relationships_added = 0;
  int64_t relationships_removed = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t properties_added = 0;
  int64_t properties_removed = 0;

  friend bool operator==(const SideEffects&, const SideEffects&) = default;
};

// "+nodes 1, -properties 2", or "none".
std::string DescribeSideEffects(const SideEffects& effects);

// Parses `| +nodes | 1 |` rows; keys not listed are zero. InvalidArgument for an unknown key, a
// repeated key or a count that is not a non-negative integer.
Result<SideEffects> ParseSideEffects(const std::vector<TableRow>& table);

// The state of the graph as far as side effects are concerned.
struct GraphSnapshot {
  std::set<int64_t> nodes;
  std::set<int64_t> relationships;
  std::set<std::string> labels;
  // (kind 'n' or 'r', entity id, key, canonical value)
  std::set<std::tuple<char, int64_t, std::string, std::string>> properties;
};

// Runs the two control queries through `engine`. An error (or a value of the wrong type in their
// results) is returned with context.
Result<GraphSnapshot> TakeSnapshot(TckEngine& engine);

SideEffects DiffSnapshots(const GraphSnapshot& before, const GraphSnapshot& after);

SideEffects SideEffectsFromCounters(const QueryCounters& counters);

// Empty if `actual` matches `expected`, else "expected +nodes 1, got +nodes 2". In kCounters
// mode properties_removed is not compared (see the file comment).
std::string CompareSideEffects(const SideEffects& expected, const SideEffects& actual,
                               SideEffectMode mode);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_SIDE_EFFECTS_H_
