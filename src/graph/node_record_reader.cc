#include "graph/node_record_reader.h"

#include <string>

#include "common/coding.h"
#include "graph/graph_reader.h"
#include "graph/keys.h"
#include "graph/node_walker.h"

namespace smith::graph {

NodeRecordReader::NodeRecordReader(GraphReader& reader, std::unique_ptr<NodeWalker> walker)
    : reader_(reader), walker_(std::move(walker)) {}

NodeRecordReader::~NodeRecordReader() = default;

Result<bool> NodeRecordReader::Read(NodeId id, NodeRecord* out) {
  const bool small_step = id > last_id_ && id - last_id_ <= kMaxStep;
  ascending_ = small_step ? ascending_ + 1 : 0;
  last_id_ = id;
  if (ascending_ < kWarmUpReads) return reader_.GetNode(id, out);
  return ReadFromWalker(id, out);
}

Result<bool> NodeRecordReader::ReadFromWalker(NodeId id, NodeRecord* out) {
  // Step forward from the current position when the target is near; seek otherwise.
  bool found_position = false;
  if (positioned_ && walker_->Valid() && walker_->id() < id) {
    for (int i = 0; i < kMaxSteps && walker_->Valid(); ++i) {
      walker_->Next();
      if (!walker_->Valid() || walker_->id() >= id) {
        found_position = true;
        break;
      }
    }
  } else if (positioned_ && walker_->Valid() && walker_->id() == id) {
    found_position = true;
  }
  if (!found_position) {
    walker_->Seek(id);
    positioned_ = true;
  }
  SMITH_RETURN_IF_ERROR(walker_->status());
  if (!walker_->Valid() || walker_->id() != id) return false;
  SMITH_RETURN_IF_ERROR(
      DecodeNodeRecord(walker_->value(), out).WithContext("node " + std::to_string(id)));
  return true;
}

}  // namespace smith::graph
