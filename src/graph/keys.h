// Physical key layouts of the graph layer's column families (docs/storage-format.md has the
// byte-level description; keep the two in step).
//
// All integers in keys are fixed-width big-endian so that RocksDB's bytewise order equals
// numeric order and prefixes group related entries:
//
//   node     node_id:8                                         -> node record
//   rel      rel_id:8                                          -> relationship record
//   adj      node_id:8 dir:1 type:4 other_id:8 rel_id:8        -> ""
//   label    label:4 node_id:8                                 -> ""
//   reltype  type:4 rel_id:8                                   -> ""
//   unique   schema_id:4 key_tuple:*                           -> element_id:8
//   index    schema_id:4 key_tuple:* element_id:8              -> ""
//   meta     "g/..."                                           -> graph metadata (see below)
//
// key_tuple is EncodeKeyTuple() of common/key_codec.h: order preserving and self-delimiting.
#ifndef SMITH_GRAPH_KEYS_H_
#define SMITH_GRAPH_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/coding.h"
#include "common/status.h"
#include "graph/ids.h"

namespace smith::graph::keys {

inline constexpr size_t kIdBytes = 8;
inline constexpr size_t kTokenBytes = 4;
inline constexpr size_t kAdjKeyBytes = kIdBytes + 1 + kTokenBytes + kIdBytes + kIdBytes;

// Meta keys written by the graph layer. The storage layer owns "format_version".
inline constexpr std::string_view kMetaNextNodeId = "g/next_node_id";
inline constexpr std::string_view kMetaNextRelId = "g/next_rel_id";
inline constexpr std::string_view kMetaNextSchemaId = "g/next_schema_id";
// "g/tok/" kind:1 name -> token id:4
inline constexpr std::string_view kMetaTokenPrefix = "g/tok/";
// "g/schema/" schema_id:4 -> schema object record (see catalog.h)
inline constexpr std::string_view kMetaSchemaPrefix = "g/schema/";

std::string IdKey(uint64_t id);  // node and rel families

// The node and relationship families' memtables are hashed on the first kNodeGroupBytes bytes
// of the key (graph/storage_layout.cc): each hash group holds 256 consecutive ids, in slots by
// the last byte (storage/slot_memtable.h). Reads of nodes in id order walk the family one group
// at a time (NodeWalker), in prefix mode, which needs no ordering of the groups.
inline constexpr size_t kNodeGroupBytes = 7;
inline constexpr int kNodeGroupShift = 8 * (kIdBytes - kNodeGroupBytes);
std::string LabelKey(TokenId label, NodeId node);
std::string LabelPrefix(TokenId label);
std::string RelTypeKey(TokenId type, RelId rel);
std::string RelTypePrefix(TokenId type);

std::string AdjKey(NodeId node, Direction dir, TokenId type, NodeId other, RelId rel);
// Prefixes of increasing length for adjacency seeks.
std::string AdjPrefix(NodeId node);
std::string AdjPrefix(NodeId node, Direction dir);
std::string AdjPrefix(NodeId node, Direction dir, TokenId type);
std::string AdjPrefix(NodeId node, Direction dir, TokenId type, NodeId other);

struct AdjEntry {
  NodeId node;
  Direction dir;
  TokenId type;
  NodeId other;
  RelId rel;
};
Status DecodeAdjKey(std::string_view key, AdjEntry* out);

std::string SchemaPrefix(SchemaId id);
std::string TokenMetaKey(TokenKind kind, std::string_view name);
std::string SchemaMetaKey(SchemaId id);

// The smallest key strictly greater than every key starting with `prefix` ("" if none exists).
std::string PrefixEnd(std::string_view prefix);

}  // namespace smith::graph::keys

#endif  // SMITH_GRAPH_KEYS_H_
