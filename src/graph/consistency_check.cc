#include "graph/consistency_check.h"

#include <memory>
#include <string>
#include <string_view>

#include "common/coding.h"
#include "graph/catalog.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/keys.h"
#include "graph/record.h"
#include "storage/engine.h"

namespace smith::graph {

namespace {

using storage::Family;

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

class Checker {
 public:
  Checker(Graph& graph, const ConsistencyCheckOptions& options)
      : graph_(graph),
        options_(options),
        view_(graph.engine().BeginRead()),
        catalog_(graph.catalog()) {}

  Result<ConsistencyReport> Run() {
    SMITH_RETURN_IF_ERROR(ReadCounters());
    CheckSchemaObjects();
    SMITH_RETURN_IF_ERROR(CheckNodes());
    SMITH_RETURN_IF_ERROR(CheckRels());
    SMITH_RETURN_IF_ERROR(CheckAdjacency());
    SMITH_RETURN_IF_ERROR(CheckLabelEntries());
    SMITH_RETURN_IF_ERROR(CheckTypeEntries());
    SMITH_RETURN_IF_ERROR(CheckUniqueEntries());
    SMITH_RETURN_IF_ERROR(CheckIndexEntries());
    return std::move(report_);
  }

 private:
  void Problem(std::string text) {
    ++report_.problem_count;
    if (report_.problems.size() < options_.max_reported_problems) {
      report_.problems.push_back(std::move(text));
    }
  }

  std::string Name(TokenKind kind, TokenId id) const {
    std::string_view name = graph_.tokens().Name(kind, id);
    if (name.empty()) return "<unknown token " + std::to_string(id) + ">";
    return std::string(name);
  }
  bool TokenExists(TokenKind kind, TokenId id) const {
    return !graph_.tokens().Name(kind, id).empty();
  }
  std::string Describe(const SchemaObject& o) const {
    const bool node = o.entity == EntityKind::kNode;
    std::string kind = o.kind == SchemaKind::kRangeIndex          ? "index"
                       : o.kind == SchemaKind::kNodeKeyConstraint ? "key constraint"
                                                                  : "uniqueness constraint";
    return kind + " `" + o.name + "` on " + (node ? ":" : "[:") +
           Name(node ? TokenKind::kLabel : TokenKind::kRelType, o.token) + (node ? "" : "]");
  }
  static std::string Element(EntityKind entity, uint64_t id) {
    return (entity == EntityKind::kNode ? "node " : "relationship ") + std::to_string(id);
  }

  Result<bool> Exists(Family f, const std::string& key) {
    std::string ignored;
    return view_->Get(f, key, &ignored);
  }

  Status ReadCounters() {
    auto read = [&](std::string_view key, uint64_t* out) -> Status {
      std::string value;
      SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(Family::kMeta, key, &value));
      if (!found) return Status::OK();
      if (value.size() != keys::kIdBytes) {
        Problem("meta entry " + std::string(key) + " is " + std::to_string(value.size()) +
                " bytes, expected 8");
        return Status::OK();
      }
      *out = DecodeFixed64BE(value.data());
      return Status::OK();
    };
    SMITH_RETURN_IF_ERROR(read(keys::kMetaNextNodeId, &next_node_id_));
    SMITH_RETURN_IF_ERROR(read(keys::kMetaNextRelId, &next_rel_id_));
    return Status::OK();
  }

  void CheckSchemaObjects() {
    for (const SchemaObject& o : catalog_->objects()) {
      const TokenKind kind =
          o.entity == EntityKind::kNode ? TokenKind::kLabel : TokenKind::kRelType;
      if (!TokenExists(kind, o.token)) {
        Problem(Describe(o) + " names " + TokenKindName(kind) + " token " +
                std::to_string(o.token) + ", which does not exist");
      }
      for (TokenId p : o.properties) {
        if (!TokenExists(TokenKind::kPropertyKey, p)) {
          Problem(Describe(o) + " names property key token " + std::to_string(p) +
                  ", which does not exist");
        }
      }
    }
  }

  void CheckPropertyTokens(EntityKind entity, uint64_t id, const PropertyList& props) {
    for (const auto& [key, value] : props) {
      if (!TokenExists(TokenKind::kPropertyKey, key)) {
        Problem(Element(entity, id) + " has a property with unknown key token " +
                std::to_string(key));
      }
    }
  }

