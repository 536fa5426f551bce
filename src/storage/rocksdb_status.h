// Storage-internal: conversion of rocksdb::Status into smith::Status.
#ifndef SMITH_STORAGE_ROCKSDB_STATUS_H_
#define SMITH_STORAGE_ROCKSDB_STATUS_H_

#include <string_view>

#include "common/status.h"
#include "rocksdb/status.h"

namespace smith::storage::internal {

// OK stays OK. Otherwise maps the RocksDB code onto a StatusCode (Corruption -> kCorruption,
// IOError -> kIOError, NotFound -> kNotFound, InvalidArgument -> kInvalidArgument, NotSupported
// -> kNotSupported, anything else -> kIOError) with the message "<context>: <RocksDB message>".
Status FromRocksDb(const rocksdb::Status& status, std::string_view context);

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_ROCKSDB_STATUS_H_
