#include "graph/graph_writer.h"

#include <algorithm>
#include <cassert>
#include <set>
#include <unordered_set>

#include "common/key_codec.h"
#include "graph/graph.h"
#include "graph/node_walker.h"
#include "graph/property_value.h"
#include "storage/engine.h"
#include "storage/iterator.h"
#include "storage/write_transaction.h"

namespace smith::graph {

using storage::Family;

namespace {

// Whether every property of `o` is present with the identical value in both lists: then its
// schema tuple is the same in both, without encoding either. (A property missing from either
// returns false, so that the callers' own checks, such as a node key's existence, still run.)
bool SameSchemaValues(const SchemaObject& o, const PropertyList& a, const PropertyList& b) {
  if (o.properties.empty()) return false;
  for (TokenId k : o.properties) {
    const Value* x = FindProperty(a, k);
    const Value* y = FindProperty(b, k);
    if (x == nullptr || y == nullptr || !(*x == *y)) return false;
  }
  return true;
}

void SortUnique(std::vector<TokenId>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

bool Contains(const std::vector<TokenId>& sorted, TokenId t) {
  return std::binary_search(sorted.begin(), sorted.end(), t);
}

// Drops null values (a null property is an absent property).
void DropNulls(PropertyList* props) {
  props->erase(std::remove_if(props->begin(), props->end(),
                              [](const auto& e) { return e.second.is_null(); }),
               props->end());
}

// The writer's view of adjacency: the snapshot's entries merged in key order with the entries
// this transaction added, minus the relationships it deleted. The two sources never share a key
// (a new entry names a new relationship id).
class WriterAdjCursor final : public AdjCursor {
 public:
  using SetIter = std::set<std::string>::const_iterator;
  WriterAdjCursor(std::unique_ptr<storage::Iterator> committed, SetIter pending, SetIter end,
                  const std::unordered_set<RelId>& deleted, std::shared_ptr<AdjIteratorPool> pool)
      : committed_(std::move(committed)),
        pending_(pending),
        end_(end),
        deleted_(deleted),
        pool_(std::move(pool)),
        generation_(pool_->generation) {
    committed_->SeekToFirst();
  }
  ~WriterAdjCursor() override { pool_->Give(std::move(committed_), generation_); }

  bool Next(keys::AdjEntry* entry) override {
    while (status_.ok()) {
      const bool has_committed = committed_->Valid();
      const bool has_pending = pending_ != end_;
      if (!has_committed && !has_pending) return false;
      if (has_pending && (!has_committed || std::string_view(*pending_) < committed_->key())) {
        status_ = keys::DecodeAdjKey(*pending_, entry);
        ++pending_;
      } else {
        status_ = keys::DecodeAdjKey(committed_->key(), entry);
        committed_->Next();
      }
      if (status_.ok() && !deleted_.contains(entry->rel)) return true;
    }
    return false;
  }
  Status status() const override { return status_.ok() ? committed_->status() : status_; }

 private:
  std::unique_ptr<storage::Iterator> committed_;
  SetIter pending_;
  SetIter end_;
  const std::unordered_set<RelId>& deleted_;
  std::shared_ptr<AdjIteratorPool> pool_;  // shared: a cursor may outlive its writer
  uint64_t generation_;
  Status status_;
};

std::string EntityName(EntityKind entity, uint64_t id) {
  return (entity == EntityKind::kNode ? "Node(" : "Relationship(") + std::to_string(id) + ")";
}

}  // namespace

GraphWriter::GraphWriter(Graph& graph, std::unique_ptr<storage::WriteTransaction> txn,
                         std::unique_lock<std::mutex> writer_lock)
    : GraphReader(graph, nullptr),
      writer_lock_(std::move(writer_lock)),
      txn_(txn.get()),
      next_node_id_(graph.next_node_id_),
      next_rel_id_(graph.next_rel_id_),
      next_schema_id_(graph.next_schema_id_) {
  view_ = std::move(txn);
}

GraphWriter::~GraphWriter() {
  if (active_) Rollback();
}

Status GraphWriter::CheckActive() const {
  if (!active_) return Status::InvalidState("the write transaction has already finished");
  return Status::OK();
}

size_t GraphWriter::PendingWrites() const {
  return txn_->PendingCount() + unwritten_nodes_.size() + unwritten_rels_.size();
}

const NodeRecord* GraphWriter::UnwrittenNode(NodeId id) const {
  auto it = unwritten_nodes_.find(id);
  return it == unwritten_nodes_.end() ? nullptr : &it->second;
}

const RelRecord* GraphWriter::UnwrittenRel(RelId id) const {
  auto it = unwritten_rels_.find(id);
  return it == unwritten_rels_.end() ? nullptr : &it->second;
}

void GraphWriter::WriteUnwrittenRecords() {
  std::string value;
  for (const auto& [id, record] : unwritten_nodes_) {
    value.clear();
    EncodeNodeRecord(record, &value);
    txn_->Put(Family::kNode, keys::IdKey(id), value);
  }
  for (const auto& [id, record] : unwritten_rels_) {
    value.clear();
    EncodeRelRecord(record, &value);
    txn_->Put(Family::kRel, keys::IdKey(id), value);
  }
  unwritten_nodes_.clear();
  unwritten_rels_.clear();
}

void GraphWriter::PutNodeRecord(NodeId node, NodeRecord record) {
  auto it = unwritten_nodes_.find(node);
  if (it != unwritten_nodes_.end()) {
    it->second = std::move(record);
    return;
  }
  std::string value;
  EncodeNodeRecord(record, &value);
  txn_->Put(Family::kNode, keys::IdKey(node), value);
}

void GraphWriter::PutRelRecord(RelId rel, RelRecord record) {
  auto it = unwritten_rels_.find(rel);
  if (it != unwritten_rels_.end()) {
    it->second = std::move(record);
    return;
  }
  std::string value;
  EncodeRelRecord(record, &value);
  txn_->Put(Family::kRel, keys::IdKey(rel), value);
}

Result<TokenId> GraphWriter::GetOrCreateToken(TokenKind kind, std::string_view name) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  return graph_.tokens_.GetOrCreate(kind, name, *txn_);
}

Result<const std::vector<TokenId>*> GraphWriter::PropertyKeyTokens(const ValueMap& map) {
  // Checked on hits too: once the writer has rolled back, its remembered ids may name other keys.
  SMITH_RETURN_IF_ERROR(CheckActive());
  auto same_keys = [&](const KeyShape& shape) {
    if (shape.keys.size() != map.size()) return false;
    for (size_t i = 0; i < map.size(); ++i) {
      if (map.at_index(i).first != shape.keys[i]) return false;
    }
    return true;
  };
  for (const KeyShape& shape : key_shapes_) {
    if (same_keys(shape)) return &shape.tokens;
  }
  KeyShape shape;
  shape.tokens.reserve(map.size());
  for (const auto& [key, value] : map) {
    SMITH_ASSIGN_OR_RETURN(TokenId token, GetOrCreateToken(TokenKind::kPropertyKey, key));
    shape.keys.push_back(key);
    shape.tokens.push_back(token);
  }
  if (key_shapes_.size() < kKeyShapes) {
    key_shapes_.push_back(std::move(shape));
    return &key_shapes_.back().tokens;
  }
  KeyShape& slot = key_shapes_[next_key_shape_];
  next_key_shape_ = (next_key_shape_ + 1) % kKeyShapes;
  slot = std::move(shape);
  return &slot.tokens;
}

Status GraphWriter::EnsureLabelTable() {
  if (graph_.label_table_) return Status::OK();
  // Built from committed state: the writer slot is held, so the newest snapshot is exactly the
  // base of this transaction (plus earlier chunks of it, which are already applied).
  NodeLabelTable table;
  auto reader = graph_.engine_->BeginRead();
  NodeWalker walker(*reader, graph_.next_node_id_);
  std::vector<TokenId> labels;
  for (walker.SeekToFirst(); walker.Valid(); walker.Next()) {
    if (!DecodeNodeLabels(walker.value(), &labels).ok()) {
      continue;  // A damaged record is reported when it is read; here it is simply skipped.
    }
    table.Assign(walker.id(), table.Intern(labels));
  }
  // An incomplete table would make the nodes after a failed read look absent to every later
  // writer: report the error and build it again next time instead.
  SMITH_RETURN_IF_ERROR(walker.status().WithContext("reading the labels of every node"));
  graph_.label_table_ = std::move(table);
  return Status::OK();
}

NodeLabelTable& GraphWriter::LabelTable() {
  assert(graph_.label_table_ && "EnsureLabelTable() must succeed first");
  return *graph_.label_table_;
}

uint32_t GraphWriter::LabelSetOf(NodeId node) {
  auto it = overlay_.labels.find(node);
  if (it != overlay_.labels.end()) return it->second;
  return LabelTable().SetOf(node);
}

const std::vector<TokenId>* GraphWriter::NodeLabels(NodeId node) {
  if (!EnsureLabelTable().ok()) return nullptr;
  uint32_t set = LabelSetOf(node);
  if (set == NodeLabelTable::kAbsent) return nullptr;
  return &LabelTable().Labels(set);
}

KeyIndexCache& GraphWriter::KeyCache(const SchemaObject& constraint) {
  auto it = graph_.key_caches_.find(constraint.id);
  if (it != graph_.key_caches_.end()) return it->second;
  KeyIndexCache cache;
  auto reader = graph_.engine_->BeginRead();
  std::string prefix = keys::SchemaPrefix(constraint.id);
  auto iter = reader->NewIterator(Family::kUnique, prefix, keys::PrefixEnd(prefix));
  for (iter->SeekToFirst(); iter->Valid(); iter->Next()) {
    if (iter->value().size() != keys::kIdBytes) continue;
    cache.Insert(iter->key().substr(prefix.size()), DecodeFixed64BE(iter->value().data()));
  }
  return graph_.key_caches_.emplace(constraint.id, std::move(cache)).first->second;
}

Result<std::optional<uint64_t>> GraphWriter::LookupKey(const SchemaObject& constraint,
                                                       const std::string& tuple) {
  return KeyCache(constraint).Find(tuple);
}

Result<std::optional<uint64_t>> GraphWriter::FindByKey(const SchemaObject& constraint,
                                                       std::span<const Value> key) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  for (const Value& v : key) {
    if (v.is_null()) return std::optional<uint64_t>();
    if (!IsKeyEncodable(v)) {
      return Status::InvalidArgument(std::string(ValueTypeName(v.type())) +
                                     " values cannot be used as key values");
    }
  }
  std::string tuple;
  EncodeKeyTupleCanonical(key, &tuple);
  return LookupKey(constraint, tuple);
}

