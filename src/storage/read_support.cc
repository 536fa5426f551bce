#include "storage/read_support.h"

#include <string>

#include "storage/rocksdb_status.h"

namespace smith::storage::internal {
namespace {

std::string ReadContext(Family f) {
  return "read from column family '" + std::string(FamilyName(f)) + "'";
}

}  // namespace

std::vector<rocksdb::Slice> ToSlices(std::span<const std::string_view> keys) {
  std::vector<rocksdb::Slice> slices;
  slices.reserve(keys.size());
  for (std::string_view k : keys) slices.push_back(ToSlice(k));
  return slices;
}

Result<bool> GetOutcome(Family f, const rocksdb::Status& status,
                        const rocksdb::PinnableSlice& found, std::string* value) {
  if (status.IsNotFound()) return false;
  if (!status.ok()) return FromRocksDb(status, ReadContext(f));
  value->assign(found.data(), found.size());
  return true;
}

Status MultiGetOutcome(Family f, size_t count, const rocksdb::PinnableSlice* found,
                       const rocksdb::Status* statuses,
                       std::vector<std::optional<std::string>>* values) {
  values->clear();
  values->reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (statuses[i].IsNotFound()) {
      values->emplace_back(std::nullopt);
    } else if (statuses[i].ok()) {
      values->emplace_back(std::string(found[i].data(), found[i].size()));
    } else {
      return FromRocksDb(statuses[i], ReadContext(f));
    }
  }
  return Status::OK();
}

Status FinishedTransactionError() {
  return Status::InvalidState("the write transaction has already been committed or rolled back");
}

}  // namespace smith::storage::internal
