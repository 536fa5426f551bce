#include "storage/merge_operator_adapter.h"

#include <string_view>
#include <utility>
#include <vector>

namespace smith::storage::internal {
namespace {

std::string_view View(const rocksdb::Slice& s) { return {s.data(), s.size()}; }

}  // namespace

MergeOperatorAdapter::MergeOperatorAdapter(std::shared_ptr<const MergeFunction> function)
    : function_(std::move(function)) {}

bool MergeOperatorAdapter::FullMergeV2(const MergeOperationInput& input,
                                       MergeOperationOutput* output) const {
  std::vector<std::string_view> operands;
  operands.reserve(input.operand_list.size());
  for (const rocksdb::Slice& operand : input.operand_list) operands.push_back(View(operand));
  std::string_view existing;
  const std::string_view* existing_ptr = nullptr;
  if (input.existing_value != nullptr) {
    existing = View(*input.existing_value);
    existing_ptr = &existing;
  }
  return function_->FullMerge(existing_ptr, operands, &output->new_value);
}

bool MergeOperatorAdapter::PartialMerge(const rocksdb::Slice& /*key*/, const rocksdb::Slice& left,
                                        const rocksdb::Slice& right, std::string* new_value,
                                        rocksdb::Logger* /*logger*/) const {
  return function_->PartialMerge(View(left), View(right), new_value);
}

}  // namespace smith::storage::internal
