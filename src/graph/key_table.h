// KeyTable: a map from byte-string keys to 64-bit ids, built for tables far larger than the CPU
// caches that are probed at random. Two users:
//   - the writer's key index cache (writer_state.h): encoded key tuple of a uniqueness / node-key
//     constraint -> element id, one lookup per MERGE row and one insert per new element;
//   - a CSV import's external-id spaces (bulk_import.h): one insert per node, two lookups per
//     relationship.
//
// Open addressing with linear probing over (hash, id, key) slots; keys of up to kInlineKey bytes
// live in the slot, longer ones in one arena. A lookup usually touches one slot (one cache miss)
// instead of the bucket, node and string of a std::unordered_map, and an insert allocates nothing
// unless the table grows. Erase shifts the following slots back (no tombstones, so probe lengths
// do not degrade under churn); arena bytes of erased long keys are reclaimed by a rebuild once
// they are the larger part of the arena.
//
// Thread safety: none. Find is const but records the last miss (see Find); concurrent Finds on
// one table are therefore not allowed either.
#ifndef SMITH_GRAPH_KEY_TABLE_H_
#define SMITH_GRAPH_KEY_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace smith::graph {

class KeyTable {
 public:
  KeyTable();
  ~KeyTable();
  KeyTable(KeyTable&& other) noexcept;
  KeyTable& operator=(KeyTable&& other) noexcept;
  KeyTable(const KeyTable&) = delete;
  KeyTable& operator=(const KeyTable&) = delete;

  // The id of `key`, if present. A miss remembers where `key` would go, so that an insert of the
  // same key right after it (check, then add: both users do this) skips the second probe; each
  // probe of a large table is a cache and TLB miss.
  std::optional<uint64_t> Find(std::string_view key) const {
    if (capacity_ == 0) return std::nullopt;  // moved from
    const uint64_t h = Hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) {
        last_miss_.assign(key);
        last_miss_slot_ = i;
        return std::nullopt;
      }
      if (s.hash == h && KeyOf(s) == key) return s.id;
    }
  }

  // Inserts `key` -> `id`; false (and no change) when `key` is already present.
  bool Insert(std::string_view key, uint64_t id) {
    size_t i = 0;
    uint64_t h = 0;
    if (Locate(key, &i, &h)) return false;
    Fill(i, h, key, id);
    return true;
  }

  // Inserts or replaces; returns the id `key` had before, if any.
  std::optional<uint64_t> Assign(std::string_view key, uint64_t id) {
    size_t i = 0;
    uint64_t h = 0;
    if (Locate(key, &i, &h)) return std::exchange(slots_[i].id, id);
    Fill(i, h, key, id);
    return std::nullopt;
  }

  // Removes `key`; returns the id it had, if it was present.
  std::optional<uint64_t> Erase(std::string_view key);

  size_t size() const { return size_; }

 private:
  static constexpr size_t kInitialSlots = 1024;  // a power of two
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInlineKey = 16;
  static constexpr size_t kNoSlot = SIZE_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint64_t id = 0;
    union {
      char bytes[kInlineKey];
      uint64_t offset;
    } key{};
    uint32_t length = kEmpty;
  };

  static uint64_t Hash(std::string_view key) {
    // The low bits pick the slot: libstdc++'s std::hash for strings (a Murmur-style hash) mixes
    // every input byte into them.
    return std::hash<std::string_view>()(key);
  }
  std::string_view KeyOf(const Slot& s) const {
    if (s.length <= kInlineKey) return std::string_view(s.key.bytes, s.length);
    return std::string_view(arena_).substr(s.key.offset, s.length);
  }
  // Grows if one more key would pass the load limit, then finds `key`: true with its slot, or
  // false with the empty slot where it belongs. `*hash` is the key's hash.
  bool Locate(std::string_view key, size_t* slot, uint64_t* hash) {
    if ((size_ + 1) * 4 > capacity_ * 3) Rebuild(capacity_ == 0 ? kInitialSlots : capacity_ * 2);
    const uint64_t h = *hash = Hash(key);
    // The remembered slot is still right if the table has not changed since the miss.
    if (last_miss_slot_ != kNoSlot && key == last_miss_) {
      *slot = last_miss_slot_;
      return false;
    }
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty || (s.hash == h && KeyOf(s) == key)) {
        *slot = i;
        return s.length != kEmpty;
      }
    }
  }
  void Fill(size_t i, uint64_t hash, std::string_view key, uint64_t id) {
    last_miss_slot_ = kNoSlot;
    Slot& slot = slots_[i];
    slot.hash = hash;
    slot.id = id;
    slot.length = static_cast<uint32_t>(key.size());
    if (key.size() <= kInlineKey) {
      std::memcpy(slot.key.bytes, key.data(), key.size());
    } else {
      slot.key.offset = arena_.size();
      arena_.append(key);
    }
    ++size_;
  }
  // Re-inserts every key into a table of `capacity` slots (a power of two) with a compact arena.
  void Rebuild(size_t capacity);

  // Slot storage: capacity_ slots, on transparent huge pages when large (see key_table.cc).
  Slot* slots_ = nullptr;
  size_t capacity_ = 0;
  size_t mask_ = 0;
  size_t size_ = 0;
  std::string arena_;
  size_t dead_arena_bytes_ = 0;  // bytes of erased keys still in arena_
  // The last key Find missed and the empty slot where its probe ended (kNoSlot: none, or the
  // table changed since).
  mutable std::string last_miss_;
  mutable size_t last_miss_slot_ = kNoSlot;
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_KEY_TABLE_H_
