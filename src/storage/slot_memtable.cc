#include "storage/slot_memtable.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "rocksdb/memtablerep.h"
#include "rocksdb/slice.h"
#include "rocksdb/slice_transform.h"
#include "storage/memtable_support.h"

namespace smith::storage::internal {
namespace {

using rocksdb::KeyHandle;
using rocksdb::MemTableRep;
using rocksdb::Slice;

// Slot 0 holds keys that are exactly the prefix; slot 1 + b keys whose next byte is b.
constexpr size_t kSlots = 257;
// One memtable entry. The encoded entry RocksDB writes (varint32 length, internal key, value)
// follows the header in the same allocation.
struct Entry {
  std::atomic<Entry*> next{nullptr};

  char* key() { return reinterpret_cast<char*>(this + 1); }
  const char* key() const { return reinterpret_cast<const char*>(this + 1); }
};

struct Group {
  // Points into the key of the group's first entry, which lives as long as the memtable.
  Slice prefix;
  std::atomic<Group*> next_in_bucket{nullptr};
  // The group created before this one; written before the group is published.
  Group* next_created = nullptr;
  std::atomic<Entry*> slots[kSlots] = {};
};

Slice UserKeyOfEntry(const char* entry) { return UserKeyOfInternal(InternalKeyOfEntry(entry)); }

size_t SlotOf(const Slice& user_key, size_t prefix_bytes) {
  return user_key.size() > prefix_bytes ? 1 + static_cast<uint8_t>(user_key[prefix_bytes]) : 0;
}

class SlotRep final : public MemTableRep {
 public:
  SlotRep(const KeyComparator& compare, rocksdb::Allocator* allocator,
          const rocksdb::SliceTransform* transform, size_t bucket_count)
      : MemTableRep(allocator),
        compare_(compare),
        transform_(transform),
        bucket_count_(std::max<size_t>(bucket_count, 1)),
        buckets_(new std::atomic<Group*>[bucket_count_]()) {}

  KeyHandle Allocate(const size_t len, char** buf) override {
    char* raw = nullptr;
    MemTableRep::Allocate(sizeof(Entry) + alignof(Entry) - 1 + len, &raw);
    Entry* entry = AlignedIn<Entry>(raw);
    *buf = entry->key();
    return entry;
  }

  void Insert(KeyHandle handle) override {
    Entry* entry = static_cast<Entry*>(handle);
    const Slice user_key = UserKeyOfEntry(entry->key());
    const Slice prefix = transform_->Transform(user_key);
    Group* group = FindOrAddGroup(prefix);
    std::atomic<Entry*>& slot = group->slots[SlotOf(user_key, prefix.size())];
    // Single writer: relaxed loads of what only this thread writes.
    Entry* head = slot.load(std::memory_order_relaxed);
    if (head == nullptr || compare_(entry->key(), head->key()) < 0) {
      // A new key in its slot, or (the common case) a newer version of the head's key.
      entry->next.store(head, std::memory_order_relaxed);
      slot.store(entry, std::memory_order_release);
      return;
    }
    Entry* prev = head;
    Entry* next = prev->next.load(std::memory_order_relaxed);
    while (next != nullptr && compare_(next->key(), entry->key()) < 0) {
      prev = next;
      next = next->next.load(std::memory_order_relaxed);
    }
    entry->next.store(next, std::memory_order_relaxed);
    prev->next.store(entry, std::memory_order_release);
  }

  bool Contains(const char* key) const override {
    const Slice user_key = UserKeyOfEntry(key);
    const Slice prefix = transform_->Transform(user_key);
    const Group* group = FindGroup(prefix);
    if (group == nullptr) return false;
    const Entry* e = group->slots[SlotOf(user_key, prefix.size())].load(std::memory_order_acquire);
    for (; e != nullptr; e = e->next.load(std::memory_order_acquire)) {
      const int c = compare_(e->key(), key);
      if (c >= 0) return c == 0;
    }
    return false;
  }

