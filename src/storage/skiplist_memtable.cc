#include "storage/skiplist_memtable.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>

#include "rocksdb/memtablerep.h"
#include "rocksdb/slice.h"
#include "storage/memtable_support.h"

namespace smith::storage::internal {
namespace {

using rocksdb::KeyHandle;
using rocksdb::MemTableRep;
using rocksdb::Slice;

constexpr int kMaxHeight = 12;
// One node in kBranching reaches the next level up.
constexpr uint64_t kBranchingMask = 3;

// A key to search for: a user key and the tag (sequence number << 8 | value type) that follows
// it in an internal key.
struct SearchKey {
  const char* data;
  size_t size;
  uint64_t tag;
};

// Internal keys store the tag as a little-endian fixed64 (RocksDB's PutFixed64).
static_assert(std::endian::native == std::endian::little, "LoadTag reads the tag in native order");

uint64_t LoadTag(const char* p) {
  uint64_t tag = 0;
  std::memcpy(&tag, p, sizeof(tag));
  return tag;
}

SearchKey SearchKeyOfInternal(const Slice& internal_key) {
  const size_t size = internal_key.size() - kTagBytes;
  return {internal_key.data(), size, LoadTag(internal_key.data() + size)};
}

// A node: this header, `height` links (level 0 first), then the encoded entry. The header's
// fields are written before the node is published and never change. Aligned for the links that
// follow it.
struct alignas(std::atomic<void*>) Node {
  uint32_t user_key_size = 0;
  uint8_t height = 0;
  uint8_t length_bytes = 0;  // bytes of the entry's leading varint32

  std::atomic<Node*>* links() { return reinterpret_cast<std::atomic<Node*>*>(this + 1); }
  const std::atomic<Node*>* links() const {
    return reinterpret_cast<const std::atomic<Node*>*>(this + 1);
  }
  char* entry() { return reinterpret_cast<char*>(links() + height); }
  const char* entry() const { return reinterpret_cast<const char*>(links() + height); }
  const char* user_key() const { return entry() + length_bytes; }

  Node* Next(int level) const { return links()[level].load(std::memory_order_acquire); }
  Node* NextByWriter(int level) const { return links()[level].load(std::memory_order_relaxed); }

  SearchKey Key() const { return {user_key(), user_key_size, LoadTag(user_key() + user_key_size)}; }
};
static_assert(sizeof(Node) == 8 && alignof(Node) == alignof(std::atomic<Node*>));

// <0, 0 or >0 as `key` orders before, with or after `node`: user keys bytewise, then newer tags
// (larger sequence numbers) first.
int Compare(const SearchKey& key, const Node* node) {
  const size_t node_size = node->user_key_size;
  const int c = std::memcmp(key.data, node->user_key(), std::min(key.size, node_size));
  if (c != 0) return c;
  if (key.size != node_size) return key.size < node_size ? -1 : 1;
  const uint64_t node_tag = LoadTag(node->user_key() + node_size);
  return key.tag > node_tag ? -1 : (key.tag < node_tag ? 1 : 0);
}

// The neighbours of a key at every level below `height`: prev[i] orders before the key (or is
// the head), next[i] after it (or is null). Levels at and above `height` are not meaningful; one
// more slot than kMaxHeight lets a search start from prev[max height] = head.
struct Splice {
  int height = 0;
  Node* prev[kMaxHeight + 1];
  Node* next[kMaxHeight + 1];
};

class SkipListRep final : public MemTableRep {
 public:
  explicit SkipListRep(rocksdb::Allocator* allocator) : MemTableRep(allocator) {
    head_ = NewNode(kMaxHeight, 0);
  }

  KeyHandle Allocate(const size_t len, char** buf) override {
    Node* node = NewNode(RandomHeight(), len);
    *buf = node->entry();
    return node;
  }

  void Insert(KeyHandle handle) override {
    Splice splice;
    InsertWithSplice(static_cast<Node*>(handle), &splice);
  }

  void InsertWithHint(KeyHandle handle, void** hint) override {
    auto* splice = static_cast<Splice*>(*hint);
    if (splice == nullptr) {
      char* raw = nullptr;
      MemTableRep::Allocate(sizeof(Splice) + alignof(Splice) - 1, &raw);
      splice = AlignedIn<Splice>(raw);
      *hint = splice;
    }
    InsertWithSplice(static_cast<Node*>(handle), splice);
  }