  // The constraint and index entries an element with `props` must own under `o`.
  Status CheckSchemaEntries(const SchemaObject& o, uint64_t id, const PropertyList& props) {
    std::string tuple;
    if (!EncodeSchemaTuple(o, props, &tuple)) {
      if (o.kind == SchemaKind::kNodeKeyConstraint) {
        Problem(Element(o.entity, id) + " lacks a key property of " + Describe(o));
      }
      return Status::OK();
    }
    std::string key = keys::SchemaPrefix(o.id) + tuple;
    if (!o.is_constraint()) {
      PutFixed64BE(id, &key);
      SMITH_ASSIGN_OR_RETURN(bool found, Exists(Family::kIndex, key));
      if (!found) Problem(Element(o.entity, id) + " has no entry in " + Describe(o));
      return Status::OK();
    }
    std::string value;
    SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(Family::kUnique, key, &value));
    if (!found) {
      Problem(Element(o.entity, id) + " has no entry in " + Describe(o));
    } else if (value.size() != keys::kIdBytes) {
      Problem("entry " + Hex(key) + " of " + Describe(o) + " has a malformed value");
    } else if (uint64_t owner = DecodeFixed64BE(value.data()); owner != id) {
      Problem(Element(o.entity, id) + " and " + Element(o.entity, owner) +
              " may share a key under " + Describe(o) + " (the key's entry names " +
              std::to_string(owner) + ")");
    }
    return Status::OK();
  }

  Status CheckNodes() {
    auto it = view_->NewIterator(Family::kNode, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.nodes;
      if (it->key().size() != keys::kIdBytes) {
        Problem("node family key " + Hex(it->key()) + " is not 8 bytes");
        continue;
      }
      const NodeId id = DecodeFixed64BE(it->key().data());
      if (id >= next_node_id_) {
        Problem("node " + std::to_string(id) + " is not below the node id counter " +
                std::to_string(next_node_id_));
      }
      NodeRecord node;
      if (Status s = DecodeNodeRecord(it->value(), &node); !s.ok()) {
        Problem("node " + std::to_string(id) + " does not decode: " + std::string(s.message()));
        continue;
      }
      CheckPropertyTokens(EntityKind::kNode, id, node.properties);
      for (TokenId label : node.labels) {
        if (!TokenExists(TokenKind::kLabel, label)) {
          Problem("node " + std::to_string(id) + " has unknown label token " +
                  std::to_string(label));
        }
        SMITH_ASSIGN_OR_RETURN(bool found, Exists(Family::kLabel, keys::LabelKey(label, id)));
        if (!found) {
          Problem("node " + std::to_string(id) + " has label :" + Name(TokenKind::kLabel, label) +
                  " but no label entry");
        }
        for (const SchemaObject* o : catalog_->ForToken(EntityKind::kNode, label)) {
          SMITH_RETURN_IF_ERROR(CheckSchemaEntries(*o, id, node.properties));
        }
      }
    }
    return it->status();
  }

  Status CheckRels() {
    auto it = view_->NewIterator(Family::kRel, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.relationships;
      if (it->key().size() != keys::kIdBytes) {
        Problem("rel family key " + Hex(it->key()) + " is not 8 bytes");
        continue;
      }
      const RelId id = DecodeFixed64BE(it->key().data());
      const std::string what = "relationship " + std::to_string(id);
      if (id >= next_rel_id_) {
        Problem(what + " is not below the relationship id counter " + std::to_string(next_rel_id_));
      }
      RelRecord rel;
      if (Status s = DecodeRelRecord(it->value(), &rel); !s.ok()) {
        Problem(what + " does not decode: " + std::string(s.message()));
        continue;
      }
      CheckPropertyTokens(EntityKind::kRelationship, id, rel.properties);
      if (!TokenExists(TokenKind::kRelType, rel.type)) {
        Problem(what + " has unknown type token " + std::to_string(rel.type));
      }
      SMITH_ASSIGN_OR_RETURN(bool start, Exists(Family::kNode, keys::IdKey(rel.start)));
      if (!start) Problem(what + " starts at missing node " + std::to_string(rel.start));
      SMITH_ASSIGN_OR_RETURN(bool end, Exists(Family::kNode, keys::IdKey(rel.end)));
      if (!end) Problem(what + " ends at missing node " + std::to_string(rel.end));
      SMITH_ASSIGN_OR_RETURN(bool typed, Exists(Family::kRelType, keys::RelTypeKey(rel.type, id)));
      if (!typed) Problem(what + " has no relationship type entry");
      SMITH_ASSIGN_OR_RETURN(
          bool out, Exists(Family::kAdj,
                           keys::AdjKey(rel.start, Direction::kOutgoing, rel.type, rel.end, id)));
      if (!out) {
        Problem(what + " has no outgoing adjacency entry under its start node " +
                std::to_string(rel.start));
      }
      SMITH_ASSIGN_OR_RETURN(
          bool in, Exists(Family::kAdj,
                          keys::AdjKey(rel.end, Direction::kIncoming, rel.type, rel.start, id)));
      if (!in) {
        Problem(what + " has no incoming adjacency entry under its end node " +
                std::to_string(rel.end));
      }
      for (const SchemaObject* o : catalog_->ForToken(EntityKind::kRelationship, rel.type)) {
        SMITH_RETURN_IF_ERROR(CheckSchemaEntries(*o, id, rel.properties));
      }
    }
    return it->status();
  }

