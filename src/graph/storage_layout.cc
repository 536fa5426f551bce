#include "graph/storage_layout.h"

#include "graph/keys.h"
#include "graph/record_merge.h"

namespace smith::graph {

using storage::Family;
using storage::FamilyIndex;

storage::StorageOptions GraphStorageOptions() {
  storage::StorageOptions options;
  options.merge_functions[FamilyIndex(Family::kNode)] = NewNodeMergeFunction();
  options.merge_functions[FamilyIndex(Family::kRel)] = NewRelMergeFunction();
  // Ids are allocated in ascending order: node records and label and type entries of new
  // elements land at the end of their family (within the label or type), so memtable inserts can
  // start from the previous insert's position.
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kNode)] = 0;
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kLabel)] = keys::kTokenBytes;
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kRelType)] = keys::kTokenBytes;
  // Relationship upserts add adjacency entries under random nodes, check adjacency per row (a
  // seek within one node's prefix) and patch existing relationships at random ids. Hashing these
  // memtables by id turns each such insert and seek into a bucket lookup instead of a descent
  // through a skip list of hundreds of thousands of entries (docs/performance.md). Their scans in
  // key order (a MATCH over all relationships without a type, consistency checks) pay for a
  // sorted copy of the memtable instead, which is why the node family, read in id order by every
  // label scan (NodeRecordReader), keeps its skip list.
  options.memtable_hash_prefix_bytes[FamilyIndex(Family::kRel)] = keys::kIdBytes;
  options.memtable_hash_prefix_bytes[FamilyIndex(Family::kAdj)] = keys::kIdBytes;
  return options;
}

}  // namespace smith::graph
