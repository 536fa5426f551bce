// MergeFunction: resolves RocksDB merge operands for one column family.
//
// The graph layer supplies one per family whose records take blind partial updates (node and
// relationship property changes written without reading the record first). The storage layer
// adapts it to a rocksdb::MergeOperator; RocksDB calls it on reads (Get, MultiGet, iterators,
// including a write transaction's own pending operands) and during compaction.
//
// Thread safety: implementations must be thread-safe and deterministic: RocksDB calls them
// concurrently from reader threads and background compaction threads, and the same inputs must
// always give the same result (compaction may resolve operands at any time, in any grouping that
// PartialMerge allows).
//
// Compatibility: a database whose families contain merge operands must always be opened with the
// same merge functions (same Name(), same semantics); without one, reads of such keys fail.
#ifndef SMITH_STORAGE_MERGE_FUNCTION_H_
#define SMITH_STORAGE_MERGE_FUNCTION_H_

#include <span>
#include <string>
#include <string_view>

namespace smith::storage {

class MergeFunction {
 public:
  virtual ~MergeFunction() = default;

  // A stable name, recorded by RocksDB in the database's OPTIONS file.
  virtual const char* Name() const = 0;

  // Applies `operands` (oldest first) to `existing` and writes the resulting value to `*result`.
  // `existing` is nullptr when the key has no base value (absent or deleted). Returns false when
  // the input is corrupt; the read then fails with kCorruption. A false return during a
  // background compaction puts RocksDB into a read-only error state until reopened, so accept
  // anything that the graph layer itself may have written.
  virtual bool FullMerge(const std::string_view* existing,
                         std::span<const std::string_view> operands, std::string* result) const = 0;

  // Optionally combines two adjacent operands (`left` older than `right`) into one operand with
  // the same effect. Returns false when they cannot be combined (the default); RocksDB then keeps
  // both.
  virtual bool PartialMerge(std::string_view /*left*/, std::string_view /*right*/,
                            std::string* /*result*/) const {
    return false;
  }
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_MERGE_FUNCTION_H_
