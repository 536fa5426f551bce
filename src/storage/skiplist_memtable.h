// Smith's skip-list memtable: a RocksDB memtable representation for the families that need keys in
// order (label and type lists, the unique and index families, meta) but are not keyed by ids that
// the slotted memtable (slot_memtable.h) could hash.
//
// RocksDB's own skip list is the same structure. It is replaced because of what each comparison
// costs there, not because of how many it makes: every comparison decodes both entries' lengths,
// calls the column family's comparator through a virtual call, and the Debian build of RocksDB
// (assertions on) checks every insert with further comparisons. An upsert batch inserts thousands
// of entries into memtables of tens to hundreds of thousands, ~30 comparisons each; callgrind
// counted ~4,300 instructions per insert there, a fifth of an upsert's work (docs/adr/0011). Here a
// node caches its user key's length, and a comparison is one memcmp and, on equal user keys, one
// integer comparison of the 8-byte tags.
//
// Structure: a skip list of height up to 12 with branching factor 4. Each node is one allocation
// from the memtable's arena: an 8-byte header, `height` links, then the encoded entry RocksDB
// writes (varint32 length, internal key, varint32 length, value).
//
// Insert hints (ColumnFamilyOptions::memtable_insert_with_hint_prefix_extractor) are honoured: a
// hint holds the predecessors and successors of the last insert with the same prefix, so inserts
// in ascending order within a prefix (ids allocated in sequence) start from there and compare a
// constant number of keys instead of searching from the top.
//
// Requirements, which the storage layer guarantees for the families it configures this way:
//   - the family's comparator is RocksDB's bytewise comparator (entries are ordered by memcmp of
//     their user keys, then by descending sequence number and type);
//   - one writer at a time (DBOptions::allow_concurrent_memtable_write is false);
//   - no WritePrepared transactions (inserts never report a duplicate key and sequence number).
//
// Thread safety: one writer (Allocate and the Insert calls) and any number of concurrent readers.
// Nodes are never removed while the memtable lives; a node is fully written before the writer
// publishes it with a release store, and readers load links with acquire.
#ifndef SMITH_STORAGE_SKIPLIST_MEMTABLE_H_
#define SMITH_STORAGE_SKIPLIST_MEMTABLE_H_

namespace rocksdb {
class MemTableRepFactory;
}  // namespace rocksdb

namespace smith::storage::internal {

// A new factory for skip-list memtables. The caller owns it.
rocksdb::MemTableRepFactory* NewSkipListMemTableRepFactory();

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_SKIPLIST_MEMTABLE_H_