  // RocksDB's default Get makes a heap iterator per lookup and never frees it (7.8; every
  // MemTableRep of RocksDB's own overrides Get). Every version of one user key is in one slot, so
  // the lookup ends with the slot's list.
  void Get(const rocksdb::LookupKey& k, void* callback_args,
           bool (*callback_func)(void* arg, const char* entry)) override {
    const Slice internal_key = InternalKeyOfEntry(MemtableKeyOf(k));
    const Slice user_key = UserKeyOfInternal(internal_key);
    const Slice prefix = transform_->Transform(user_key);
    const Group* group = FindGroup(prefix);
    if (group == nullptr) return;
    const Entry* e = group->slots[SlotOf(user_key, prefix.size())].load(std::memory_order_acquire);
    for (; e != nullptr; e = e->next.load(std::memory_order_acquire)) {
      if (compare_(e->key(), internal_key) < 0) continue;
      if (!callback_func(callback_args, e->key())) return;
    }
  }

  size_t ApproximateMemoryUsage() override {
    // Entries and groups come from the memtable's allocator, which counts them itself.
    return bucket_count_ * sizeof(std::atomic<Group*>);
  }

  MemTableRep::Iterator* GetIterator(rocksdb::Arena* arena) override {
    return NewIterator(arena, /*total_order=*/true);
  }

  MemTableRep::Iterator* GetDynamicPrefixIterator(rocksdb::Arena* arena) override {
    return NewIterator(arena, /*total_order=*/false);
  }

  // The group of `prefix`, or null.
  const Group* FindGroup(const Slice& prefix) const {
    const Group* g = buckets_[BucketOf(prefix)].load(std::memory_order_acquire);
    for (; g != nullptr; g = g->next_in_bucket.load(std::memory_order_acquire)) {
      if (g->prefix == prefix) return g;
    }
    return nullptr;
  }

  // Every group published so far, ordered by prefix.
  std::vector<const Group*> SortedGroups() const {
    std::vector<const Group*> groups;
    groups.reserve(group_count_.load(std::memory_order_relaxed));
    for (const Group* g = newest_group_.load(std::memory_order_acquire); g != nullptr;
         g = g->next_created) {
      groups.push_back(g);
    }
    std::sort(groups.begin(), groups.end(),
              [](const Group* a, const Group* b) { return a->prefix.compare(b->prefix) < 0; });
    return groups;
  }

  const KeyComparator& compare() const { return compare_; }
  const rocksdb::SliceTransform& transform() const { return *transform_; }

 private:
  size_t BucketOf(const Slice& prefix) const {
    return std::hash<std::string_view>{}(std::string_view(prefix.data(), prefix.size())) %
           bucket_count_;
  }

  Group* FindOrAddGroup(const Slice& prefix) {
    std::atomic<Group*>& bucket = buckets_[BucketOf(prefix)];
    Group* first = bucket.load(std::memory_order_relaxed);
    for (Group* g = first; g != nullptr; g = g->next_in_bucket.load(std::memory_order_relaxed)) {
      if (g->prefix == prefix) return g;
    }
    char* raw = nullptr;
    MemTableRep::Allocate(sizeof(Group) + alignof(Group) - 1, &raw);
    Group* group = AlignedIn<Group>(raw);
    group->prefix = prefix;
    group->next_in_bucket.store(first, std::memory_order_relaxed);
    group->next_created = newest_group_.load(std::memory_order_relaxed);
    bucket.store(group, std::memory_order_release);
    newest_group_.store(group, std::memory_order_release);
    group_count_.fetch_add(1, std::memory_order_relaxed);
    return group;
  }

  MemTableRep::Iterator* NewIterator(rocksdb::Arena* arena, bool total_order);