void GraphWriter::PutUnique(const SchemaObject& constraint, const std::string& tuple,
                            uint64_t element) {
  std::string key = keys::SchemaPrefix(constraint.id) + tuple;
  txn_->Put(Family::kUnique, key, keys::IdKey(element));
  key_undo_.Record(constraint.id, tuple, KeyCache(constraint).Assign(tuple, element));
}

void GraphWriter::DeleteUnique(const SchemaObject& constraint, const std::string& tuple) {
  txn_->Delete(Family::kUnique, keys::SchemaPrefix(constraint.id) + tuple);
  key_undo_.Record(constraint.id, tuple, KeyCache(constraint).Erase(tuple));
}

std::string GraphWriter::DescribeProperties(const SchemaObject& c,
                                            const PropertyList& props) const {
  std::string out = c.properties.size() == 1 ? "property " : "properties ";
  bool first = true;
  for (TokenId key : c.properties) {
    if (!first) out += ", ";
    first = false;
    out += "`" + std::string(TokenName(TokenKind::kPropertyKey, key)) + "` = ";
    const Value* value = FindProperty(props, key);
    out += value == nullptr ? "null" : value->ToString();
  }
  return out;
}

std::string GraphWriter::ConstraintMessage(const SchemaObject& c, uint64_t other,
                                           const PropertyList& props) const {
  const bool node = c.entity == EntityKind::kNode;
  return EntityName(c.entity, other) + " already exists with " + (node ? "label" : "type") + " `" +
         std::string(TokenName(node ? TokenKind::kLabel : TokenKind::kRelType, c.token)) +
         "` and " + DescribeProperties(c, props);
}

