// Iterator: a forward cursor over the keys of one column family within [lower, upper).
//
// Obtained from ReadView::NewIterator. Over a write transaction it shows the snapshot merged with
// the transaction's pending writes (deleted keys hidden, merge operands resolved).
//
// Bounds are enforced here, not left to RocksDB: no positioning call ever yields a key outside
// [lower, upper) (RocksDB 7.8 does not apply iterate_upper_bound to a write batch's own entries).
//
// Lifetime: the iterator borrows its transaction and must be destroyed before it. The views
// returned by key() and value() are valid until the next positioning call on this iterator or
// the next write (Put/Delete/Merge) to the transaction it reads, whichever comes first; a write
// to the transaction does not otherwise disturb the iteration (Next() continues correctly).
//
// Thread safety: none; use an iterator from one thread at a time.
#ifndef SMITH_STORAGE_ITERATOR_H_
#define SMITH_STORAGE_ITERATOR_H_

#include <memory>
#include <string_view>

#include "common/status.h"

namespace smith::storage {

namespace internal {
struct IteratorRep;
}  // namespace internal

class Iterator {
 public:
  // Storage-internal: transactions build iterators; IteratorRep is opaque outside storage/.
  explicit Iterator(std::unique_ptr<internal::IteratorRep> rep);
  ~Iterator();
  Iterator(const Iterator&) = delete;
  Iterator& operator=(const Iterator&) = delete;

  // Positions at the first key >= max(key, lower). Invalid when there is none below upper.
  void Seek(std::string_view key);
  // Positions at the first key >= lower.
  void SeekToFirst();
  // Moves the iterator to the bounds [lower, upper) of the same family and view, unpositioned,
  // which is much cheaper than a new iterator (no new RocksDB iterator over every memtable and
  // file). False, and no change, when this iterator cannot take them: either range has no lower
  // or no upper bound, or only one of them lies within one key prefix of the family (RocksDB
  // fixes these when it creates the iterator).
  bool Rebind(std::string_view lower, std::string_view upper);
  // True when positioned at a key in [lower, upper) and no error occurred. A new iterator is not
  // positioned (invalid) until Seek or SeekToFirst.
  bool Valid() const;
  // Advances to the next key. Requires Valid().
  void Next();
  // Require Valid().
  std::string_view key() const;
  std::string_view value() const;
  // The error that made the iterator invalid (I/O, corruption, failed merge), or OK when it simply
  // ran out of keys. Check it after a loop ends.
  Status status() const;

 private:
  void Settle();

  std::unique_ptr<internal::IteratorRep> rep_;
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_ITERATOR_H_
