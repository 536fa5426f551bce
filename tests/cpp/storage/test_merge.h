// A MergeFunction for tests: the result is the base value (or "<>" when absent) followed by
// "+<operand>" per operand. The operand "corrupt" makes it fail.
#ifndef SMITH_TESTS_CPP_STORAGE_TEST_MERGE_H_
#define SMITH_TESTS_CPP_STORAGE_TEST_MERGE_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "storage/merge_function.h"
#include "storage/storage_options.h"

namespace smith::storage::testing {

class ConcatMerge final : public MergeFunction {
 public:
  const char* Name() const override { return "smith.test.Concat"; }
  bool FullMerge(const std::string_view* existing, std::span<const std::string_view> operands,
                 std::string* result) const override {
    *result = existing != nullptr ? std::string(*existing) : "<>";
    for (std::string_view op : operands) {
      if (op == "corrupt") return false;
      *result += "+";
      *result += op;
    }
    return true;
  }
};

// Options with ConcatMerge on the node and adj families.
inline StorageOptions MergeOptions() {
  StorageOptions options;
  auto merge = std::make_shared<ConcatMerge>();
  options.merge_functions[FamilyIndex(Family::kNode)] = merge;
  options.merge_functions[FamilyIndex(Family::kAdj)] = merge;
  return options;
}

}  // namespace smith::storage::testing

#endif  // SMITH_TESTS_CPP_STORAGE_TEST_MERGE_H_
