// GraphWriter's schema operations: creating and dropping constraints and indexes.

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "common/coding.h"
#include "common/utf8.h"
#include "graph/graph.h"
#include "graph/graph_writer.h"
#include "storage/engine.h"

namespace smith::graph {

using storage::Family;

namespace {

const char* KindWord(SchemaKind kind) {
  switch (kind) {
    case SchemaKind::kUniqueConstraint:
      return "uniqueness constraint";
    case SchemaKind::kNodeKeyConstraint:
      return "key constraint";
    case SchemaKind::kRangeIndex:
      return "index";
  }
  return "schema object";
}

}  // namespace

Result<SchemaId> GraphWriter::CreateSchemaObject(SchemaKind kind, EntityKind entity,
                                                 std::string name, TokenId token,
                                                 std::vector<TokenId> properties) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  if (properties.empty()) {
    return Status::InvalidArgument(std::string("a ") + KindWord(kind) +
                                   " needs at least one property");
  }
  std::vector<TokenId> sorted = properties;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::InvalidArgument(std::string("a ") + KindWord(kind) +
                                   " cannot list the same property twice");
  }
  const bool node = entity == EntityKind::kNode;
  std::string schema_text =
      std::string(node ? "(:" : "()-[:") +
      std::string(TokenName(node ? TokenKind::kLabel : TokenKind::kRelType, token)) + " {";
  for (size_t i = 0; i < properties.size(); ++i) {
    schema_text += (i ? ", " : "") + std::string(TokenName(TokenKind::kPropertyKey, properties[i]));
  }
  schema_text += node ? "})" : "}]-()";
  if (name.empty()) {
    char hex[9];
    std::snprintf(hex, sizeof(hex), "%08x",
                  static_cast<unsigned>(std::hash<std::string>()(
                      std::to_string(static_cast<int>(kind)) + schema_text)));
    name = std::string(kind == SchemaKind::kRangeIndex ? "index_" : "constraint_") + hex;
  }
  SMITH_RETURN_IF_ERROR(ValidateUtf8(name, "schema name"));
  // Neo4j's order of checks: an equivalent rule (same kind and schema, whatever its name) first,
  // then the name, then a rule of another kind on the same schema.
  for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
    if (o->properties == properties && o->kind == kind) {
      return Status::AlreadyExists("An equivalent " + std::string(KindWord(kind)) +
                                   " already exists, '" + o->name + "' on " + schema_text + ".");
    }
  }
  if (const SchemaObject* same = catalog_->FindByName(name)) {
    return Status(same->is_constraint() ? StatusCode::kConstraintWithNameAlreadyExists
                                        : StatusCode::kIndexWithNameAlreadyExists,
                  std::string("There already exists ") +
                      (same->is_constraint() ? "a constraint" : "an index") + " called '" + name +
                      "'.");
  }
  for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
    if (o->properties != properties) continue;
    const bool new_is_constraint = kind != SchemaKind::kRangeIndex;
    if (o->is_constraint() && new_is_constraint) {
      return Status(StatusCode::kConstraintAlreadyExists, "Constraint already exists: '" + o->name +
                                                              "' (" + KindWord(o->kind) + ") on " +
                                                              schema_text + ".");
    }
    if (o->is_constraint() != new_is_constraint) {
      return o->is_constraint()
                 ? Status(StatusCode::kConstraintAlreadyExists,
                          "There is a constraint on " + schema_text +
                              ", so an index is already created that matches this: '" + o->name +
                              "'.")
                 : Status(StatusCode::kIndexAlreadyExists,
                          "There already exists an index '" + o->name + "' on " + schema_text +
                              ". A constraint cannot be created until the index has been "
                              "dropped.");
    }
  }
  SchemaObject object;
  object.id = next_schema_id_;
  object.kind = kind;
  object.entity = entity;
  object.name = std::move(name);
  object.token = token;
  object.properties = std::move(properties);

  // Publish the object to this transaction's catalog first so that population writes its
  // entries through the ordinary paths; on failure the transaction's catalog is restored.
  auto previous = catalog_;
  std::vector<SchemaObject> objects = catalog_->objects();
  objects.push_back(object);
  catalog_ = std::make_shared<CatalogSnapshot>(std::move(objects));
  Status populated = PopulateSchemaObject(object);
  if (!populated.ok()) {
    catalog_ = std::move(previous);
    const StatusCode code = populated.code() == StatusCode::kConstraintViolation
                                ? StatusCode::kConstraintCreationFailed
                                : populated.code();
    return Status(code, "Unable to create " + std::string(KindWord(kind)) + " '" + object.name +
                            "' on " + schema_text + ": " + std::string(populated.message()));
  }
  ++next_schema_id_;
  std::string record;
  EncodeSchemaObject(object, &record);
  txn_->Put(Family::kMeta, keys::SchemaMetaKey(object.id), record);
  catalog_changed_ = true;
  if (object.is_constraint()) {
    counters_.constraints_added++;
  } else {
    counters_.indexes_added++;
  }
  return object.id;
}

