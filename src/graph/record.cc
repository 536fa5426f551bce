#include "graph/record.h"

#include <algorithm>

#include "common/coding.h"
#include "common/record_codec.h"
#include "graph/keys.h"

namespace smith::graph {

namespace {

// Property lists up to this length are sorted by insertion (stable, no allocation).
constexpr size_t kInsertionSortMax = 16;

void EncodeTokens(const std::vector<TokenId>& tokens, std::string* out) {
  PutVarint64(tokens.size(), out);
  for (TokenId t : tokens) PutVarint64(t, out);
}

Status DecodeTokens(std::string_view* in, std::vector<TokenId>* out, const char* what) {
  uint64_t n = 0;
  SMITH_RETURN_IF_ERROR(GetVarint64(in, &n).WithContext(what));
  if (n > in->size()) return Status::Corruption(std::string(what) + ": count exceeds record");
  out->clear();
  out->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t t = 0;
    SMITH_RETURN_IF_ERROR(GetVarint64(in, &t).WithContext(what));
    if (t > UINT32_MAX) return Status::Corruption(std::string(what) + ": token id out of range");
    out->push_back(static_cast<TokenId>(t));
  }
  return Status::OK();
}

void EncodeProperties(const PropertyList& props, std::string* out) {
  PutVarint64(props.size(), out);
  for (const auto& [key, value] : props) {
    PutVarint64(key, out);
    EncodeValue(value, out);
  }
}

Status DecodeProperties(std::string_view* in, PropertyList* out) {
  uint64_t n = 0;
  SMITH_RETURN_IF_ERROR(GetVarint64(in, &n).WithContext("property count"));
  if (n > in->size()) return Status::Corruption("property count exceeds record");
  out->clear();
  out->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key = 0;
    SMITH_RETURN_IF_ERROR(GetVarint64(in, &key).WithContext("property key"));
    if (key > UINT32_MAX) return Status::Corruption("property key id out of range");
    Value value;
    SMITH_RETURN_IF_ERROR(DecodeValue(in, &value));
    out->emplace_back(static_cast<TokenId>(key), std::move(value));
  }
  return Status::OK();
}

Status ExpectTag(std::string_view* in, RecordTag tag, const char* what) {
  if (in->empty() || static_cast<uint8_t>((*in)[0]) != static_cast<uint8_t>(tag)) {
    return Status::Corruption(std::string(what) + " has a missing or unknown tag byte");
  }
  in->remove_prefix(1);
  return Status::OK();
}

Status ExpectEnd(std::string_view in, const char* what) {
  if (!in.empty()) return Status::Corruption(std::string(what) + " has trailing bytes");
  return Status::OK();
}

}  // namespace

const Value* FindProperty(const PropertyList& props, TokenId key) {
  auto it = std::lower_bound(props.begin(), props.end(), key,
                             [](const auto& entry, TokenId k) { return entry.first < k; });
  return it != props.end() && it->first == key ? &it->second : nullptr;
}

Status DecodeNodeLabels(std::string_view in, std::vector<TokenId>* labels) {
  SMITH_RETURN_IF_ERROR(ExpectTag(&in, RecordTag::kNode, "node record"));
  return DecodeTokens(&in, labels, "node labels");
}

bool NodeRecord::HasLabel(TokenId label) const {
  return std::binary_search(labels.begin(), labels.end(), label);
}

const Value* NodeRecord::Find(TokenId key) const { return FindProperty(properties, key); }
const Value* RelRecord::Find(TokenId key) const { return FindProperty(properties, key); }

void EncodeNodeRecord(const NodeRecord& record, std::string* out) {
  out->push_back(static_cast<char>(RecordTag::kNode));
  EncodeTokens(record.labels, out);
  EncodeProperties(record.properties, out);
}

Status DecodeNodeRecord(std::string_view in, NodeRecord* out) {
  SMITH_RETURN_IF_ERROR(ExpectTag(&in, RecordTag::kNode, "node record"));
  SMITH_RETURN_IF_ERROR(DecodeTokens(&in, &out->labels, "node labels"));
  SMITH_RETURN_IF_ERROR(DecodeProperties(&in, &out->properties).WithContext("node record"));
  return ExpectEnd(in, "node record");
}

void EncodeRelRecord(const RelRecord& record, std::string* out) {
  out->push_back(static_cast<char>(RecordTag::kRel));
  PutVarint64(record.type, out);
  PutFixed64BE(record.start, out);
  PutFixed64BE(record.end, out);
  EncodeProperties(record.properties, out);
}

