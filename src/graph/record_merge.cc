#include "graph/record_merge.h"

#include "graph/record.h"

namespace smith::graph {

namespace {

class NodeMergeFunction final : public storage::MergeFunction {
 public:
  const char* Name() const override { return "smith.NodeRecordPatch"; }

  bool FullMerge(const std::string_view* existing, std::span<const std::string_view> operands,
                 std::string* result) const override {
    NodeRecord record;
    if (existing != nullptr && !DecodeNodeRecord(*existing, &record).ok()) return false;
    RecordPatch patch;
    for (std::string_view op : operands) {
      if (!DecodePatch(op, &patch).ok()) return false;
      ApplyPatch(patch, &record.labels, &record.properties);
    }
    result->clear();
    EncodeNodeRecord(record, result);
    return true;
  }
};

class RelMergeFunction final : public storage::MergeFunction {
 public:
  const char* Name() const override { return "smith.RelRecordPatch"; }

  bool FullMerge(const std::string_view* existing, std::span<const std::string_view> operands,
                 std::string* result) const override {
    if (existing == nullptr) return false;
    RelRecord record;
    if (!DecodeRelRecord(*existing, &record).ok()) return false;
    RecordPatch patch;
    std::vector<TokenId> unused_labels;
    for (std::string_view op : operands) {
      if (!DecodePatch(op, &patch).ok()) return false;
      ApplyPatch(patch, &unused_labels, &record.properties);
    }
    result->clear();
    EncodeRelRecord(record, result);
    return true;
  }
};

}  // namespace

std::shared_ptr<const storage::MergeFunction> NewNodeMergeFunction() {
  return std::make_shared<NodeMergeFunction>();
}

std::shared_ptr<const storage::MergeFunction> NewRelMergeFunction() {
  return std::make_shared<RelMergeFunction>();
}

}  // namespace smith::graph
