// CheckConsistency: verifies that a database's families agree with each other (`smith check`).
//
// Every committed state of a correct smith database satisfies these invariants; the checker reads
// one snapshot and reports each one that does not hold:
//   - every node and relationship record decodes, and its id is below the allocation counter;
//   - records use only tokens of the dictionary, and schema objects name existing tokens;
//   - labels: a node has an entry (label, node) for each of its labels, and every label entry
//     names an existing node that has that label; likewise relationship types;
//   - adjacency in both directions: a relationship has its outgoing entry under the start node
//     and its incoming entry under the end node, both endpoints exist, and every adjacency entry
//     names an existing relationship with that type, direction and other node;
//   - uniqueness and node-key constraints hold: each element with the key properties owns its
//     entry in the `unique` family (two elements with equal keys cannot both), node-key
//     properties are present, and every `unique` entry names an existing element of the
//     constraint's label or type whose current key is exactly the entry's key;
//   - property indexes: each element with the indexed properties has its entry, and every entry
//     belongs to an existing index. Entries that no longer match their element are *stale*,
//     which lazy index maintenance allows (docs/adr/0006): they are counted, not reported.
//
// Cost: one pass over every family plus a point read per element and per entry; memory stays
// constant (no element ids are collected).
//
// Thread safety: may run while the database is used by other threads of the process (it reads a
// snapshot); a writer committing meanwhile is not seen.
#ifndef SMITH_GRAPH_CONSISTENCY_CHECK_H_
#define SMITH_GRAPH_CONSISTENCY_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace smith::graph {

class Graph;

struct ConsistencyCheckOptions {
  // At most this many problems are described in the report; all are counted. Default: 100.
  size_t max_reported_problems = 100;
};

struct ConsistencyReport {
  // What was read.
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t label_entries = 0;
  uint64_t type_entries = 0;
  uint64_t adjacency_entries = 0;
  uint64_t unique_entries = 0;
  uint64_t index_entries = 0;
  // Index entries that no longer describe their element (allowed, see the file comment).
  uint64_t stale_index_entries = 0;

  // Every violated invariant counts one problem; the first max_reported_problems are described
  // (one line each, naming the element, key or entry concerned).
  uint64_t problem_count = 0;
  std::vector<std::string> problems;

  bool ok() const { return problem_count == 0; }
};

// Checks the database `graph` is open on. Damaged or inconsistent data yields problems in the
// report; an error Status only when the check cannot proceed (an I/O error while reading).
Result<ConsistencyReport> CheckConsistency(Graph& graph,
                                           const ConsistencyCheckOptions& options = {});

}  // namespace smith::graph

#endif  // SMITH_GRAPH_CONSISTENCY_CHECK_H_
