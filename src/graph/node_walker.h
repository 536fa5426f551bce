// NodeWalker: the node family's records in ascending id order, one hash group at a time.
//
// The node family's memtable is hashed on groups of 256 consecutive ids (keys::kNodeGroupBytes,
// docs/adr/0009). Within a group RocksDB iterates in key order from the group's bucket; across
// groups it could only by first sorting a copy of the whole memtable. So the walker keeps one
// storage iterator bound to a single group and rebinds it to the next group when it runs out,
// up to `bound` (every node id of the view is below it: the node id counter of the view). Empty
// groups cost one bucket lookup and one prefix-filter probe per file each.
//
// Borrows `view`: destroy the walker first. Thread safety: one thread at a time.
#ifndef SMITH_GRAPH_NODE_WALKER_H_
#define SMITH_GRAPH_NODE_WALKER_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "common/result.h"
#include "graph/ids.h"

namespace smith::storage {
class Iterator;
class ReadView;
}  // namespace smith::storage

namespace smith::graph {

class NodeWalker {
 public:
  // A walker over the nodes of `view` with ids below `bound`; an error `bound` makes every
  // positioning fail with that status.
  NodeWalker(storage::ReadView& view, Result<NodeId> bound);
  ~NodeWalker();
  NodeWalker(const NodeWalker&) = delete;
  NodeWalker& operator=(const NodeWalker&) = delete;

  // Positions at the first node whose id is >= `id`; not Valid() when there is none (or on error).
  void Seek(NodeId id);
  void SeekToFirst() { Seek(0); }
  void Next();  // requires Valid()

  bool Valid() const { return valid_; }
  NodeId id() const { return id_; }  // requires Valid()
  std::string_view value() const;    // the record; requires Valid()
  Status status() const;

 private:
  // Binds the iterator to `group` and seeks `target` (a key inside the group); then moves on to
  // later groups until a key is found or the bound is reached.
  void SettleFrom(uint64_t group, std::string_view target);
  void BindGroup(uint64_t group);
  // Takes the iterator's position: true when it is on a key (valid_ then says whether the key is
  // below the bound), false at the end of the group or on error.
  bool Land();

  storage::ReadView& view_;
  NodeId bound_ = 0;
  Status error_;
  std::unique_ptr<storage::Iterator> iter_;
  uint64_t group_ = 0;  // the group iter_ is bound to (when iter_ is set)
  bool valid_ = false;
  NodeId id_ = 0;
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_NODE_WALKER_H_