Status GraphWriter::CheckConstraints(EntityKind entity, uint64_t element,
                                     const std::vector<TokenId>& tokens, const PropertyList& props,
                                     const PropertyList* old_props,
                                     const std::vector<TokenId>* old_tokens) {
  const bool node = entity == EntityKind::kNode;
  for (TokenId token : tokens) {
    for (const SchemaObject* c : catalog_->ForToken(entity, token)) {
      if (!c->is_constraint()) continue;
      if (old_props != nullptr && Contains(*old_tokens, token) &&
          SameSchemaValues(*c, props, *old_props)) {
        continue;
      }
      std::string tuple;
      if (!EncodeSchemaTuple(*c, props, &tuple)) {
        if (c->kind == SchemaKind::kNodeKeyConstraint) {
          std::string names;
          for (TokenId k : c->properties) {
            names += (names.empty() ? "`" : ", `") +
                     std::string(TokenName(TokenKind::kPropertyKey, k)) + "`";
          }
          return Status::ConstraintViolation(
              EntityName(entity, element) + " with " + (node ? "label" : "type") + " `" +
              std::string(TokenName(node ? TokenKind::kLabel : TokenKind::kRelType, token)) +
              "` must have the " + (c->properties.size() == 1 ? "property " : "properties ") +
              names);
        }
        continue;
      }
      if (old_props != nullptr && Contains(*old_tokens, token)) {
        std::string old_tuple;
        if (EncodeSchemaTuple(*c, *old_props, &old_tuple) && old_tuple == tuple) continue;
      }
      SMITH_ASSIGN_OR_RETURN(std::optional<uint64_t> holder, LookupKey(*c, tuple));
      if (holder && *holder != element) {
        return Status::ConstraintViolation(ConstraintMessage(*c, *holder, props));
      }
    }
  }
  return Status::OK();
}

