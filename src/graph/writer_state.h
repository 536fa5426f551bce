// In-memory state that only the single writer uses, so that keyed upserts need no disk reads:
//
// KeyIndexCache: for one uniqueness / node-key constraint, the complete map from encoded key
//   tuple to element id as of the latest commit. Built lazily from the `unique` family the first
//   time a writer needs it; ~40-60 bytes per entry.
// NodeLabelTable: for every node id, its label set (interned), as of the latest commit; 4 bytes per
//   node id. Lets the writer maintain indexes and check constraints of a matched node's other
//   labels, and count labels_added exactly, without reading the node record.
//
// Both hold committed state only. A write transaction records its changes in a WriterOverlay and
// the Graph applies the overlay after the storage commit succeeded; a rollback simply drops it.
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

namespace smith::graph {

class KeyIndexCache {
 public:
  std::optional<uint64_t> Find(std::string_view key) const;
  void Insert(std::string key, uint64_t id) { map_.insert_or_assign(std::move(key), id); }
  void Erase(const std::string& key) { map_.erase(key); }
  void Reserve(size_t n) { map_.reserve(n); }
  size_t size() const { return map_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> map_;
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
  // Per constraint: encoded key tuple -> element id, or nullopt when the entry was removed.
  std::unordered_map<SchemaId, std::unordered_map<std::string, std::optional<uint64_t>>> keys;
  // Node -> label set id (kAbsent when deleted).
  std::unordered_map<NodeId, uint32_t> labels;
  // Adjacency keys written by this transaction (since its last chunk), in key order. Together
  // with the snapshot and the set of relationships deleted, they answer Expand without making
  // the storage transaction index all pending writes (see GraphWriter::NewAdjCursor).
  std::set<std::string> adjacency;

  void clear() {
    keys.clear();
    labels.clear();
    adjacency.clear();
  }
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_WRITER_STATE_H_