Status DecodeRelRecord(std::string_view in, RelRecord* out) {
  SMITH_RETURN_IF_ERROR(ExpectTag(&in, RecordTag::kRel, "relationship record"));
  uint64_t type = 0;
  SMITH_RETURN_IF_ERROR(GetVarint64(&in, &type).WithContext("relationship type"));
  if (type > UINT32_MAX || in.size() < 16) {
    return Status::Corruption("relationship record is truncated");
  }
  out->type = static_cast<TokenId>(type);
  out->start = DecodeFixed64BE(in.data());
  out->end = DecodeFixed64BE(in.data() + 8);
  in.remove_prefix(16);
  SMITH_RETURN_IF_ERROR(DecodeProperties(&in, &out->properties).WithContext("relationship record"));
  return ExpectEnd(in, "relationship record");
}

void EncodePatch(const RecordPatch& patch, std::string* out) {
  out->push_back(static_cast<char>(RecordTag::kPatch));
  EncodeTokens(patch.add_labels, out);
  EncodeTokens(patch.remove_labels, out);
  EncodeProperties(patch.set, out);
  EncodeTokens(patch.unset, out);
}

Status DecodePatch(std::string_view in, RecordPatch* out) {
  SMITH_RETURN_IF_ERROR(ExpectTag(&in, RecordTag::kPatch, "record patch"));
  SMITH_RETURN_IF_ERROR(DecodeTokens(&in, &out->add_labels, "patch labels"));
  SMITH_RETURN_IF_ERROR(DecodeTokens(&in, &out->remove_labels, "patch labels"));
  SMITH_RETURN_IF_ERROR(DecodeProperties(&in, &out->set).WithContext("record patch"));
  SMITH_RETURN_IF_ERROR(DecodeTokens(&in, &out->unset, "patch properties"));
  return ExpectEnd(in, "record patch");
}

void ApplyPatch(const RecordPatch& patch, std::vector<TokenId>* labels, PropertyList* properties) {
  if (labels != nullptr) ApplyLabels(patch, labels);
  if (properties == nullptr || (patch.set.empty() && patch.unset.empty())) return;
  ApplyProperties(patch, properties);
}

void ApplyLabels(const RecordPatch& patch, std::vector<TokenId>* labels) {
  for (TokenId l : patch.add_labels) {
    auto it = std::lower_bound(labels->begin(), labels->end(), l);
    if (it == labels->end() || *it != l) labels->insert(it, l);
  }
  for (TokenId l : patch.remove_labels) {
    auto it = std::lower_bound(labels->begin(), labels->end(), l);
    if (it != labels->end() && *it == l) labels->erase(it);
  }
}

void ApplyProperties(const RecordPatch& patch, PropertyList* properties) {
  // Merge three sorted sequences: existing properties, `set` (wins) and `unset` (drops).
  PropertyList merged;
  merged.reserve(properties->size() + patch.set.size());
  auto old_it = properties->begin();
  auto set_it = patch.set.begin();
  auto unset_it = patch.unset.begin();
  auto is_unset = [&](TokenId key) {
    while (unset_it != patch.unset.end() && *unset_it < key) ++unset_it;
    return unset_it != patch.unset.end() && *unset_it == key;
  };
  while (old_it != properties->end() || set_it != patch.set.end()) {
    if (set_it == patch.set.end() ||
        (old_it != properties->end() && old_it->first < set_it->first)) {
      if (!is_unset(old_it->first)) merged.push_back(std::move(*old_it));
      ++old_it;
    } else {
      if (old_it != properties->end() && old_it->first == set_it->first) ++old_it;
      merged.push_back(*set_it);
      ++set_it;
    }
  }
  *properties = std::move(merged);
}

void NormalizeProperties(PropertyList* list) {
  // Usually already strictly ascending (columns of an import file, a statement's map keys in
  // token order): no sort, no allocation.
  auto not_ascending = [](const auto& a, const auto& b) { return a.first >= b.first; };
  if (std::adjacent_find(list->begin(), list->end(), not_ascending) == list->end()) return;
  if (list->size() <= kInsertionSortMax) {
    // A statement's map (keys in name order, tokens in creation order): a stable insertion sort,
    // without the buffer std::stable_sort allocates.
    for (size_t i = 1; i < list->size(); ++i) {
      for (size_t j = i; j > 0 && (*list)[j].first < (*list)[j - 1].first; --j) {
        std::swap((*list)[j], (*list)[j - 1]);
      }
    }
  } else {
    std::stable_sort(list->begin(), list->end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  // Keep the last of each run of equal keys, in place.
  size_t kept = 0;
  for (size_t i = 0; i < list->size(); ++i) {
    if (kept > 0 && (*list)[kept - 1].first == (*list)[i].first) {
      (*list)[kept - 1] = std::move((*list)[i]);
    } else {
      if (kept != i) (*list)[kept] = std::move((*list)[i]);
      ++kept;
    }
  }
  list->resize(kept);
}

}  // namespace smith::graph