void GraphWriter::WriteSchemaEntries(EntityKind entity, uint64_t element,
                                     const std::vector<TokenId>& tokens, const PropertyList& props,
                                     const PropertyList* old_props,
                                     const std::vector<TokenId>* old_tokens) {
  for (TokenId token : tokens) {
    for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
      const bool kept_token = old_props != nullptr && Contains(*old_tokens, token);
      if (kept_token && SameSchemaValues(*o, props, *old_props)) continue;
      std::string tuple;
      if (!EncodeSchemaTuple(*o, props, &tuple)) continue;
      if (kept_token) {
        std::string old_tuple;
        if (EncodeSchemaTuple(*o, *old_props, &old_tuple) && old_tuple == tuple) continue;
      }
      if (o->is_constraint()) {
        PutUnique(*o, tuple, element);
      } else {
        std::string key = keys::SchemaPrefix(o->id) + tuple;
        PutFixed64BE(element, &key);
        txn_->Put(Family::kIndex, key, "");
      }
    }
  }
}

void GraphWriter::RemoveSchemaEntries(EntityKind entity, uint64_t element,
                                      const std::vector<TokenId>& tokens,
                                      const PropertyList& props) {
  for (TokenId token : tokens) {
    for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
      std::string tuple;
      if (!EncodeSchemaTuple(*o, props, &tuple)) continue;
      if (o->is_constraint()) {
        DeleteUnique(*o, tuple);
      } else {
        std::string key = keys::SchemaPrefix(o->id) + tuple;
        PutFixed64BE(element, &key);
        txn_->Delete(Family::kIndex, key);
      }
    }
  }
}

Status GraphWriter::ValidateProperties(const PropertyList& props) const {
  for (const auto& [key, value] : props) {
    // The property's name (a dictionary lookup under its lock) only for the error message.
    if (IsStorablePropertyValue(value)) continue;
    SMITH_RETURN_IF_ERROR(ValidatePropertyValue(TokenName(TokenKind::kPropertyKey, key), value));
  }
  return Status::OK();
}