  const KeyComparator& compare_;  // owned by the MemTable, which outlives this rep
  const rocksdb::SliceTransform* transform_;
  const size_t bucket_count_;
  const std::unique_ptr<std::atomic<Group*>[]> buckets_;
  std::atomic<Group*> newest_group_{nullptr};
  std::atomic<size_t> group_count_{0};
};

// An iterator over the groups it holds: in total order every group of the memtable when it was
// made, sorted by prefix; in prefix mode the one group of the last seek's target (RocksDB's
// prefix iterators only promise keys with the target's prefix), none before the first seek. Entries
// inserted later into a held group are seen, later groups are not: they can only hold entries newer
// than any snapshot the caller reads at.
class SlotIterator final : public MemTableRep::Iterator {
 public:
  SlotIterator(const SlotRep& rep, bool total_order) : rep_(rep), total_order_(total_order) {
    if (total_order_) {
      sorted_ = rep.SortedGroups();
      groups_ = sorted_.data();
      group_count_ = sorted_.size();
    }
  }
  SlotIterator(const SlotIterator&) = delete;
  SlotIterator& operator=(const SlotIterator&) = delete;

  bool Valid() const override { return entry_ != nullptr; }
  const char* key() const override { return entry_->key(); }

  void Next() override {
    if (const Entry* next = entry_->next.load(std::memory_order_acquire)) {
      entry_ = next;
      return;
    }
    ForwardFrom(group_index_, slot_ + 1);
  }

  void Prev() override {
    const Entry* e = groups_[group_index_]->slots[slot_].load(std::memory_order_acquire);
    if (e == entry_) {
      BackwardFrom(static_cast<ptrdiff_t>(group_index_), static_cast<ptrdiff_t>(slot_) - 1);
      return;
    }
    // Lists are singly linked: find the predecessor from the head (a list holds the versions of
    // one key, or a few keys sharing their first prefix + 1 bytes).
    for (const Entry* next; (next = e->next.load(std::memory_order_acquire)) != entry_; e = next) {
    }
    entry_ = e;
  }

  void Seek(const Slice& internal_key, const char* /*memtable_key*/) override {
    Target t = Locate(internal_key);
    if (t.exact) {
      for (const Entry* e = Head(t.index, t.slot); e != nullptr;
           e = e->next.load(std::memory_order_acquire)) {
        if (rep_.compare()(e->key(), internal_key) >= 0) {
          Position(t.index, t.slot, e);
          return;
        }
      }
      ForwardFrom(t.index, t.slot + 1);
      return;
    }
    ForwardFrom(t.index, 0);
  }

  void SeekForPrev(const Slice& internal_key, const char* /*memtable_key*/) override {
    Target t = Locate(internal_key);
    if (t.exact) {
      const Entry* last = nullptr;
      for (const Entry* e = Head(t.index, t.slot); e != nullptr;
           e = e->next.load(std::memory_order_acquire)) {
        if (rep_.compare()(e->key(), internal_key) > 0) break;
        last = e;
      }
      if (last != nullptr) {
        Position(t.index, t.slot, last);
        return;
      }
      BackwardFrom(static_cast<ptrdiff_t>(t.index), static_cast<ptrdiff_t>(t.slot) - 1);
      return;
    }
    BackwardFrom(static_cast<ptrdiff_t>(t.index) - 1, kSlots - 1);
  }

  // In prefix mode these stay within the group of the last seek (invalid before any seek), as
  // RocksDB's own hashed memtables do: RocksDB's SeekForPrev on a memtable seeks, then falls
  // back to SeekToLast when nothing in the group is at or after the target.
  void SeekToFirst() override { ForwardFrom(0, 0); }

  void SeekToLast() override { BackwardFrom(static_cast<ptrdiff_t>(group_count_) - 1, kSlots - 1); }

 private:
  // Where a seek target falls among the held groups: with `exact`, in group `index` at `slot`;
  // otherwise between groups, before group `index` (group_count_ when after all of them).
  struct Target {
    size_t index = 0;
    size_t slot = 0;
    bool exact = false;
  };

