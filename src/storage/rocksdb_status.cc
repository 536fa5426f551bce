#include "storage/rocksdb_status.h"

#include <string>

namespace smith::storage::internal {

Status FromRocksDb(const rocksdb::Status& status, std::string_view context) {
  if (status.ok()) return Status::OK();
  std::string message(context);
  message += ": ";
  message += status.ToString();
  StatusCode code = StatusCode::kIOError;
  switch (status.code()) {
    case rocksdb::Status::kCorruption:
      code = StatusCode::kCorruption;
      break;
    case rocksdb::Status::kNotFound:
      code = StatusCode::kNotFound;
      break;
    case rocksdb::Status::kInvalidArgument:
      code = StatusCode::kInvalidArgument;
      break;
    case rocksdb::Status::kNotSupported:
      code = StatusCode::kNotSupported;
      break;
    default:
      break;
  }
  return Status(code, message);
}

}  // namespace smith::storage::internal