  bool Contains(const char* key) const override {
    const SearchKey k = SearchKeyOfInternal(InternalKeyOfEntry(key));
    const Node* node = FindGreaterOrEqual(k);
    return node != nullptr && Compare(k, node) == 0;
  }

  void Get(const rocksdb::LookupKey& k, void* callback_args,
           bool (*callback_func)(void* arg, const char* entry)) override {
    const SearchKey key = SearchKeyOfInternal(InternalKeyOfEntry(MemtableKeyOf(k)));
    for (const Node* node = FindGreaterOrEqual(key);
         node != nullptr && callback_func(callback_args, node->entry()); node = node->Next(0)) {
    }
  }

  size_t ApproximateMemoryUsage() override {
    return 0;  // every node comes from the memtable's allocator, which counts it
  }

  MemTableRep::Iterator* GetIterator(rocksdb::Arena* arena) override;

  // The first node at or after `key`, or null.
  const Node* FindGreaterOrEqual(const SearchKey& key) const {
    const Node* x = head_;
    const Node* known_after = nullptr;  // a node already compared as >= key at a higher level
    for (int level = max_height_.load(std::memory_order_relaxed) - 1;;) {
      const Node* next = x->Next(level);
      if (next != nullptr && next != known_after && Compare(key, next) > 0) {
        x = next;
      } else {
        if (level == 0) return next;
        known_after = next;
        --level;
      }
    }
  }

  // The last node before `key` (or at it too, with `or_equal`), or null.
  const Node* FindLessThan(const SearchKey& key, bool or_equal) const {
    const Node* x = head_;
    for (int level = max_height_.load(std::memory_order_relaxed) - 1; level >= 0; --level) {
      for (const Node* next = x->Next(level); next != nullptr; next = x->Next(level)) {
        const int c = Compare(key, next);
        if (c < 0 || (c == 0 && !or_equal)) break;
        x = next;
      }
    }
    return x == head_ ? nullptr : x;
  }

  const Node* First() const { return head_->Next(0); }

  const Node* Last() const {
    const Node* x = head_;
    for (int level = max_height_.load(std::memory_order_relaxed) - 1; level >= 0; --level) {
      for (const Node* next = x->Next(level); next != nullptr; next = x->Next(level)) x = next;
    }
    return x == head_ ? nullptr : x;
  }

 private:
  Node* NewNode(int height, size_t entry_bytes) {
    char* raw = nullptr;
    const size_t bytes = sizeof(Node) + height * sizeof(std::atomic<Node*>) + entry_bytes;
    MemTableRep::Allocate(bytes + alignof(Node) - 1, &raw);
    Node* node = AlignedIn<Node>(raw);
    node->height = static_cast<uint8_t>(height);
    for (int i = 0; i < height; ++i) new (&node->links()[i]) std::atomic<Node*>(nullptr);
    return node;
  }

  // Only the writer allocates nodes (xorshift64; the quality of a skip list's shape needs no more).
  int RandomHeight() {
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 7;
    rng_ ^= rng_ << 17;
    uint64_t bits = rng_;
    int height = 1;
    while (height < kMaxHeight && (bits & kBranchingMask) == 0) {
      ++height;
      bits >>= 2;
    }
    return height;
  }

  // Walks level `level` from `start` (before `key`, or the head) to the neighbours of `key`.
  static void FindAtLevel(const SearchKey& key, Node* start, int level, Node** prev, Node** next) {
    Node* p = start;
    Node* n = p->NextByWriter(level);
    while (n != nullptr && Compare(key, n) > 0) {
      p = n;
      n = n->NextByWriter(level);
    }
    *prev = p;
    *next = n;
  }

