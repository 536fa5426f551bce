// Storage-internal: the RocksDB options smith opens a database with (the tuning rationale is in
// rocksdb_options.cc and docs/storage-format.md).
#ifndef SMITH_STORAGE_ROCKSDB_OPTIONS_H_
#define SMITH_STORAGE_ROCKSDB_OPTIONS_H_

#include <cstddef>
#include <memory>

#include "rocksdb/cache.h"
#include "rocksdb/options.h"
#include "storage/format.h"
#include "storage/storage_options.h"

namespace smith::storage::internal {

// Database-wide options (background jobs, memtable budget, logging). create_if_missing and
// create_missing_column_families are left false; Engine::Open decides them.
rocksdb::DBOptions MakeDbOptions(const StorageOptions& options);

// Options of family `f`, sharing `block_cache` with the other families.
rocksdb::ColumnFamilyOptions MakeFamilyOptions(Family f, const StorageOptions& options,
                                               const std::shared_ptr<rocksdb::Cache>& block_cache);

// The prefix length family `f` is filtered on: options.scan_prefix_bytes for the scan families
// (adj, label, reltype, index), 0 for the point-lookup families.
size_t EffectiveScanPrefix(Family f, const StorageOptions& options);

// The write options of a commit.
rocksdb::WriteOptions MakeCommitOptions(const StorageOptions& options);

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_ROCKSDB_OPTIONS_H_