  // Reads relationship `id` for an entry check; false (problem reported) when it is missing or
  // damaged.
  Result<bool> ReadRel(RelId id, const std::string& entry, RelRecord* rel) {
    std::string value;
    SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(Family::kRel, keys::IdKey(id), &value));
    if (!found) {
      Problem(entry + " names missing relationship " + std::to_string(id));
      return false;
    }
    if (!DecodeRelRecord(value, rel).ok()) return false;  // reported by CheckRels
    return true;
  }
  Result<bool> ReadNode(NodeId id, const std::string& entry, NodeRecord* node) {
    std::string value;
    SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(Family::kNode, keys::IdKey(id), &value));
    if (!found) {
      Problem(entry + " names missing node " + std::to_string(id));
      return false;
    }
    if (!DecodeNodeRecord(value, node).ok()) return false;  // reported by CheckNodes
    return true;
  }

  Status CheckAdjacency() {
    auto it = view_->NewIterator(Family::kAdj, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.adjacency_entries;
      keys::AdjEntry e;
      if (!keys::DecodeAdjKey(it->key(), &e).ok()) {
        Problem("malformed adjacency entry " + Hex(it->key()));
        continue;
      }
      const bool outgoing = e.dir == Direction::kOutgoing;
      const std::string entry = std::string(outgoing ? "outgoing" : "incoming") +
                                " adjacency entry of node " + std::to_string(e.node) + " (rel " +
                                std::to_string(e.rel) + ")";
      RelRecord rel;
      SMITH_ASSIGN_OR_RETURN(bool found, ReadRel(e.rel, entry, &rel));
      if (!found) continue;
      const NodeId here = outgoing ? rel.start : rel.end;
      const NodeId there = outgoing ? rel.end : rel.start;
      if (rel.type != e.type || here != e.node || there != e.other) {
        Problem(entry + " says (" + std::to_string(e.node) +
                ")-[:" + Name(TokenKind::kRelType, e.type) + "]-(" + std::to_string(e.other) +
                ") but the relationship is (" + std::to_string(rel.start) + ")-[:" +
                Name(TokenKind::kRelType, rel.type) + "]->(" + std::to_string(rel.end) + ")");
      }
    }
    return it->status();
  }

  Status CheckLabelEntries() {
    auto it = view_->NewIterator(Family::kLabel, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.label_entries;
      if (it->key().size() != keys::kTokenBytes + keys::kIdBytes) {
        Problem("malformed label entry " + Hex(it->key()));
        continue;
      }
      const TokenId label = DecodeFixed32BE(it->key().data());
      const NodeId id = DecodeFixed64BE(it->key().data() + keys::kTokenBytes);
      const std::string entry =
          "label entry (:" + Name(TokenKind::kLabel, label) + ", " + std::to_string(id) + ")";
      NodeRecord node;
      SMITH_ASSIGN_OR_RETURN(bool found, ReadNode(id, entry, &node));
      if (found && !node.HasLabel(label)) Problem(entry + " names a node without that label");
    }
    return it->status();
  }

  Status CheckTypeEntries() {
    auto it = view_->NewIterator(Family::kRelType, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.type_entries;
      if (it->key().size() != keys::kTokenBytes + keys::kIdBytes) {
        Problem("malformed relationship type entry " + Hex(it->key()));
        continue;
      }
      const TokenId type = DecodeFixed32BE(it->key().data());
      const RelId id = DecodeFixed64BE(it->key().data() + keys::kTokenBytes);
      const std::string entry = "relationship type entry ([:" + Name(TokenKind::kRelType, type) +
                                "], " + std::to_string(id) + ")";
      RelRecord rel;
      SMITH_ASSIGN_OR_RETURN(bool found, ReadRel(id, entry, &rel));
      if (found && rel.type != type) Problem(entry + " names a relationship of another type");
    }
    return it->status();
  }

  // The properties of element `id` when it exists and carries o's label or type; nullptr
  // otherwise (with a problem reported when `report_missing`).
  Result<const PropertyList*> SchemaElement(const SchemaObject& o, uint64_t id,
                                            const std::string& entry, bool report_missing) {
    std::string value;
    const bool node = o.entity == EntityKind::kNode;
    SMITH_ASSIGN_OR_RETURN(
        bool found, view_->Get(node ? Family::kNode : Family::kRel, keys::IdKey(id), &value));
    if (!found) {
      if (report_missing) Problem(entry + " names missing " + Element(o.entity, id));
      return nullptr;
    }
    if (node) {
      if (!DecodeNodeRecord(value, &scratch_node_).ok()) return nullptr;
      if (!scratch_node_.HasLabel(o.token)) {
        if (report_missing) Problem(entry + " names " + Element(o.entity, id) + " without label");
        return nullptr;
      }
      return &scratch_node_.properties;
    }
    if (!DecodeRelRecord(value, &scratch_rel_).ok()) return nullptr;
    if (scratch_rel_.type != o.token) {
      if (report_missing) Problem(entry + " names " + Element(o.entity, id) + " of another type");
      return nullptr;
    }
    return &scratch_rel_.properties;
  }

  const SchemaObject* SchemaOfEntry(std::string_view key, const char* family) {
    if (key.size() < keys::kTokenBytes) {
      Problem(std::string("malformed ") + family + " entry " + Hex(key));
      return nullptr;
    }
    const SchemaId id = DecodeFixed32BE(key.data());
    const SchemaObject* o = catalog_->FindById(id);
    if (o == nullptr) {
      Problem(std::string(family) + " entry " + Hex(key) + " belongs to no schema object (id " +
              std::to_string(id) + ")");
    }
    return o;
  }

  Status CheckUniqueEntries() {
    auto it = view_->NewIterator(Family::kUnique, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.unique_entries;
      const SchemaObject* o = SchemaOfEntry(it->key(), "unique");
      if (o == nullptr) continue;
      const std::string entry = "entry " + Hex(it->key()) + " of " + Describe(*o);
      if (!o->is_constraint()) {
        Problem(entry + " is in the unique family, but the schema object is an index");
        continue;
      }
      if (it->value().size() != keys::kIdBytes) {
        Problem(entry + " has a malformed value");
        continue;
      }
      const uint64_t id = DecodeFixed64BE(it->value().data());
      const std::string key(it->key());
      SMITH_ASSIGN_OR_RETURN(const PropertyList* props, SchemaElement(*o, id, entry, true));
      if (props == nullptr) continue;
      std::string current = keys::SchemaPrefix(o->id);
      if (!EncodeSchemaTuple(*o, *props, &current) || current != key) {
        Problem(entry + " does not match the current key of " + Element(o->entity, id));
      }
    }
    return it->status();
  }

  Status CheckIndexEntries() {
    auto it = view_->NewIterator(Family::kIndex, "", "");
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++report_.index_entries;
      const SchemaObject* o = SchemaOfEntry(it->key(), "index");
      if (o == nullptr) continue;
      const std::string key(it->key());
      if (o->is_constraint() || key.size() < keys::kTokenBytes + keys::kIdBytes) {
        Problem("malformed index entry " + Hex(key) + " of " + Describe(*o));
        continue;
      }
      const uint64_t id = DecodeFixed64BE(key.data() + key.size() - keys::kIdBytes);
      SMITH_ASSIGN_OR_RETURN(const PropertyList* props, SchemaElement(*o, id, key, false));
      std::string current = keys::SchemaPrefix(o->id);
      if (props == nullptr || !EncodeSchemaTuple(*o, *props, &current)) {
        ++report_.stale_index_entries;
        continue;
      }
      PutFixed64BE(id, &current);
      if (current != key) ++report_.stale_index_entries;
    }
    return it->status();
  }

  Graph& graph_;
  const ConsistencyCheckOptions options_;
  std::unique_ptr<storage::ReadTransaction> view_;
  std::shared_ptr<const CatalogSnapshot> catalog_;
  uint64_t next_node_id_ = 0;
  uint64_t next_rel_id_ = 0;
  NodeRecord scratch_node_;
  RelRecord scratch_rel_;
  ConsistencyReport report_;
};

}  // namespace

Result<ConsistencyReport> CheckConsistency(Graph& graph, const ConsistencyCheckOptions& options) {
  return Checker(graph, options).Run();
}

}  // namespace smith::graph