  Target Locate(const Slice& internal_key) {
    const Slice user_key = UserKeyOfInternal(internal_key);
    const rocksdb::SliceTransform& transform = rep_.transform();
    // A target shorter than the prefix (only total-order seeks can have one) sorts before every
    // key of the groups whose prefix it does not exceed.
    const bool in_domain = transform.InDomain(user_key);
    const Slice prefix = in_domain ? transform.Transform(user_key) : user_key;
    Target t;
    if (!total_order_) {
      one_ = in_domain ? rep_.FindGroup(prefix) : nullptr;
      groups_ = &one_;
      group_count_ = one_ != nullptr ? 1 : 0;
      t.exact = one_ != nullptr;
    } else {
      const Group* const* end = groups_ + group_count_;
      const Group* const* it =
          std::lower_bound(groups_, end, prefix,
                           [](const Group* g, const Slice& p) { return g->prefix.compare(p) < 0; });
      t.index = static_cast<size_t>(it - groups_);
      t.exact = in_domain && it != end && (*it)->prefix == prefix;
    }
    if (t.exact) t.slot = SlotOf(user_key, prefix.size());
    return t;
  }

  const Entry* Head(size_t index, size_t slot) const {
    return groups_[index]->slots[slot].load(std::memory_order_acquire);
  }

  void Position(size_t index, size_t slot, const Entry* entry) {
    group_index_ = index;
    slot_ = slot;
    entry_ = entry;
  }

  // Positions at the first entry at or after (group `index`, `slot`); invalid if none.
  void ForwardFrom(size_t index, size_t slot) {
    for (; index < group_count_; ++index, slot = 0) {
      for (; slot < kSlots; ++slot) {
        if (const Entry* e = Head(index, slot)) {
          Position(index, slot, e);
          return;
        }
      }
    }
    entry_ = nullptr;
  }

  // Positions at the last entry at or before (group `index`, `slot`); invalid if none.
  void BackwardFrom(ptrdiff_t index, ptrdiff_t slot) {
    for (; index >= 0; --index, slot = kSlots - 1) {
      for (; slot >= 0; --slot) {
        const Entry* e = Head(static_cast<size_t>(index), static_cast<size_t>(slot));
        if (e == nullptr) continue;
        for (const Entry* next; (next = e->next.load(std::memory_order_acquire)) != nullptr;) {
          e = next;
        }
        Position(static_cast<size_t>(index), static_cast<size_t>(slot), e);
        return;
      }
    }
    entry_ = nullptr;
  }

  const SlotRep& rep_;
  const bool total_order_;
  std::vector<const Group*> sorted_;  // total order: every group, by prefix
  const Group* one_ = nullptr;        // prefix mode: the last seek's group
  const Group* const* groups_ = nullptr;
  size_t group_count_ = 0;
  // The position, meaningful while entry_ is not null.
  size_t group_index_ = 0;
  size_t slot_ = 0;
  const Entry* entry_ = nullptr;
};

MemTableRep::Iterator* SlotRep::NewIterator(rocksdb::Arena* arena, bool total_order) {
  return NewInArena<SlotIterator>(arena, *this, total_order);
}

class SlotRepFactory final : public rocksdb::MemTableRepFactory {
 public:
  explicit SlotRepFactory(size_t bucket_count) : bucket_count_(bucket_count) {}

  using rocksdb::MemTableRepFactory::CreateMemTableRep;
  MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator& compare,
                                 rocksdb::Allocator* allocator,
                                 const rocksdb::SliceTransform* transform,
                                 rocksdb::Logger* logger) override {
    if (transform == nullptr) {
      return fallback_.CreateMemTableRep(compare, allocator, transform, logger);
    }
    return new SlotRep(compare, allocator, transform, bucket_count_);
  }

  const char* Name() const override { return "SmithSlotMemTableRepFactory"; }

 private:
  const size_t bucket_count_;
  rocksdb::SkipListFactory fallback_;
};

}  // namespace

rocksdb::MemTableRepFactory* NewSlotMemTableRepFactory(size_t bucket_count) {
  return new SlotRepFactory(bucket_count);
}

}  // namespace smith::storage::internal
