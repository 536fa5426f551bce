// The slotted memtable: a RocksDB memtable representation for families keyed by ids, where keys
// are a fixed-length prefix (the id's leading bytes) and one more byte (its lowest byte).
//
// Layout: a hash table of groups, one per distinct prefix (as the family's prefix extractor
// returns it). A group holds 257 slots: slot 0 for keys that are exactly the prefix, slot 1 + b
// for keys whose next byte is b. A slot is a singly linked list of entries in the memtable's
// order (user key ascending, then newest version first). For ids that means one slot per id and
// one list entry per version, so an insert is a hash lookup, a slot and, in the common case of a
// newer version or a new id, one comparison: O(1), where a skip list searches O(log n) entries,
// each a likely cache miss (see docs/adr/0010-slotted-memtable.md for the measurements).
//
// Order: groups ordered by prefix, slots by index, lists in order give exactly the bytewise
// order of the keys, so an iterator over all groups needs no sorted copy of the entries (RocksDB's
// hash skip list makes one): it sorts the group pointers once, O(g log g) for g groups.
//
// Requirements, which the storage layer guarantees for the families it configures this way:
//   - the family's comparator is RocksDB's bytewise comparator;
//   - its prefix extractor returns a fixed-length prefix of every key, and every key written or
//     looked up is at least that long (EngineState rejects shorter ones);
//   - one writer at a time (DBOptions::allow_concurrent_memtable_write is false);
//   - no tailing iterators (a total-order iterator sees the groups that existed when it was
//     made, enough for snapshot reads) and no WritePrepared transactions (inserts never report
//     a duplicate key and sequence number).
// Without a prefix extractor the factory falls back to RocksDB's skip list.
//
// Thread safety: as for every MemTableRep, one writer and any number of concurrent readers.
// Entries, groups and slots are never removed while the memtable lives; the writer publishes
// each new pointer with a release store and readers load with acquire, so a reader sees every
// entry it reaches fully written.
#ifndef SMITH_STORAGE_SLOT_MEMTABLE_H_
#define SMITH_STORAGE_SLOT_MEMTABLE_H_

#include <cstddef>

namespace rocksdb {
class MemTableRepFactory;
}  // namespace rocksdb

namespace smith::storage::internal {

// A new factory for slotted memtables with `bucket_count` hash buckets for the groups (the
// bucket array, 8 bytes per bucket, is allocated with each memtable). The caller owns it.
rocksdb::MemTableRepFactory* NewSlotMemTableRepFactory(size_t bucket_count);

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_SLOT_MEMTABLE_H_
