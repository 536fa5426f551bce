// Pieces shared by smith's own RocksDB memtable representations (slot_memtable.h,
// skiplist_memtable.h): the encoded entry layout RocksDB hands a MemTableRep, arena placement of
// iterators and aligned construction inside MemTableRep::Allocate's unaligned memory.
#ifndef SMITH_STORAGE_MEMTABLE_SUPPORT_H_
#define SMITH_STORAGE_MEMTABLE_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <new>

#include "rocksdb/memtablerep.h"
#include "rocksdb/slice.h"

// MemTableRep::GetIterator(Arena*) must construct the iterator inside the caller's arena when one
// is given: RocksDB then runs only the iterator's destructor, never `delete`. RocksDB does not
// install memory/arena.h, so the one exported member we call is declared here (a non-virtual call
// of Arena's own override; the class is otherwise opaque to us). A RocksDB whose Arena lacks this
// member fails to link; it has had this signature since 2014 (ADR 0010).
namespace rocksdb {
class Logger;
class Arena {
 public:
  char* AllocateAligned(size_t bytes, size_t huge_page_size, Logger* logger);
};
}  // namespace rocksdb

namespace smith::storage::internal {

// An internal key is the user key followed by 8 bytes of sequence number and value type.
inline constexpr size_t kTagBytes = 8;

inline rocksdb::Slice UserKeyOfInternal(const rocksdb::Slice& internal_key) {
  return rocksdb::Slice(internal_key.data(), internal_key.size() - kTagBytes);
}

// The internal key of a memtable entry (varint32 length, internal key, varint32 length, value).
inline rocksdb::Slice InternalKeyOfEntry(const char* entry) {
  return rocksdb::GetLengthPrefixedSlice(entry);
}

// The memtable key (varint32 length, then the internal key) a LookupKey holds. LookupKey's
// definition (db/dbformat.h) is not installed; its first member points at the memtable key, the
// layout RocksDB has kept from LevelDB (ADR 0010).
inline const char* MemtableKeyOf(const rocksdb::LookupKey& k) {
  return *reinterpret_cast<const char* const*>(&k);
}

// Constructs a T at the first suitably aligned address of `raw`, unaligned memory of at least
// sizeof(T) + alignof(T) - 1 bytes (MemTableRep::Allocate hands out unaligned memory).
template <typename T>
T* AlignedIn(char* raw) {
  auto address = reinterpret_cast<uintptr_t>(raw);
  address = (address + alignof(T) - 1) & ~(uintptr_t{alignof(T)} - 1);
  return new (reinterpret_cast<void*>(address)) T();
}

// A new T(args...) in `arena` when there is one (RocksDB then runs only its destructor), on the
// heap otherwise.
template <typename T, typename... Args>
T* NewInArena(rocksdb::Arena* arena, Args&&... args) {
  if (arena == nullptr) return new T(static_cast<Args&&>(args)...);
  void* memory = arena->AllocateAligned(sizeof(T), 0, nullptr);
  return new (memory) T(static_cast<Args&&>(args)...);
}

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_MEMTABLE_SUPPORT_H_