  // Links `node` in. `splice` holds the neighbours of an earlier insert (or nothing, height 0);
  // the levels where they still bracket the new key tightly are reused, the others searched again
  // starting from the lowest level that can be reused. On return it holds the new node's
  // neighbours.
  void InsertWithSplice(Node* node, Splice* splice) {
    // The entry was written after Allocate: cache its user key's position and length.
    const Slice internal_key = InternalKeyOfEntry(node->entry());
    node->length_bytes = static_cast<uint8_t>(internal_key.data() - node->entry());
    node->user_key_size = static_cast<uint32_t>(internal_key.size() - kTagBytes);
    const SearchKey key = node->Key();

    const int height = node->height;
    int max_height = max_height_.load(std::memory_order_relaxed);
    if (height > max_height) {
      // Readers that see the new height before the links find null there: the end of the list.
      max_height_.store(height, std::memory_order_relaxed);
      max_height = height;
    }

    // Levels [0, recompute) need a new search.
    int recompute = 0;
    if (splice->height < max_height) {
      recompute = max_height;
    } else {
      while (recompute < max_height) {
        Node* prev = splice->prev[recompute];
        Node* next = splice->next[recompute];
        if (prev->NextByWriter(recompute) != next) {
          ++recompute;  // something was inserted in between: try the level above
        } else if ((prev != head_ && Compare(key, prev) <= 0) ||
                   (next != nullptr && Compare(key, next) >= 0)) {
          recompute = max_height;  // the key is outside the bracket: search from the top
        } else {
          break;
        }
      }
    }
    if (recompute == max_height) {
      splice->prev[max_height] = head_;
      splice->next[max_height] = nullptr;
    }
    for (int i = recompute - 1; i >= 0; --i) {
      FindAtLevel(key, splice->prev[i + 1], i, &splice->prev[i], &splice->next[i]);
    }
    splice->height = max_height;

    for (int i = 0; i < height; ++i) {
      if (i >= recompute && splice->prev[i]->NextByWriter(i) != splice->next[i]) {
        // Above the reused level the bracket may have been split since: prev[i] still orders
        // before the key, so walk on from it.
        FindAtLevel(key, splice->prev[i], i, &splice->prev[i], &splice->next[i]);
      }
      node->links()[i].store(splice->next[i], std::memory_order_relaxed);
      splice->prev[i]->links()[i].store(node, std::memory_order_release);
      splice->prev[i] = node;
    }
  }

  Node* head_ = nullptr;
  std::atomic<int> max_height_{1};
  uint64_t rng_ = 0x9e3779b97f4a7c15ULL;  // writer only
};

class SkipListIterator final : public MemTableRep::Iterator {
 public:
  explicit SkipListIterator(const SkipListRep& rep) : rep_(rep) {}

  bool Valid() const override { return node_ != nullptr; }
  const char* key() const override { return node_->entry(); }
  void Next() override { node_ = node_->Next(0); }
  void Prev() override { node_ = rep_.FindLessThan(node_->Key(), /*or_equal=*/false); }

  void Seek(const Slice& internal_key, const char* /*memtable_key*/) override {
    node_ = rep_.FindGreaterOrEqual(SearchKeyOfInternal(internal_key));
  }

  void SeekForPrev(const Slice& internal_key, const char* /*memtable_key*/) override {
    node_ = rep_.FindLessThan(SearchKeyOfInternal(internal_key), /*or_equal=*/true);
  }

  void SeekToFirst() override { node_ = rep_.First(); }
  void SeekToLast() override { node_ = rep_.Last(); }

 private:
  const SkipListRep& rep_;
  const Node* node_ = nullptr;
};

MemTableRep::Iterator* SkipListRep::GetIterator(rocksdb::Arena* arena) {
  return NewInArena<SkipListIterator>(arena, *this);
}

class SkipListRepFactory final : public rocksdb::MemTableRepFactory {
 public:
  using rocksdb::MemTableRepFactory::CreateMemTableRep;
  MemTableRep* CreateMemTableRep(const MemTableRep::KeyComparator& /*compare*/,
                                 rocksdb::Allocator* allocator,
                                 const rocksdb::SliceTransform* /*transform*/,
                                 rocksdb::Logger* /*logger*/) override {
    return new SkipListRep(allocator);
  }

  const char* Name() const override { return "SmithSkipListMemTableRepFactory"; }
};

}  // namespace

rocksdb::MemTableRepFactory* NewSkipListMemTableRepFactory() { return new SkipListRepFactory(); }

}  // namespace smith::storage::internal
