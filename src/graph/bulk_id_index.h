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

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smith::graph::bulk {

class IdIndex {
 public:
  IdIndex() : slots_(kInitialSlots) {}

  // The node of `key`, if present.
  std::optional<uint64_t> Find(std::string_view key) const {
    const uint64_t h = Hash(key);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return std::nullopt;
      if (s.hash == h && KeyOf(s) == key) return s.node;
    }
  }

  // Inserts `key` -> `node`; false (and no change) when `key` is already present.
  bool Insert(std::string_view key, uint64_t node) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    const uint64_t h = Hash(key);
    size_t i = h & (slots_.size() - 1);
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) break;
      if (s.hash == h && KeyOf(s) == key) return false;
    }
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
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.length == kEmpty) continue;
      size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].length != kEmpty) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace smith::graph::bulk

#endif  // SMITH_GRAPH_BULK_ID_INDEX_H_
