#include "graph/node_record_reader.h"

#include <string>

#include "common/coding.h"
#include "graph/graph_reader.h"
#include "graph/keys.h"
#include "storage/iterator.h"

namespace smith::graph {

NodeRecordReader::NodeRecordReader(GraphReader& reader, std::unique_ptr<storage::Iterator> iterator)
    : reader_(reader), iterator_(std::move(iterator)) {}

NodeRecordReader::~NodeRecordReader() = default;

Result<bool> NodeRecordReader::Read(NodeId id, NodeRecord* out) {
  const bool small_step = id > last_id_ && id - last_id_ <= kMaxStep;
  ascending_ = small_step ? ascending_ + 1 : 0;
  last_id_ = id;
  if (ascending_ < kWarmUpReads) return reader_.GetNode(id, out);
  return ReadFromIterator(id, out);
}

Result<bool> NodeRecordReader::ReadFromIterator(NodeId id, NodeRecord* out) {
  const std::string target = keys::IdKey(id);
  // Step forward from the current position when the target is near; seek otherwise.
  bool found_position = false;
  if (positioned_ && iterator_->Valid() && iterator_->key() < target) {
    for (int i = 0; i < kMaxSteps && iterator_->Valid(); ++i) {
      iterator_->Next();
      if (!iterator_->Valid() || iterator_->key() >= target) {
        found_position = true;
        break;
      }
    }
  } else if (positioned_ && iterator_->Valid() && iterator_->key() == target) {
    found_position = true;
  }
  if (!found_position) {
    iterator_->Seek(target);
    positioned_ = true;
  }
  SMITH_RETURN_IF_ERROR(iterator_->status());
  if (!iterator_->Valid() || iterator_->key() != target) return false;
  SMITH_RETURN_IF_ERROR(
      DecodeNodeRecord(iterator_->value(), out).WithContext("node " + std::to_string(id)));
  return true;
}

}  // namespace smith::graph
