// In-memory state that only the single writer uses, so that keyed upserts need no disk reads:
//
// KeyIndexCache: for one uniqueness / node-key constraint, the complete map from encoded key
//   tuple to element id. Built lazily from the `unique` family the first time a writer needs it;
//   ~55 bytes per entry (a KeyTable slot at 3/4 load, plus the arena for tuples over 16 bytes).
// NodeLabelTable: for every node id, its label set (interned), as of the latest commit; 4 bytes per
//   node id. Lets the writer maintain indexes and check constraints of a matched node's other
//   labels, and count labels_added exactly, without reading the node record.
//
// The label table holds committed state only: a write transaction records its label changes in
// a WriterOverlay, applied after the storage commit succeeded. The key index caches are changed
// in place by the writer (a MERGE batch looks up and adds a key per row; a second map in front of
// the cache doubled the hash work), with a KeyCacheUndoLog that restores them when the
// transaction rolls back or its commit fails. Between transactions both hold committed state.
// Readers never use this state: they read their snapshot.
//
// Thread safety: not thread-safe; owned by Graph and touched only by the writer holding the
// writer slot (see Graph::BeginWrite).
#ifndef SMITH_GRAPH_WRITER_STATE_H_
#define SMITH_GRAPH_WRITER_STATE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/ids.h"
#include "graph/key_table.h"

namespace smith::graph {

using KeyIndexCache = KeyTable;

// The changes a write transaction made to the key index caches, to undo them. Tuples are kept in
// one arena: recording a change allocates nothing in the common case.
class KeyCacheUndoLog {
 public:
  // `before` is what the cache of `schema` held for `tuple` before the change.
  void Record(SchemaId schema, std::string_view tuple, std::optional<uint64_t> before);
  // Restores every recorded change, newest first, and empties the log. Caches no longer in
  // `caches` are skipped (nothing of them survives to be wrong).
  void Undo(std::unordered_map<SchemaId, KeyIndexCache>& caches);
  void clear() {
    entries_.clear();
    tuples_.clear();
  }

 private:
  struct Entry {
    SchemaId schema;
    bool had_value;
    uint64_t before;
    size_t offset;
    size_t length;
  };
  std::vector<Entry> entries_;
  std::string tuples_;
};

// Label sets are interned: id 0 means "no such node", id 1 the empty label set.
class NodeLabelTable {
 public:
  static constexpr uint32_t kAbsent = 0;

  NodeLabelTable();
  uint32_t SetOf(NodeId node) const { return node < sets_.size() ? sets_[node] : kAbsent; }
  void Assign(NodeId node, uint32_t set);
  // Interns a sorted, unique label list.
  uint32_t Intern(const std::vector<TokenId>& labels);
  const std::vector<TokenId>& Labels(uint32_t set) const { return interned_[set]; }

 private:
  std::vector<uint32_t> sets_;
  std::vector<std::vector<TokenId>> interned_;
  std::map<std::vector<TokenId>, uint32_t> ids_;
};

// A write transaction's pending changes to the writer state.
struct WriterOverlay {
  // Node -> label set id (kAbsent when deleted).
  std::unordered_map<NodeId, uint32_t> labels;
  // Adjacency keys written by this transaction (since its last chunk), in key order. Together
  // with the snapshot and the set of relationships deleted, they answer Expand without making
  // the storage transaction index all pending writes (see GraphWriter::NewAdjCursor).
  std::set<std::string> adjacency;

  void clear() {
    labels.clear();
    adjacency.clear();
  }
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_WRITER_STATE_H_
