// IdIndex: the map from an import's external node ids (text) to node ids, for one ID space.
//
// An open-addressing table of (hash, node id, key) slots; keys of up to kInlineKey bytes live in
// the slot, longer ones in one arena. A lookup usually touches one slot (one cache miss) instead
// of the bucket, node and string of a std::unordered_map; this map is the hottest structure of a
// CSV import (one insert per node, two lookups per relationship). Keys are never removed.
//
// Thread safety: none; one importer thread.
#ifndef SMITH_GRAPH_BULK_ID_INDEX_H_
#define SMITH_GRAPH_BULK_ID_INDEX_H_

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smith::graph::bulk {

class IdIndex {
 public:
  IdIndex() : slots_(kInitialSlots) {}

  // The node of `key`, if present. A miss remembers where `key` would go, so that an Insert of
  // the same key right after it (the importer checks for a duplicate, then adds the node) skips
  // the second probe: the table is far larger than the CPU caches and each probe is a miss.
  std::optional<uint64_t> Find(std::string_view key) const {
    const uint64_t h = Hash(key);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) {
        last_miss_.assign(key);
        last_miss_slot_ = i;
        return std::nullopt;
      }
      if (s.hash == h && KeyOf(s) == key) return s.node;
    }
  }

  // Inserts `key` -> `node`; false (and no change) when `key` is already present.
  bool Insert(std::string_view key, uint64_t node) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const uint64_t h = Hash(key);
    size_t i = h & (slots_.size() - 1);
    // The remembered slot is still right if nothing was inserted and the table did not grow since.
    if (last_miss_slot_ != kNoSlot && key == last_miss_) {
      i = last_miss_slot_;
    } else {
      for (;; i = (i + 1) & (slots_.size() - 1)) {
        const Slot& s = slots_[i];
        if (s.length == kEmpty) break;
        if (s.hash == h && KeyOf(s) == key) return false;
      }
    }
    last_miss_slot_ = kNoSlot;
    Slot& slot = slots_[i];
    slot.hash = h;
    slot.node = node;
    slot.length = static_cast<uint32_t>(key.size());
    if (key.size() <= kInlineKey) {
      std::memcpy(slot.key.bytes, key.data(), key.size());
    } else {
      slot.key.offset = arena_.size();
      arena_.append(key);
    }
    ++size_;
    return true;
  }

  size_t size() const { return size_; }

 private:
  static constexpr size_t kInitialSlots = 1024;  // a power of two
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInlineKey = 16;
  static constexpr size_t kNoSlot = SIZE_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint64_t node = 0;
    union {
      char bytes[kInlineKey];
      uint64_t offset;
    } key{};
    uint32_t length = kEmpty;
  };

  static uint64_t Hash(std::string_view key) {
    // std::hash mixes well; the final multiply spreads it over the low bits used for slots.
    return std::hash<std::string_view>()(key) * 0x9E3779B97F4A7C15ull;
  }
  std::string_view KeyOf(const Slot& s) const {
    if (s.length <= kInlineKey) return std::string_view(s.key.bytes, s.length);
    return std::string_view(arena_).substr(s.key.offset, s.length);
  }
  // Slot storage on transparent huge pages where the kernel offers them on request (madvise
  // mode): the table is probed at random, and with 4 KiB pages almost every probe of a large
  // table also misses the TLB.
  class SlotArray {
   public:
    explicit SlotArray(size_t n) : size_(n) {
      constexpr size_t kHugePage = size_t{1} << 21;
      const size_t bytes = n * sizeof(Slot);
      if (bytes >= kHugePage) {
        data_ = static_cast<Slot*>(
            std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage));
#ifdef MADV_HUGEPAGE
        if (data_ != nullptr) madvise(data_, bytes, MADV_HUGEPAGE);  // a hint; failure is fine
#endif
      } else {
        data_ = static_cast<Slot*>(std::malloc(bytes));
      }
      if (data_ == nullptr) throw std::bad_alloc();
      std::uninitialized_fill_n(data_, n, Slot{});
    }
    ~SlotArray() { std::free(data_); }
    SlotArray(SlotArray&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    SlotArray& operator=(SlotArray&& other) noexcept {
      swap(other);
      return *this;
    }
    void swap(SlotArray& other) noexcept {
      std::swap(data_, other.data_);
      std::swap(size_, other.size_);
    }
    size_t size() const { return size_; }
    Slot& operator[](size_t i) { return data_[i]; }
    const Slot& operator[](size_t i) const { return data_[i]; }

   private:
    Slot* data_;
    size_t size_;
  };

  void Grow() {
    last_miss_slot_ = kNoSlot;
    SlotArray old(slots_.size() * 2);
    old.swap(slots_);
    for (size_t j = 0; j < old.size(); ++j) {
      const Slot& s = old[j];
      if (s.length == kEmpty) continue;
      size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].length != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  SlotArray slots_;
  std::string arena_;
  size_t size_ = 0;
  // The last key Find missed and the empty slot where its probe ended (kNoSlot: none).
  mutable std::string last_miss_;
  mutable size_t last_miss_slot_ = kNoSlot;
};

}  // namespace smith::graph::bulk

#endif  // SMITH_GRAPH_BULK_ID_INDEX_H_
