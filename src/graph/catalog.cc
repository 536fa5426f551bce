#include "graph/catalog.h"

#include <algorithm>

#include "common/coding.h"
#include "graph/keys.h"
#include "storage/engine.h"

namespace smith::graph {

namespace {
constexpr uint8_t kSchemaRecordVersion = 1;
}  // namespace

// record := version:1 kind:1 entity:1 token:4 nprops:varint prop:4* name_len:varint name
void EncodeSchemaObject(const SchemaObject& object, std::string* out) {
  out->push_back(static_cast<char>(kSchemaRecordVersion));
  out->push_back(static_cast<char>(object.kind));
  out->push_back(static_cast<char>(object.entity));
  PutFixed32BE(object.token, out);
  PutVarint64(object.properties.size(), out);
  for (TokenId p : object.properties) PutFixed32BE(p, out);
  PutVarint64(object.name.size(), out);
  out->append(object.name);
}

Status DecodeSchemaObject(SchemaId id, std::string_view in, SchemaObject* out) {
  auto corrupt = [id](const char* what) {
    return Status::Corruption("schema record " + std::to_string(id) + ": " + what);
  };
  if (in.size() < 7) return corrupt("truncated header");
  if (static_cast<uint8_t>(in[0]) != kSchemaRecordVersion) return corrupt("unknown version");
  auto kind = static_cast<uint8_t>(in[1]);
  auto entity = static_cast<uint8_t>(in[2]);
  if (kind > 2 || entity > 1) return corrupt("unknown kind");
  out->id = id;
  out->kind = static_cast<SchemaKind>(kind);
  out->entity = static_cast<EntityKind>(entity);
  out->token = DecodeFixed32BE(in.data() + 3);
  in.remove_prefix(7);
  uint64_t n = 0;
  if (!GetVarint64(&in, &n).ok() || n > in.size() / 4) return corrupt("bad property count");
  out->properties.clear();
  for (uint64_t i = 0; i < n; ++i) {
    out->properties.push_back(DecodeFixed32BE(in.data()));
    in.remove_prefix(4);
  }
  uint64_t len = 0;
  if (!GetVarint64(&in, &len).ok() || len != in.size()) return corrupt("bad name length");
  out->name = std::string(in);
  return Status::OK();
}

CatalogSnapshot::CatalogSnapshot(std::vector<SchemaObject> objects) : objects_(std::move(objects)) {
  for (const SchemaObject& o : objects_) by_token_[TokenSlot(o.entity, o.token)].push_back(&o);
}

const SchemaObject* CatalogSnapshot::FindByName(std::string_view name) const {
  for (const SchemaObject& o : objects_) {
    if (o.name == name) return &o;
  }
  return nullptr;
}

const SchemaObject* CatalogSnapshot::FindById(SchemaId id) const {
  for (const SchemaObject& o : objects_) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

const SchemaObject* CatalogSnapshot::FindEquivalent(SchemaKind kind, EntityKind entity,
                                                    TokenId token,
                                                    const std::vector<TokenId>& properties) const {
  for (const SchemaObject* o : ForToken(entity, token)) {
    if (o->kind == kind && o->properties == properties) return o;
  }
  return nullptr;
}

const std::vector<const SchemaObject*>& CatalogSnapshot::ForToken(EntityKind entity,
                                                                  TokenId token) const {
  static const std::vector<const SchemaObject*> kNone;
  auto it = by_token_.find(TokenSlot(entity, token));
  return it == by_token_.end() ? kNone : it->second;
}

bool CatalogSnapshot::IsConstrainedProperty(EntityKind entity, TokenId token, TokenId key) const {
  for (const SchemaObject* o : ForToken(entity, token)) {
    if (o->is_constraint() &&
        std::find(o->properties.begin(), o->properties.end(), key) != o->properties.end()) {
      return true;
    }
  }
  return false;
}

Catalog::Catalog() : current_(std::make_shared<CatalogSnapshot>(std::vector<SchemaObject>{})) {}

Status Catalog::Load(storage::ReadView& view) {
  std::vector<SchemaObject> objects;
  std::string prefix(keys::kMetaSchemaPrefix);
  auto it = view.NewIterator(storage::Family::kMeta, prefix, keys::PrefixEnd(prefix));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    if (key.size() != prefix.size() + 4) return Status::Corruption("malformed schema key");
    SchemaObject object;
    SMITH_RETURN_IF_ERROR(
        DecodeSchemaObject(DecodeFixed32BE(key.data() + prefix.size()), it->value(), &object));
    objects.push_back(std::move(object));
  }
  SMITH_RETURN_IF_ERROR(it->status());
  Publish(std::make_shared<CatalogSnapshot>(std::move(objects)));
  return Status::OK();
}

std::shared_ptr<const CatalogSnapshot> Catalog::Current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

void Catalog::Publish(std::shared_ptr<const CatalogSnapshot> snapshot) {
  std::lock_guard lock(mutex_);
  current_ = std::move(snapshot);
}

}  // namespace smith::graph
