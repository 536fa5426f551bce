// Storage-internal: what an Iterator wraps. Includes RocksDB headers.
#ifndef SMITH_STORAGE_ITERATOR_REP_H_
#define SMITH_STORAGE_ITERATOR_REP_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "rocksdb/iterator.h"
#include "rocksdb/options.h"
#include "rocksdb/slice.h"
#include "rocksdb/snapshot.h"

namespace smith::storage::internal {

// Invariant: `read_options` points at `lower_slice`/`upper_slice`, which view `lower`/`upper`;
// the rep is heap-allocated and never moved, so those pointers stay valid for `iter`'s lifetime.
// `iter` is declared last so that it is destroyed before what it points at.
struct IteratorRep {
  std::string lower;
  std::string upper;  // empty: no upper bound
  rocksdb::Slice lower_slice;
  rocksdb::Slice upper_slice;
  rocksdb::ReadOptions read_options;
  // The family's prefix extractor length (0: none), to decide the mode of new bounds (Rebind).
  size_t prefix_bytes = 0;
  // Set instead of `iter` when the iterator could not be created (e.g. finished transaction).
  Status error;
  bool valid = false;
  // The value at the current position, fetched while positioning (see Iterator::Settle).
  rocksdb::Slice value;
  std::unique_ptr<rocksdb::Iterator> iter;
};

// A rep with bounds [lower, upper) and read options for `snapshot`, `iter` not yet set. With
// prefix_bytes > 0 (the family has a fixed prefix extractor of that length) it enables RocksDB's
// prefix mode when RangeWithinOnePrefix allows, and total-order iteration otherwise.
std::unique_ptr<IteratorRep> NewIteratorRep(std::string_view lower, std::string_view upper,
                                            const rocksdb::Snapshot* snapshot, size_t prefix_bytes);

// True when every key k with lower <= k < upper has length >= n and the same first n bytes as
// `lower`, so that a prefix-mode iterator yields exactly the keys of [lower, upper). That holds
// when `upper` shares the first n bytes of `lower`, or when `upper` is the successor of those n
// bytes (trailing 0xff bytes dropped, the last remaining byte incremented).
bool RangeWithinOnePrefix(std::string_view lower, std::string_view upper, size_t n);

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_ITERATOR_REP_H_
