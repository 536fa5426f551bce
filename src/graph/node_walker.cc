#include "graph/node_walker.h"

#include <string>

#include "common/coding.h"
#include "graph/keys.h"
#include "storage/iterator.h"
#include "storage/read_view.h"

namespace smith::graph {
namespace {

using storage::Family;

// The group's bounds: its kNodeGroupBytes-byte prefix, and that prefix followed by two 0xff
// bytes, above every 8-byte key of the group yet sharing its prefix, so that the storage layer
// iterates the range in prefix mode (RangeWithinOnePrefix).
std::string GroupLower(uint64_t group) {
  return keys::IdKey(group << keys::kNodeGroupShift).substr(0, keys::kNodeGroupBytes);
}
std::string GroupUpper(uint64_t group) { return GroupLower(group) + "\xff\xff"; }

}  // namespace

NodeWalker::NodeWalker(storage::ReadView& view, Result<NodeId> bound) : view_(view) {
  if (bound.ok()) {
    bound_ = *bound;
  } else {
    error_ = bound.status();
  }
}

NodeWalker::~NodeWalker() = default;

void NodeWalker::BindGroup(uint64_t group) {
  const std::string lower = GroupLower(group);
  const std::string upper = GroupUpper(group);
  if (iter_ == nullptr || !iter_->Rebind(lower, upper)) {
    iter_ = view_.NewIterator(Family::kNode, lower, upper);
  }
  group_ = group;
}

void NodeWalker::Seek(NodeId id) {
  valid_ = false;
  if (!error_.ok() || id >= bound_) return;
  SettleFrom(id >> keys::kNodeGroupShift, keys::IdKey(id));
}

void NodeWalker::Next() {
  iter_->Next();
  if (Land() || !iter_->status().ok() || !error_.ok()) return;
  const uint64_t next = group_ + 1;
  if ((next << keys::kNodeGroupShift) < bound_) SettleFrom(next, GroupLower(next));
}

bool NodeWalker::Land() {
  valid_ = false;
  if (!iter_->Valid()) return false;
  if (iter_->key().size() != keys::kIdBytes) {
    error_ = Status::Corruption("node key of " + std::to_string(iter_->key().size()) +
                                " bytes (expected " + std::to_string(keys::kIdBytes) + ")");
    return false;
  }
  id_ = DecodeFixed64BE(iter_->key().data());
  valid_ = id_ < bound_;
  return true;
}

void NodeWalker::SettleFrom(uint64_t group, std::string_view target) {
  if (bound_ == 0) return;
  const uint64_t last_group = (bound_ - 1) >> keys::kNodeGroupShift;
  for (; group <= last_group; ++group, target = {}) {
    if (iter_ == nullptr || group != group_) BindGroup(group);
    if (target.empty()) {
      iter_->SeekToFirst();
    } else {
      iter_->Seek(target);
    }
    if (Land() || !iter_->status().ok() || !error_.ok()) return;
  }
}

std::string_view NodeWalker::value() const { return iter_->value(); }

Status NodeWalker::status() const {
  if (!error_.ok()) return error_;
  return iter_ != nullptr ? iter_->status() : Status::OK();
}

}  // namespace smith::graph
