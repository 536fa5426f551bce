// Node and relationship records, and the patches that update them without reading them.
//
//   node record := tag:1 (=0x01) nlabels:varint label:varint* props
//   rel record  := tag:1 (=0x02) type:varint start:8 end:8 props
//   props       := nprops:varint (key:varint value)*      keys strictly increasing
//   patch       := tag:1 (=0x10) nadd:varint label:varint* nremove:varint label:varint*
//                  nset:varint (key:varint value)* nunset:varint key:varint*
//
// `value` is EncodeValue() of common/record_codec.h. Labels are kept sorted and unique.
//
// Patches are RocksDB merge operands on the node and rel families (RecordMergeFunction): a
// property update of an existing element is one blind write instead of a read-modify-write, which
// keeps keyed upserts flat as the store grows (docs/adr/0006). A patch applied to a missing base
// record yields a node record built from the patch alone; the graph layer never writes a patch for
// an element that does not exist, so this only matters for robustness.
#ifndef SMITH_GRAPH_RECORD_H_
#define SMITH_GRAPH_RECORD_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/value.h"
#include "graph/ids.h"

namespace smith::graph {

// Properties sorted by key id, each key at most once, no null values.
using PropertyList = std::vector<std::pair<TokenId, Value>>;

struct NodeRecord {
  std::vector<TokenId> labels;  // sorted, unique
  PropertyList properties;

  bool HasLabel(TokenId label) const;
  const Value* Find(TokenId key) const;
};

struct RelRecord {
  TokenId type = 0;
  NodeId start = 0;
  NodeId end = 0;
  PropertyList properties;

  const Value* Find(TokenId key) const;
};

struct RecordPatch {
  std::vector<TokenId> add_labels;     // sorted, unique
  std::vector<TokenId> remove_labels;  // sorted, unique
  PropertyList set;                    // sorted by key; values non-null
  std::vector<TokenId> unset;          // sorted, unique; disjoint from `set`

  bool empty() const {
    return add_labels.empty() && remove_labels.empty() && set.empty() && unset.empty();
  }
};

enum class RecordTag : uint8_t { kNode = 0x01, kRel = 0x02, kPatch = 0x10 };

void EncodeNodeRecord(const NodeRecord& record, std::string* out);
Status DecodeNodeRecord(std::string_view in, NodeRecord* out);
void EncodeRelRecord(const RelRecord& record, std::string* out);
Status DecodeRelRecord(std::string_view in, RelRecord* out);
void EncodePatch(const RecordPatch& patch, std::string* out);
Status DecodePatch(std::string_view in, RecordPatch* out);

// Applies `patch` to `labels` / `properties` in place; either may be null to skip that part.
void ApplyPatch(const RecordPatch& patch, std::vector<TokenId>* labels, PropertyList* properties);
void ApplyLabels(const RecordPatch& patch, std::vector<TokenId>* labels);
void ApplyProperties(const RecordPatch& patch, PropertyList* properties);
// Decodes only the labels of a node record (cheap: they precede the properties).
Status DecodeNodeLabels(std::string_view in, std::vector<TokenId>* labels);
// The value of `key` in a sorted property list, or null.
const Value* FindProperty(const PropertyList& props, TokenId key);
// Sorts `list` by key; later entries win for duplicate keys.
void NormalizeProperties(PropertyList* list);

}  // namespace smith::graph

#endif  // SMITH_GRAPH_RECORD_H_
