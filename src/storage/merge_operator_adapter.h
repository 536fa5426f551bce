// Storage-internal: presents a smith MergeFunction to RocksDB as a rocksdb::MergeOperator.
#ifndef SMITH_STORAGE_MERGE_OPERATOR_ADAPTER_H_
#define SMITH_STORAGE_MERGE_OPERATOR_ADAPTER_H_

#include <memory>
#include <string>

#include "rocksdb/merge_operator.h"
#include "storage/merge_function.h"

namespace smith::storage::internal {

// Thread-safe as the wrapped MergeFunction is. A false return from the function surfaces as a
// RocksDB Corruption status on the read (or, during compaction, as a background error that stops
// further writes: merge functions must accept every operand they were given).
class MergeOperatorAdapter final : public rocksdb::MergeOperator {
 public:
  explicit MergeOperatorAdapter(std::shared_ptr<const MergeFunction> function);

  bool FullMergeV2(const MergeOperationInput& input, MergeOperationOutput* output) const override;
  bool PartialMerge(const rocksdb::Slice& key, const rocksdb::Slice& left,
                    const rocksdb::Slice& right, std::string* new_value,
                    rocksdb::Logger* logger) const override;
  const char* Name() const override { return function_->Name(); }

 private:
  std::shared_ptr<const MergeFunction> function_;
};

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_MERGE_OPERATOR_ADAPTER_H_