Result<NodeId> GraphWriter::CreateNode(std::vector<TokenId> labels, PropertyList properties) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  SMITH_RETURN_IF_ERROR(EnsureLabelTable());
  SortUnique(&labels);
  DropNulls(&properties);
  NormalizeProperties(&properties);
  SMITH_RETURN_IF_ERROR(ValidateProperties(properties));
  const NodeId id = next_node_id_;
  SMITH_RETURN_IF_ERROR(
      CheckConstraints(EntityKind::kNode, id, labels, properties, nullptr, nullptr));
  ++next_node_id_;
  NodeRecord record{std::move(labels), std::move(properties)};
  for (TokenId label : record.labels) txn_->Put(Family::kLabel, keys::LabelKey(label, id), "");
  WriteSchemaEntries(EntityKind::kNode, id, record.labels, record.properties, nullptr, nullptr);
  overlay_.labels[id] = LabelTable().Intern(record.labels);
  counters_.nodes_created++;
  counters_.labels_added += static_cast<int64_t>(record.labels.size());
  counters_.properties_set += static_cast<int64_t>(record.properties.size());
  unwritten_nodes_.emplace_hint(unwritten_nodes_.end(), id, std::move(record));
  return id;
}

Status GraphWriter::UpdateNode(NodeId node, RecordPatch patch) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  SMITH_RETURN_IF_ERROR(EnsureLabelTable());
  uint32_t set = LabelSetOf(node);
  if (set == NodeLabelTable::kAbsent) {
    return Status::NotFound("node " + std::to_string(node) + " does not exist");
  }
  // Valid until the label table interns a new set (below, after the last use).
  const std::vector<TokenId>& old_labels = LabelTable().Labels(set);
  // Keep only effective label changes.
  SortUnique(&patch.add_labels);
  SortUnique(&patch.remove_labels);
  std::erase_if(patch.add_labels, [&](TokenId l) { return Contains(old_labels, l); });
  std::erase_if(patch.remove_labels, [&](TokenId l) { return !Contains(old_labels, l); });
  NormalizeProperties(&patch.set);
  SortUnique(&patch.unset);
  SMITH_RETURN_IF_ERROR(ValidateProperties(patch.set));
  const bool relabels = !patch.add_labels.empty() || !patch.remove_labels.empty();
  std::vector<TokenId> relabelled;
  if (relabels) {
    relabelled = old_labels;
    ApplyPatch(RecordPatch{patch.add_labels, patch.remove_labels, {}, {}}, &relabelled, nullptr);
  }
  const std::vector<TokenId>& new_labels = relabels ? relabelled : old_labels;

  // The blind path needs no old values: no property removals, no schema on changed labels
  // (beyond indexes on removed labels, whose stale entries readers skip), and no constrained or
  // partially-set composite indexed property.
  // A node created by this transaction is rewritten in memory, which is cheaper than a patch.
  bool blind = patch.unset.empty() && !unwritten_nodes_.contains(node);
  for (TokenId l : patch.add_labels) {
    blind = blind && catalog_->ForToken(EntityKind::kNode, l).empty();
  }
  for (TokenId l : patch.remove_labels) {
    for (const SchemaObject* o : catalog_->ForToken(EntityKind::kNode, l)) {
      blind = blind && !o->is_constraint();
    }
  }
  auto is_set = [&](TokenId k) { return FindProperty(patch.set, k) != nullptr; };
  for (TokenId l : new_labels) {
    for (const SchemaObject* o : catalog_->ForToken(EntityKind::kNode, l)) {
      size_t touched = std::count_if(o->properties.begin(), o->properties.end(), is_set);
      if (touched == 0) continue;
      if (o->is_constraint() || touched != o->properties.size()) blind = false;
    }
  }
  if (!blind) return UpdateNodeFull(node, patch);
  if (patch.empty()) return Status::OK();

  std::string operand;
  EncodePatch(patch, &operand);
  txn_->Merge(Family::kNode, keys::IdKey(node), operand);
  for (TokenId l : patch.add_labels) txn_->Put(Family::kLabel, keys::LabelKey(l, node), "");
  for (TokenId l : patch.remove_labels) txn_->Delete(Family::kLabel, keys::LabelKey(l, node));
  WriteSchemaEntries(EntityKind::kNode, node, new_labels, patch.set, nullptr, nullptr);
  if (relabels) overlay_.labels[node] = LabelTable().Intern(new_labels);
  counters_.properties_set += static_cast<int64_t>(patch.set.size());
  counters_.labels_added += static_cast<int64_t>(patch.add_labels.size());
  counters_.labels_removed += static_cast<int64_t>(patch.remove_labels.size());
  return Status::OK();
}

