// ReadView: the reads both transaction kinds offer.
//
// Every read addresses one column family. Values are returned as copies (std::string), so they
// outlive the transaction.
//
// Thread safety: a transaction (and so its ReadView) is used by one thread at a time.
#ifndef SMITH_STORAGE_READ_VIEW_H_
#define SMITH_STORAGE_READ_VIEW_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "storage/format.h"
#include "storage/iterator.h"

namespace smith::storage {

class ReadView {
 public:
  virtual ~ReadView() = default;

  // Looks up `key` in family `f`. Returns true and fills `*value` when found, false (leaving
  // `*value` unspecified) when absent; an error Status on I/O failure, corruption or a failed
  // merge.
  virtual Result<bool> Get(Family f, std::string_view key, std::string* value) = 0;

  // Looks up all `keys` at once (one RocksDB MultiGet, which batches block reads). On OK,
  // `*values` has one entry per key, in order: the value, or nullopt when absent. On error the
  // contents of `*values` are unspecified. Duplicate keys are allowed.
  virtual Status MultiGet(Family f, std::span<const std::string_view> keys,
                          std::vector<std::optional<std::string>>* values) = 0;

  // A forward iterator over the keys of `f` in [lower, upper); an empty `upper` means "to the
  // end of the family". The iterator copies the bounds. It must be destroyed before this view.
  virtual std::unique_ptr<Iterator> NewIterator(Family f, std::string_view lower,
                                                std::string_view upper) = 0;
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_READ_VIEW_H_
