// Storage-internal: helpers shared by ReadTransaction and WriteTransaction reads.
#ifndef SMITH_STORAGE_READ_SUPPORT_H_
#define SMITH_STORAGE_READ_SUPPORT_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "rocksdb/slice.h"
#include "rocksdb/status.h"
#include "storage/format.h"

namespace smith::storage::internal {

inline rocksdb::Slice ToSlice(std::string_view s) { return {s.data(), s.size()}; }

// The keys of a MultiGet as RocksDB slices.
std::vector<rocksdb::Slice> ToSlices(std::span<const std::string_view> keys);

// Converts the outcome of a point read of `f`: found (copies `found` into `*value`), absent, or
// an error.
Result<bool> GetOutcome(Family f, const rocksdb::Status& status,
                        const rocksdb::PinnableSlice& found, std::string* value);

// Converts the outcome of a MultiGet of `f` with `count` keys into `*values`; the first
// error other than NotFound wins.
Status MultiGetOutcome(Family f, size_t count, const rocksdb::PinnableSlice* found,
                       const rocksdb::Status* statuses,
                       std::vector<std::optional<std::string>>* values);

// The error a finished write transaction returns from reads and commits.
Status FinishedTransactionError();

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_READ_SUPPORT_H_
