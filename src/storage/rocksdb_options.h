// Storage-internal: the RocksDB options smith opens a database with (the tuning rationale is in
// rocksdb_options.cc and docs/storage-format.md).
#ifndef SMITH_STORAGE_ROCKSDB_OPTIONS_H_
#define SMITH_STORAGE_ROCKSDB_OPTIONS_H_

#include <cstddef>
#include <memory>

#include "common/status.h"
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

// The length of family `f`'s fixed prefix extractor (0: none): options.scan_prefix_bytes for the
// scan families (adj, label, reltype, index), options.memtable_hash_prefix_bytes for the
// point-lookup families. Iterators use prefix mode only for ranges within one such prefix.
size_t EffectivePrefix(Family f, const StorageOptions& options);

// kInvalidArgument when the per-family prefix settings contradict each other (a scan family
// hashed on another length than it is filtered on).
Status ValidatePrefixOptions(const StorageOptions& options);

// The write options of a commit.
rocksdb::WriteOptions MakeCommitOptions(const StorageOptions& options);

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_ROCKSDB_OPTIONS_H_
