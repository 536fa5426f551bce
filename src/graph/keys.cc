#include "graph/keys.h"

namespace smith::graph {

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kLabel:
      return "label";
    case TokenKind::kRelType:
      return "relationship type";
    case TokenKind::kPropertyKey:
      return "property key";
  }
  return "token";
}

namespace keys {

std::string IdKey(uint64_t id) {
  std::string k;
  PutFixed64BE(id, &k);
  return k;
}

std::string LabelPrefix(TokenId label) {
  std::string k;
  PutFixed32BE(label, &k);
  return k;
}

std::string LabelKey(TokenId label, NodeId node) {
  std::string k = LabelPrefix(label);
  PutFixed64BE(node, &k);
  return k;
}

std::string RelTypePrefix(TokenId type) { return LabelPrefix(type); }
std::string RelTypeKey(TokenId type, RelId rel) { return LabelKey(type, rel); }

std::string AdjPrefix(NodeId node) { return IdKey(node); }

std::string AdjPrefix(NodeId node, Direction dir) {
  std::string k = IdKey(node);
  k.push_back(static_cast<char>(dir));
  return k;
}

std::string AdjPrefix(NodeId node, Direction dir, TokenId type) {
  std::string k = AdjPrefix(node, dir);
  PutFixed32BE(type, &k);
  return k;
}

std::string AdjPrefix(NodeId node, Direction dir, TokenId type, NodeId other) {
  std::string k = AdjPrefix(node, dir, type);
  PutFixed64BE(other, &k);
  return k;
}

std::string AdjKey(NodeId node, Direction dir, TokenId type, NodeId other, RelId rel) {
  std::string k;
  k.reserve(kAdjKeyBytes);
  PutFixed64BE(node, &k);
  k.push_back(static_cast<char>(dir));
  PutFixed32BE(type, &k);
  PutFixed64BE(other, &k);
  PutFixed64BE(rel, &k);
  return k;
}

Status DecodeAdjKey(std::string_view key, AdjEntry* out) {
  if (key.size() != kAdjKeyBytes) {
    return Status::Corruption("adjacency key has " + std::to_string(key.size()) +
                              " bytes, expected " + std::to_string(kAdjKeyBytes));
  }
  const char* p = key.data();
  uint8_t dir = static_cast<uint8_t>(p[8]);
  if (dir > 1) return Status::Corruption("adjacency key has an unknown direction byte");
  out->node = DecodeFixed64BE(p);
  out->dir = static_cast<Direction>(dir);
  out->type = DecodeFixed32BE(p + 9);
  out->other = DecodeFixed64BE(p + 13);
  out->rel = DecodeFixed64BE(p + 21);
  return Status::OK();
}

std::string SchemaPrefix(SchemaId id) { return LabelPrefix(id); }

std::string TokenMetaKey(TokenKind kind, std::string_view name) {
  std::string k(kMetaTokenPrefix);
  k.push_back(static_cast<char>(kind));
  k.append(name);
  return k;
}

std::string SchemaMetaKey(SchemaId id) {
  std::string k(kMetaSchemaPrefix);
  PutFixed32BE(id, &k);
  return k;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

}  // namespace keys
}  // namespace smith::graph