// Validates (constraints) or indexes (indexes) every existing element of the object's token.
// Writes nothing unless every element passes.
Status GraphWriter::PopulateSchemaObject(const SchemaObject& object) {
  const bool node = object.entity == EntityKind::kNode;
  std::unique_ptr<IdCursor> cursor = node ? ScanLabel(object.token) : ScanRelType(object.token);
  std::vector<std::pair<std::string, uint64_t>> entries;
  std::unordered_map<std::string, uint64_t> seen;
  uint64_t id = 0;
  NodeRecord node_record;
  RelRecord rel_record;
  while (cursor->Next(&id)) {
    const PropertyList* props = nullptr;
    if (node) {
      SMITH_ASSIGN_OR_RETURN(bool found, GetNode(id, &node_record));
      if (!found) continue;
      props = &node_record.properties;
    } else {
      SMITH_ASSIGN_OR_RETURN(bool found, GetRel(id, &rel_record));
      if (!found) continue;
      props = &rel_record.properties;
    }
    std::string tuple;
    if (!EncodeSchemaTuple(object, *props, &tuple)) {
      if (object.kind == SchemaKind::kNodeKeyConstraint) {
        return Status::ConstraintViolation(std::string(node ? "Node(" : "Relationship(") +
                                           std::to_string(id) +
                                           ") does not have all the key properties");
      }
      continue;
    }
    if (object.is_constraint()) {
      auto [it, inserted] = seen.emplace(tuple, id);
      if (!inserted) {
        return Status::ConstraintViolation(
            std::string("Both ") + (node ? "Node(" : "Relationship(") + std::to_string(it->second) +
            ") and " + (node ? "Node(" : "Relationship(") + std::to_string(id) + ") have the " +
            (node ? "label" : "type") + " `" +
            std::string(TokenName(node ? TokenKind::kLabel : TokenKind::kRelType, object.token)) +
            "` and " + DescribeProperties(object, *props));
      }
    }
    entries.emplace_back(std::move(tuple), id);
  }
  SMITH_RETURN_IF_ERROR(cursor->status());
  cursor.reset();
  for (auto& [tuple, element] : entries) {
    if (object.is_constraint()) {
      PutUnique(object, tuple, element);
    } else {
      std::string key = keys::SchemaPrefix(object.id) + tuple;
      PutFixed64BE(element, &key);
      txn_->Put(Family::kIndex, key, "");
    }
  }
  return Status::OK();
}

Status GraphWriter::DropSchemaObject(std::string_view name) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  const SchemaObject* found = catalog_->FindByName(name);
  if (found == nullptr) {
    return Status::NotFound("There is no constraint or index named '" + std::string(name) + "'.");
  }
  const SchemaObject object = *found;
  const Family family = object.is_constraint() ? Family::kUnique : Family::kIndex;
  std::string prefix = keys::SchemaPrefix(object.id);
  std::vector<std::string> doomed;
  {
    auto it = view_->NewIterator(family, prefix, keys::PrefixEnd(prefix));
    for (it->SeekToFirst(); it->Valid(); it->Next()) doomed.emplace_back(it->key());
    SMITH_RETURN_IF_ERROR(it->status());
  }
  for (const std::string& key : doomed) txn_->Delete(family, key);
  txn_->Delete(Family::kMeta, keys::SchemaMetaKey(object.id));
  std::vector<SchemaObject> objects;
  for (const SchemaObject& o : catalog_->objects()) {
    if (o.id != object.id) objects.push_back(o);
  }
  catalog_ = std::make_shared<CatalogSnapshot>(std::move(objects));
  dropped_schema_.push_back(object.id);
  catalog_changed_ = true;
  if (object.is_constraint()) {
    counters_.constraints_removed++;
  } else {
    counters_.indexes_removed++;
  }
  return Status::OK();
}

}  // namespace smith::graph
