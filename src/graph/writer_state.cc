#include "graph/writer_state.h"

namespace smith::graph {

void KeyCacheUndoLog::Record(SchemaId schema, std::string_view tuple,
                             std::optional<uint64_t> before) {
  entries_.push_back(
      Entry{schema, before.has_value(), before.value_or(0), tuples_.size(), tuple.size()});
  tuples_.append(tuple);
}

void KeyCacheUndoLog::Undo(std::unordered_map<SchemaId, KeyIndexCache>& caches) {
  for (auto e = entries_.rbegin(); e != entries_.rend(); ++e) {
    auto cache = caches.find(e->schema);
    if (cache == caches.end()) continue;
    const std::string_view tuple = std::string_view(tuples_).substr(e->offset, e->length);
    if (e->had_value) {
      cache->second.Assign(tuple, e->before);
    } else {
      cache->second.Erase(tuple);
    }
  }
  clear();
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
