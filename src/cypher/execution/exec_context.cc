#include "cypher/execution/exec_context.h"

#include "cypher/execution/cypher_error.h"
#include "cypher/functions/temporal_property.h"
#include "graph/node_record_reader.h"

namespace smith::exec {

using graph::TokenKind;

ExecContext::ExecContext(graph::GraphReader& reader, graph::GraphWriter* writer,
                         const ValueMap& parameters)
    : reader_(reader), writer_(writer), parameters_(parameters) {}

graph::GraphWriter& ExecContext::writer() {
  if (writer_ == nullptr) {
    ThrowError(StatusCode::kInvalidState,
               "Writing in a read access mode transaction is not allowed.");
  }
  return *writer_;
}

const Value& ExecContext::Parameter(const std::string& name) const {
  const Value* value = parameters_.Find(name);
  if (value == nullptr) {
    ThrowError(StatusCode::kParameterMissing, "Expected parameter(s): " + name);
  }
  return *value;
}

const graph::NodeRecord* ExecContext::NodeRecordOf(graph::NodeId id) {
  if (cached_node_id_ != id) {
    cached_node_id_ = id;
    // Without pending writes, records come through the sequential reader (fast for scans).
    if (writer_ == nullptr && node_records_ == nullptr) {
      node_records_ = reader_.NewNodeRecordReader();
    }
    auto found = writer_ == nullptr ? node_records_->Read(id, &cached_node_)
                                    : reader_.GetNode(id, &cached_node_);
    if (!found.ok()) {
      cached_node_id_.reset();
      throw CypherError(found.status());
    }
    cached_node_exists_ = *found;
  }
  return cached_node_exists_ ? &cached_node_ : nullptr;
}

const graph::RelRecord* ExecContext::RelRecordOf(graph::RelId id) {
  if (cached_rel_id_ != id) {
    cached_rel_id_ = id;
    auto found = reader_.GetRel(id, &cached_rel_);
    if (!found.ok()) {
      cached_rel_id_.reset();
      throw CypherError(found.status());
    }
    cached_rel_exists_ = *found;
  }
  return cached_rel_exists_ ? &cached_rel_ : nullptr;
}

void ExecContext::AdoptRelRecord(graph::RelId id, graph::RelRecord* record) {
  std::swap(cached_rel_, *record);
  cached_rel_id_ = id;
  cached_rel_exists_ = true;
}

const graph::NodeRecord& ExecContext::LiveNodeRecord(graph::NodeId id) {
  const graph::NodeRecord* record = NodeRecordOf(id);
  if (record == nullptr) {
    ThrowError(StatusCode::kEntityNotFound,
               "Node with id " + std::to_string(id) + " has been deleted in this transaction");
  }
  return *record;
}

const graph::RelRecord& ExecContext::LiveRelRecord(graph::RelId id) {
  const graph::RelRecord* record = RelRecordOf(id);
  if (record == nullptr) {
    ThrowError(StatusCode::kEntityNotFound, "Relationship with id " + std::to_string(id) +
                                                " has been deleted in this transaction");
  }
  return *record;
}

void ExecContext::ForgetCachedRecords() {
  cached_node_id_.reset();
  cached_rel_id_.reset();
}

std::optional<graph::TokenId> ExecContext::FindToken(TokenKind kind, std::string_view name) const {
  return reader_.FindToken(kind, name);
}

std::string_view ExecContext::TokenName(TokenKind kind, graph::TokenId id) const {
  return reader_.TokenName(kind, id);
}

graph::TokenId ExecContext::Token(TokenKind kind, std::string_view name) {
  return ValueOrThrow(writer().GetOrCreateToken(kind, name));
}

Value ExecContext::Property(const Value& object, std::string_view key) {
  switch (object.type()) {
    case ValueType::kNull:
      return Value();
    case ValueType::kNode: {
      auto token = FindToken(TokenKind::kPropertyKey, key);
      if (!token) return Value();
      const Value* value = LiveNodeRecord(object.AsNode().id).Find(*token);
      return value ? *value : Value();
    }
    case ValueType::kRelationship: {
      auto token = FindToken(TokenKind::kPropertyKey, key);
      if (!token) return Value();
      const Value* value = LiveRelRecord(object.AsRelationship().id).Find(*token);
      return value ? *value : Value();
    }
    case ValueType::kMap: {
      const Value* value = object.AsMap().Find(key);
      return value ? *value : Value();
    }
    default:
      if (object.is_temporal() || object.type() == ValueType::kDuration) {
        return ValueOrThrow(cypher::TemporalProperty(object, key));
      }
      ThrowError(StatusCode::kTypeError, "Type mismatch: expected a map but was " +
                                             std::string(ValueTypeName(object.type())));
  }
}

Value ExecContext::NodeRef(graph::NodeId id) {
  Node node;
  node.id = static_cast<int64_t>(id);
  return Value(std::move(node));
}

Value ExecContext::RelRef(graph::RelId id, graph::TokenId type, graph::NodeId start,
                          graph::NodeId end) {
  Relationship rel;
  rel.id = static_cast<int64_t>(id);
  rel.type = std::string(TokenName(TokenKind::kRelType, type));
  rel.start_id = static_cast<int64_t>(start);
  rel.end_id = static_cast<int64_t>(end);
  return Value(std::move(rel));
}

ValueMap ExecContext::PropertiesOf(const graph::PropertyList& props) const {
  std::vector<ValueMap::Entry> entries;
  entries.reserve(props.size());
  for (const auto& [key, value] : props) {
    entries.emplace_back(std::string(TokenName(TokenKind::kPropertyKey, key)), value);
  }
  return ValueMap::FromEntries(std::move(entries));
}

Value ExecContext::MaterializeNode(graph::NodeId id) {
  Node node;
  node.id = static_cast<int64_t>(id);
  if (const graph::NodeRecord* record = NodeRecordOf(id)) {
    for (graph::TokenId label : record->labels) {
      node.labels.emplace_back(TokenName(TokenKind::kLabel, label));
    }
    node.properties = PropertiesOf(record->properties);
  }
  return Value(std::move(node));
}

Value ExecContext::MaterializeRel(const Relationship& ref) {
  Relationship rel = ref;
  if (const graph::RelRecord* record = RelRecordOf(static_cast<graph::RelId>(ref.id))) {
    rel.properties = PropertiesOf(record->properties);
  }
  return Value(std::move(rel));
}

Value ExecContext::Materialize(const Value& value) {
  switch (value.type()) {
    case ValueType::kNode:
      return MaterializeNode(static_cast<graph::NodeId>(value.AsNode().id));
    case ValueType::kRelationship:
      return MaterializeRel(value.AsRelationship());
    case ValueType::kPath: {
      Path path;
      for (const Node& n : value.AsPath().nodes) {
        path.nodes.push_back(MaterializeNode(static_cast<graph::NodeId>(n.id)).AsNode());
      }
      for (const Relationship& r : value.AsPath().relationships) {
        path.relationships.push_back(MaterializeRel(r).AsRelationship());
      }
      return Value(std::move(path));
    }
    case ValueType::kList: {
      std::vector<Value> items;
      items.reserve(value.AsList().size());
      for (const Value& item : value.AsList()) items.push_back(Materialize(item));
      return Value::List(std::move(items));
    }
    case ValueType::kMap: {
      std::vector<ValueMap::Entry> entries;
      for (const auto& [k, v] : value.AsMap()) entries.emplace_back(k, Materialize(v));
      return Value::Map(ValueMap::FromSortedUnique(std::move(entries)));
    }
    default:
      return value;
  }
}

}  // namespace smith::exec