Status GraphWriter::UpdateNodeFull(NodeId node, const RecordPatch& patch) {
  // A node created by this transaction is read in place (no copy); the reference stays valid
  // until PutNodeRecord replaces it, which is its last use.
  NodeRecord stored;
  const NodeRecord* unwritten = UnwrittenNode(node);
  if (unwritten == nullptr) {
    SMITH_ASSIGN_OR_RETURN(bool found, GetNode(node, &stored));
    if (!found) return Status::Internal("node " + std::to_string(node) + " has no record");
  }
  const NodeRecord& old_record = unwritten != nullptr ? *unwritten : stored;
  NodeRecord record = old_record;
  ApplyPatch(patch, &record.labels, &record.properties);
  SMITH_RETURN_IF_ERROR(CheckConstraints(EntityKind::kNode, node, record.labels, record.properties,
                                         &old_record.properties, &old_record.labels));
  // Remove schema entries that no longer hold: labels dropped, or values changed.
  for (TokenId l : old_record.labels) {
    const bool kept_label = Contains(record.labels, l);
    for (const SchemaObject* o : catalog_->ForToken(EntityKind::kNode, l)) {
      if (kept_label && SameSchemaValues(*o, old_record.properties, record.properties)) continue;
      std::string old_tuple;
      if (!EncodeSchemaTuple(*o, old_record.properties, &old_tuple)) continue;
      std::string new_tuple;
      bool keeps = kept_label && EncodeSchemaTuple(*o, record.properties, &new_tuple) &&
                   new_tuple == old_tuple;
      if (keeps) continue;
      if (o->is_constraint()) {
        DeleteUnique(*o, old_tuple);
      } else {
        std::string key = keys::SchemaPrefix(o->id) + old_tuple;
        PutFixed64BE(node, &key);
        txn_->Delete(Family::kIndex, key);
      }
    }
  }
  WriteSchemaEntries(EntityKind::kNode, node, record.labels, record.properties,
                     &old_record.properties, &old_record.labels);
  for (TokenId l : patch.add_labels) txn_->Put(Family::kLabel, keys::LabelKey(l, node), "");
  for (TokenId l : patch.remove_labels) txn_->Delete(Family::kLabel, keys::LabelKey(l, node));
  if (!patch.add_labels.empty() || !patch.remove_labels.empty()) {
    overlay_.labels[node] = LabelTable().Intern(record.labels);
  }
  int64_t removed = 0;
  for (TokenId k : patch.unset) removed += old_record.Find(k) != nullptr ? 1 : 0;
  PutNodeRecord(node, std::move(record));
  counters_.properties_set += static_cast<int64_t>(patch.set.size()) + removed;
  counters_.labels_added += static_cast<int64_t>(patch.add_labels.size());
  counters_.labels_removed += static_cast<int64_t>(patch.remove_labels.size());
  return Status::OK();
}

