#include "graph/key_table.h"

#include <sys/mman.h>

#include <cstdlib>
#include <memory>
#include <new>

namespace smith::graph {
namespace {

constexpr size_t kHugePage = size_t{1} << 21;

// Slot arrays of 2 MiB and more are aligned to huge pages and marked for transparent huge pages
// (honoured in the kernel's "madvise" mode): the table is probed at random, and with 4 KiB pages
// almost every probe of a large table would also miss the TLB.
template <typename Slot>
Slot* AllocateSlots(size_t n) {
  const size_t bytes = n * sizeof(Slot);
  Slot* slots = nullptr;
  if (bytes >= kHugePage) {
    slots = static_cast<Slot*>(
        std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage));
#ifdef MADV_HUGEPAGE
    if (slots != nullptr) madvise(slots, bytes, MADV_HUGEPAGE);  // a hint; failure is fine
#endif
  } else {
    slots = static_cast<Slot*>(std::malloc(bytes));
  }
  if (slots == nullptr) throw std::bad_alloc();
  std::uninitialized_fill_n(slots, n, Slot{});
  return slots;
}

}  // namespace

KeyTable::KeyTable()
    : slots_(AllocateSlots<Slot>(kInitialSlots)),
      capacity_(kInitialSlots),
      mask_(kInitialSlots - 1) {}

KeyTable::~KeyTable() { std::free(slots_); }

KeyTable::KeyTable(KeyTable&& other) noexcept
    : slots_(std::exchange(other.slots_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      mask_(std::exchange(other.mask_, 0)),
      size_(std::exchange(other.size_, 0)),
      arena_(std::move(other.arena_)),
      dead_arena_bytes_(std::exchange(other.dead_arena_bytes_, 0)),
      last_miss_(std::move(other.last_miss_)),
      last_miss_slot_(std::exchange(other.last_miss_slot_, kNoSlot)) {}

KeyTable& KeyTable::operator=(KeyTable&& other) noexcept {
  if (this != &other) {
    std::free(slots_);
    slots_ = std::exchange(other.slots_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    mask_ = std::exchange(other.mask_, 0);
    size_ = std::exchange(other.size_, 0);
    arena_ = std::move(other.arena_);
    dead_arena_bytes_ = std::exchange(other.dead_arena_bytes_, 0);
    last_miss_ = std::move(other.last_miss_);
    last_miss_slot_ = std::exchange(other.last_miss_slot_, kNoSlot);
  }
  return *this;
}

std::optional<uint64_t> KeyTable::Erase(std::string_view key) {
  if (capacity_ == 0) return std::nullopt;  // moved from
  const uint64_t h = Hash(key);
  size_t hole = h & mask_;
  for (;; hole = (hole + 1) & mask_) {
    const Slot& s = slots_[hole];
    if (s.length == kEmpty) return std::nullopt;
    if (s.hash == h && KeyOf(s) == key) break;
  }
  last_miss_slot_ = kNoSlot;
  const uint64_t id = slots_[hole].id;
  if (slots_[hole].length > kInlineKey) dead_arena_bytes_ += slots_[hole].length;
  --size_;
  // Backward shift: move later slots of the probe run into the hole when their home slot does
  // not lie cyclically in (hole, j], so that every key stays reachable from its home without
  // tombstones.
  for (size_t j = (hole + 1) & mask_; slots_[j].length != kEmpty; j = (j + 1) & mask_) {
    const size_t home = slots_[j].hash & mask_;
    const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
    if (stays) continue;
    slots_[hole] = slots_[j];
    hole = j;
  }
  slots_[hole] = Slot{};
  if (dead_arena_bytes_ > (size_t{1} << 20) && dead_arena_bytes_ * 2 > arena_.size()) {
    Rebuild(capacity_);
  }
  return id;
}

void KeyTable::Rebuild(size_t capacity) {
  // Everything that can throw (the two allocations) happens before the table changes.
  Slot* slots = AllocateSlots<Slot>(capacity);
  std::string arena;
  try {
    arena.reserve(arena_.size() - dead_arena_bytes_);
  } catch (...) {
    std::free(slots);
    throw;
  }
  const size_t mask = capacity - 1;
  for (size_t j = 0; j < capacity_; ++j) {
    Slot s = slots_[j];
    if (s.length == kEmpty) continue;
    if (s.length > kInlineKey) {
      const uint64_t offset = arena.size();
      arena.append(arena_, s.key.offset, s.length);
      s.key.offset = offset;
    }
    size_t i = s.hash & mask;
    while (slots[i].length != kEmpty) i = (i + 1) & mask;
    slots[i] = s;
  }
  std::free(std::exchange(slots_, slots));
  capacity_ = capacity;
  mask_ = mask;
  arena_ = std::move(arena);
  dead_arena_bytes_ = 0;
  last_miss_slot_ = kNoSlot;
}

}  // namespace smith::graph
