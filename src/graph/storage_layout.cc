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
  // Ids are allocated in ascending order: label and type entries of new elements land at the end
  // of their label or type, so memtable inserts can start from the previous insert's position.
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kLabel)] = keys::kTokenBytes;
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kRelType)] = keys::kTokenBytes;
  // Index entries of one batch usually share their value (nodestream's last_ingested_at is one
  // timestamp per batch), a value above all earlier ones: they land next to each other, after
  // everything else in the index.
  options.insert_hint_prefix_bytes[FamilyIndex(Family::kIndex)] = keys::kTokenBytes;
  // Upserts patch existing nodes and relationships at random ids and add adjacency entries under
  // random nodes; relationship MERGE seeks one node's adjacency per row. Hashed memtables turn
  // each such insert and seek into a bucket lookup instead of a descent through a skip list of
  // hundreds of thousands of entries (docs/adr/0009). Node and relationship records are hashed in
  // groups of 256 consecutive ids, within a group in slots by the id's last byte
  // (storage/slot_memtable.h, docs/adr/0010): a new version is linked in front of the old ones in
  // constant time, and an ordered scan (label scans through NodeWalker, ScanAllRels, flushes)
  // sorts the groups, not the entries. A scan of adj in key order across node ids (the
  // consistency check, every flush) pays for a sorted copy of its memtable instead.
  for (Family f : {Family::kNode, Family::kRel}) {
    options.memtable_hash_prefix_bytes[FamilyIndex(f)] = keys::kNodeGroupBytes;
    options.memtable_slotted[FamilyIndex(f)] = true;
  }
  options.memtable_hash_prefix_bytes[FamilyIndex(Family::kAdj)] = keys::kIdBytes;
  // The ordered families keep a skip list, smith's own: RocksDB's costs ~4,300 instructions per
  // insert in an upsert batch, mostly in how it compares keys (storage/skiplist_memtable.h).
  for (Family f :
       {Family::kMeta, Family::kLabel, Family::kRelType, Family::kUnique, Family::kIndex}) {
    options.memtable_smith_skiplist[FamilyIndex(f)] = true;
  }
  return options;
}

}  // namespace smith::graph