Status GraphWriter::DeleteNode(NodeId node, bool detach) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  SMITH_RETURN_IF_ERROR(EnsureLabelTable());
  if (LabelSetOf(node) == NodeLabelTable::kAbsent) {
    return Status::NotFound("node " + std::to_string(node) + " does not exist");
  }
  NodeRecord record;
  SMITH_ASSIGN_OR_RETURN(bool found, GetNode(node, &record));
  if (!found) return Status::Internal("node " + std::to_string(node) + " has no record");
  std::vector<RelId> rels;
  {
    auto cursor = Expand(node);
    keys::AdjEntry entry;
    while (cursor->Next(&entry)) rels.push_back(entry.rel);
    SMITH_RETURN_IF_ERROR(cursor->status());
  }
  if (!rels.empty() && !detach) {
    return Status::ConstraintViolation(
        "Cannot delete node<" + std::to_string(node) +
        ">, because it still has relationships. To delete this node, you must first delete its "
        "relationships.");
  }
  std::sort(rels.begin(), rels.end());
  rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
  for (RelId rel : rels) SMITH_RETURN_IF_ERROR(DeleteRel(rel));
  if (unwritten_nodes_.erase(node) == 0) txn_->Delete(Family::kNode, keys::IdKey(node));
  for (TokenId l : record.labels) txn_->Delete(Family::kLabel, keys::LabelKey(l, node));
  RemoveSchemaEntries(EntityKind::kNode, node, record.labels, record.properties);
  overlay_.labels[node] = NodeLabelTable::kAbsent;
  counters_.nodes_deleted++;
  return Status::OK();
}

Result<RelId> GraphWriter::CreateRel(TokenId type, NodeId start, NodeId end,
                                     PropertyList properties) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  SMITH_RETURN_IF_ERROR(EnsureLabelTable());
  for (NodeId n : {start, end}) {
    if (LabelSetOf(n) == NodeLabelTable::kAbsent) {
      return Status::NotFound("cannot create a relationship: node " + std::to_string(n) +
                              " does not exist");
    }
  }
  DropNulls(&properties);
  NormalizeProperties(&properties);
  SMITH_RETURN_IF_ERROR(ValidateProperties(properties));
  const RelId id = next_rel_id_;
  const std::vector<TokenId> types{type};
  SMITH_RETURN_IF_ERROR(
      CheckConstraints(EntityKind::kRelationship, id, types, properties, nullptr, nullptr));
  ++next_rel_id_;
  RelRecord record{type, start, end, std::move(properties)};
  std::string adjacency[] = {keys::AdjKey(start, Direction::kOutgoing, type, end, id),
                             keys::AdjKey(end, Direction::kIncoming, type, start, id)};
  for (std::string& key : adjacency) {
    txn_->Put(Family::kAdj, key, "");
    overlay_.adjacency.insert(std::move(key));
  }
  txn_->Put(Family::kRelType, keys::RelTypeKey(type, id), "");
  WriteSchemaEntries(EntityKind::kRelationship, id, types, record.properties, nullptr, nullptr);
  counters_.relationships_created++;
  counters_.properties_set += static_cast<int64_t>(record.properties.size());
  unwritten_rels_.emplace_hint(unwritten_rels_.end(), id, std::move(record));
  return id;
}

Status GraphWriter::UpdateRel(RelId rel, TokenId type, RecordPatch patch) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  if (rel >= next_rel_id_ || deleted_rels_.contains(rel)) {
    return Status::NotFound("relationship " + std::to_string(rel) + " does not exist");
  }
  patch.add_labels.clear();
  patch.remove_labels.clear();
  NormalizeProperties(&patch.set);
  SortUnique(&patch.unset);
  SMITH_RETURN_IF_ERROR(ValidateProperties(patch.set));
  bool blind = patch.unset.empty() && !unwritten_rels_.contains(rel);
  for (const SchemaObject* o : catalog_->ForToken(EntityKind::kRelationship, type)) {
    size_t touched = 0;
    for (TokenId k : o->properties) touched += FindProperty(patch.set, k) != nullptr ? 1 : 0;
    if (touched != 0 && (o->is_constraint() || touched != o->properties.size())) blind = false;
  }
  if (!blind) return UpdateRelFull(rel, patch);
  if (patch.empty()) return Status::OK();
  std::string operand;
  EncodePatch(patch, &operand);
  txn_->Merge(Family::kRel, keys::IdKey(rel), operand);
  WriteSchemaEntries(EntityKind::kRelationship, rel, {type}, patch.set, nullptr, nullptr);
  counters_.properties_set += static_cast<int64_t>(patch.set.size());
  return Status::OK();
}

