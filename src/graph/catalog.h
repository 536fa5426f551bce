// The schema catalog: constraints and property indexes.
//
// Every schema object has a name unique across constraints and indexes, an id (shared id space),
// a kind, the entity kind (nodes or relationships), one label or relationship type, and an
// ordered list of property keys. Uniqueness and node-key constraints own their index: entries in
// the `unique` family keyed by (schema id, key tuple). Property indexes keep entries in the
// `index` family keyed by (schema id, value tuple, element id) and are maintained lazily (see
// docs/adr/0006-lazy-property-index-maintenance.md): writers add entries blindly and readers
// validate each hit against the element's current record.
//
// Persistence: meta entry "g/schema/" id:4 -> EncodeSchemaObject(). The catalog in memory is an
// immutable CatalogSnapshot behind a shared_ptr, replaced (copy on write) when the writer commits
// a schema change, so readers never block and never see half a change.
//
// Thread safety: Catalog is thread-safe; CatalogSnapshot is immutable.
#ifndef SMITH_GRAPH_CATALOG_H_
#define SMITH_GRAPH_CATALOG_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graph/ids.h"

namespace smith::storage {
class ReadView;
}

namespace smith::graph {

// DO NOT CHANGE THESE ENUM VALUES: they are embedded in on-disk schema records.
enum class SchemaKind : uint8_t {
  kUniqueConstraint = 0,   // IS UNIQUE: no two entities share the (non-null) key tuple
  kNodeKeyConstraint = 1,  // IS NODE KEY: unique, and every key property must be present
  kRangeIndex = 2,         // CREATE INDEX: equality and range seeks
};
enum class EntityKind : uint8_t { kNode = 0, kRelationship = 1 };

struct SchemaObject {
  SchemaId id = 0;
  SchemaKind kind = SchemaKind::kRangeIndex;
  EntityKind entity = EntityKind::kNode;
  std::string name;
  TokenId token = 0;                // label or relationship type
  std::vector<TokenId> properties;  // in declaration order

  bool is_constraint() const { return kind != SchemaKind::kRangeIndex; }
};

void EncodeSchemaObject(const SchemaObject& object, std::string* out);
Status DecodeSchemaObject(SchemaId id, std::string_view in, SchemaObject* out);

class CatalogSnapshot {
 public:
  explicit CatalogSnapshot(std::vector<SchemaObject> objects);
  // Not copyable: the lookup tables point into objects_.
  CatalogSnapshot(const CatalogSnapshot&) = delete;
  CatalogSnapshot& operator=(const CatalogSnapshot&) = delete;

  const std::vector<SchemaObject>& objects() const { return objects_; }
  const SchemaObject* FindByName(std::string_view name) const;
  const SchemaObject* FindById(SchemaId id) const;
  // An object of the same kind, entity, token and property list, if any.
  const SchemaObject* FindEquivalent(SchemaKind kind, EntityKind entity, TokenId token,
                                     const std::vector<TokenId>& properties) const;
  // All objects on a label (entity kNode) or relationship type (kRelationship).
  const std::vector<const SchemaObject*>& ForToken(EntityKind entity, TokenId token) const;
  // Whether any constraint on `token` includes property `key`.
  bool IsConstrainedProperty(EntityKind entity, TokenId token, TokenId key) const;

 private:
  static uint64_t TokenSlot(EntityKind entity, TokenId token) {
    return (static_cast<uint64_t>(entity) << 32) | token;
  }
  std::vector<SchemaObject> objects_;
  std::unordered_map<uint64_t, std::vector<const SchemaObject*>> by_token_;
};

class Catalog {
 public:
  Catalog();
  Status Load(storage::ReadView& view);
  std::shared_ptr<const CatalogSnapshot> Current() const;
  void Publish(std::shared_ptr<const CatalogSnapshot> snapshot);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const CatalogSnapshot> current_;  // guarded by mutex_
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_CATALOG_H_
