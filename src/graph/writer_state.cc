#include "graph/writer_state.h"

namespace smith::graph {

std::optional<uint64_t> KeyIndexCache::Find(std::string_view key) const {
  auto it = map_.find(key);
  if (it == map_.end()) return std::nullopt;
  return it->second;
}

NodeLabelTable::NodeLabelTable() {
  interned_.emplace_back();  // kAbsent
  Intern({});                // the empty label set is id 1
}

void NodeLabelTable::Assign(NodeId node, uint32_t set) {
  if (node >= sets_.size()) {
    if (set == kAbsent) return;
    sets_.resize(std::max<size_t>(node + 1, sets_.size() * 3 / 2), kAbsent);
  }
  sets_[node] = set;
}

uint32_t NodeLabelTable::Intern(const std::vector<TokenId>& labels) {
  auto it = ids_.find(labels);
  if (it != ids_.end()) return it->second;
  auto id = static_cast<uint32_t>(interned_.size());
  interned_.push_back(labels);
  ids_.emplace(labels, id);
  return id;
}

}  // namespace smith::graph