Status GraphWriter::UpdateRelFull(RelId rel, const RecordPatch& patch) {
  // As UpdateNodeFull: a relationship created by this transaction is read in place.
  RelRecord stored;
  const RelRecord* unwritten = UnwrittenRel(rel);
  if (unwritten == nullptr) {
    SMITH_ASSIGN_OR_RETURN(bool found, GetRel(rel, &stored));
    if (!found) {
      return Status::NotFound("relationship " + std::to_string(rel) + " does not exist");
    }
  }
  const RelRecord& old_record = unwritten != nullptr ? *unwritten : stored;
  RelRecord record = old_record;
  ApplyPatch(patch, nullptr, &record.properties);
  const std::vector<TokenId> types{record.type};
  SMITH_RETURN_IF_ERROR(CheckConstraints(EntityKind::kRelationship, rel, types, record.properties,
                                         &old_record.properties, &types));
  for (const SchemaObject* o : catalog_->ForToken(EntityKind::kRelationship, record.type)) {
    if (SameSchemaValues(*o, old_record.properties, record.properties)) continue;
    std::string old_tuple;
    std::string new_tuple;
    if (!EncodeSchemaTuple(*o, old_record.properties, &old_tuple)) continue;
    if (EncodeSchemaTuple(*o, record.properties, &new_tuple) && new_tuple == old_tuple) continue;
    if (o->is_constraint()) {
      DeleteUnique(*o, old_tuple);
    } else {
      std::string key = keys::SchemaPrefix(o->id) + old_tuple;
      PutFixed64BE(rel, &key);
      txn_->Delete(Family::kIndex, key);
    }
  }
  WriteSchemaEntries(EntityKind::kRelationship, rel, types, record.properties,
                     &old_record.properties, &types);
  int64_t removed = 0;
  for (TokenId k : patch.unset) removed += old_record.Find(k) != nullptr ? 1 : 0;
  PutRelRecord(rel, std::move(record));
  counters_.properties_set += static_cast<int64_t>(patch.set.size()) + removed;
  return Status::OK();
}

Status GraphWriter::DeleteRel(RelId rel) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  RelRecord record;
  SMITH_ASSIGN_OR_RETURN(bool found, GetRel(rel, &record));
  if (!found) return Status::NotFound("relationship " + std::to_string(rel) + " does not exist");
  if (unwritten_rels_.erase(rel) == 0) txn_->Delete(Family::kRel, keys::IdKey(rel));
  txn_->Delete(Family::kAdj,
               keys::AdjKey(record.start, Direction::kOutgoing, record.type, record.end, rel));
  txn_->Delete(Family::kAdj,
               keys::AdjKey(record.end, Direction::kIncoming, record.type, record.start, rel));
  txn_->Delete(Family::kRelType, keys::RelTypeKey(record.type, rel));
  RemoveSchemaEntries(EntityKind::kRelationship, rel, {record.type}, record.properties);
  deleted_rels_.insert(rel);
  counters_.relationships_deleted++;
  return Status::OK();
}

std::unique_ptr<AdjCursor> GraphWriter::NewAdjCursor(const std::string& prefix) {
  const std::string upper = keys::PrefixEnd(prefix);
  const auto& pending = overlay_.adjacency;
  auto end = upper.empty() ? pending.end() : pending.lower_bound(upper);
  std::unique_ptr<storage::Iterator> committed = adj_iterators_->Take(prefix, upper);
  if (committed == nullptr) committed = txn_->NewSnapshotIterator(Family::kAdj, prefix, upper);
  return std::make_unique<WriterAdjCursor>(std::move(committed), pending.lower_bound(prefix), end,
                                           deleted_rels_, adj_iterators_);
}

void GraphWriter::OnStaleIndexEntry(std::string_view entry_key) {
  // Deleted at commit, not now: the batch must not change under the open index iterator.
  stale_index_entries_.emplace_back(entry_key);
}

}  // namespace smith::graph
