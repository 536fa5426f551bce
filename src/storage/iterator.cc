#include "storage/iterator.h"

#include <cassert>
#include <utility>

#include "storage/iterator_rep.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {
namespace internal {

bool RangeWithinOnePrefix(std::string_view lower, std::string_view upper, size_t n) {
  if (n == 0 || lower.size() < n || upper.empty()) return false;
  const std::string_view prefix = lower.substr(0, n);
  if (upper.size() >= n && upper.substr(0, n) == prefix) return true;
  // upper == the successor of the prefix: drop its trailing 0xff bytes and increment the last
  // remaining one (a node id ending in 0xff has a shorter successor). Every key in
  // [prefix, successor) starts with the prefix.
  size_t keep = n;
  while (keep > 0 && static_cast<unsigned char>(prefix[keep - 1]) == 0xff) --keep;
  if (keep == 0 || upper.size() != keep) return false;  // an all-0xff prefix has no successor
  return upper.substr(0, keep - 1) == prefix.substr(0, keep - 1) &&
         static_cast<unsigned char>(upper[keep - 1]) ==
             static_cast<unsigned char>(prefix[keep - 1]) + 1;
}

std::unique_ptr<IteratorRep> NewIteratorRep(std::string_view lower, std::string_view upper,
                                            const rocksdb::Snapshot* snapshot,
                                            size_t prefix_bytes) {
  auto rep = std::make_unique<IteratorRep>();
  rep->lower.assign(lower);
  rep->upper.assign(upper);
  rep->lower_slice = rocksdb::Slice(rep->lower);
  rep->upper_slice = rocksdb::Slice(rep->upper);
  rep->prefix_bytes = prefix_bytes;
  rocksdb::ReadOptions& ro = rep->read_options;
  ro.snapshot = snapshot;
  if (!rep->lower.empty()) ro.iterate_lower_bound = &rep->lower_slice;
  if (!rep->upper.empty()) ro.iterate_upper_bound = &rep->upper_slice;
  if (RangeWithinOnePrefix(lower, upper, prefix_bytes)) {
    ro.total_order_seek = false;
    ro.prefix_same_as_start = true;
  } else {
    // With a prefix extractor RocksDB defaults to prefix mode, which is wrong for ranges that
    // span prefixes; total order is always correct.
    ro.total_order_seek = true;
  }
  return rep;
}

}  // namespace internal

Iterator::Iterator(std::unique_ptr<internal::IteratorRep> rep) : rep_(std::move(rep)) {}

Iterator::~Iterator() = default;

void Iterator::Settle() {
  internal::IteratorRep& r = *rep_;
  // The upper bound is checked here because RocksDB 7.8 applies iterate_upper_bound only to the
  // database side of a write transaction's iterator, not to the batch's own entries.
  r.valid = r.iter->Valid() && (r.upper.empty() || r.iter->key().compare(r.upper_slice) < 0);
  if (!r.valid) return;
  // Over a write batch, RocksDB 7.8 resolves merge operands lazily inside value(), and a failed
  // merge only then sets the iterator's status. Fetching the value here turns that failure into
  // an invalid iterator with an error status instead of a bogus value, and resolves each merge
  // once per position however often value() is called.
  r.value = r.iter->value();
  if (!r.iter->status().ok()) r.valid = false;
}

void Iterator::Seek(std::string_view key) {
  if (rep_->iter == nullptr) return;
  if (key < rep_->lower) key = rep_->lower;
  if (!rep_->upper.empty() && key >= rep_->upper) {
    rep_->valid = false;
    return;
  }
  rep_->iter->Seek(rocksdb::Slice(key.data(), key.size()));
  Settle();
}

void Iterator::SeekToFirst() {
  if (rep_->iter == nullptr) return;
  if (rep_->lower.empty()) {
    rep_->iter->SeekToFirst();
    Settle();
  } else {
    Seek(rep_->lower);
  }
}

bool Iterator::Rebind(std::string_view lower, std::string_view upper) {
  internal::IteratorRep& r = *rep_;
  if (r.iter == nullptr) return false;
  // RocksDB reads the bound slices through the pointers in the read options on every seek (MyRocks
  // changes bounds between seeks the same way), but whether a bound exists and the prefix mode
  // are fixed when the RocksDB iterator is created.
  const bool prefix_mode = !r.read_options.total_order_seek;
  if (r.lower.empty() || r.upper.empty() || lower.empty() || upper.empty() ||
      prefix_mode != internal::RangeWithinOnePrefix(lower, upper, r.prefix_bytes)) {
    return false;
  }
  r.lower.assign(lower);
  r.upper.assign(upper);
  r.lower_slice = rocksdb::Slice(r.lower);
  r.upper_slice = rocksdb::Slice(r.upper);
  r.valid = false;
  return true;
}

bool Iterator::Valid() const { return rep_->valid; }

void Iterator::Next() {
  assert(Valid());
  rep_->iter->Next();
  Settle();
}

std::string_view Iterator::key() const {
  assert(Valid());
  rocksdb::Slice k = rep_->iter->key();
  return {k.data(), k.size()};
}

std::string_view Iterator::value() const {
  assert(Valid());
  return {rep_->value.data(), rep_->value.size()};
}

Status Iterator::status() const {
  if (rep_->iter == nullptr) return rep_->error;
  return internal::FromRocksDb(rep_->iter->status(), "iterator");
}

}  // namespace smith::storage
