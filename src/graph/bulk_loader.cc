#include "graph/bulk_loader.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <utility>

#include "common/coding.h"
#include "common/utf8.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/keys.h"
#include "graph/property_value.h"
#include "graph/storage_layout.h"
#include "storage/engine.h"

namespace smith::graph {

using storage::Family;

namespace {

// Entries written between two progress reports.
constexpr uint64_t kProgressStep = 1 << 16;

Result<uint64_t> ReadCounter(storage::ReadView& view, std::string_view key) {
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found, view.Get(Family::kMeta, key, &value));
  if (!found) return uint64_t{0};
  if (value.size() != keys::kIdBytes) {
    return Status::Corruption("meta entry " + std::string(key) + " is not 8 bytes");
  }
  return DecodeFixed64BE(value.data());
}

std::string ElementName(EntityKind entity, uint64_t id) {
  return (entity == EntityKind::kNode ? "Node(" : "Relationship(") + std::to_string(id) + ")";
}

}  // namespace

namespace bulk {

// Counts written entries across threads; the committing thread reports them.
class WriteProgress {
 public:
  explicit WriteProgress(uint64_t total) : total_(total) {}
  void Add(uint64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
  void Report(const BulkProgressFn& fn) const {
    if (fn) fn("writing", done_.load(std::memory_order_relaxed), total_);
  }

 private:
  const uint64_t total_;
  std::atomic<uint64_t> done_{0};
};

}  // namespace bulk

namespace {

using bulk::WriteProgress;

// Adds one entry and counts it.
class CountingWriter {
 public:
  CountingWriter(storage::SstFileWriter& writer, WriteProgress* progress, uint64_t* bytes)
      : writer_(writer), progress_(progress), bytes_(bytes) {}
  ~CountingWriter() { Flush(); }
  Status Add(std::string_view key, std::string_view value) {
    *bytes_ += key.size() + value.size();
    if (++pending_ == kProgressStep) Flush();
    return writer_.Add(key, value);
  }
  void Flush() {
    if (progress_ != nullptr) progress_->Add(pending_);
    pending_ = 0;
  }

 private:
  storage::SstFileWriter& writer_;
  WriteProgress* progress_;
  uint64_t* bytes_;
  uint64_t pending_ = 0;
};

struct AdjSlot {
  uint64_t other;
  uint64_t rel;
  uint32_t type;
  uint8_t dir;
  bool operator<(const AdjSlot& o) const {
    if (dir != o.dir) return dir < o.dir;
    if (type != o.type) return type < o.type;
    if (other != o.other) return other < o.other;
    return rel < o.rel;
  }
};

}  // namespace

BulkLoader::~BulkLoader() = default;

Result<std::unique_ptr<BulkLoader>> BulkLoader::Open(const std::string& path) {
  std::unique_ptr<BulkLoader> loader(new BulkLoader());
  GraphOptions options;
  options.create_if_missing = true;
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<Graph> graph, Graph::Open(path, options));
  loader->path_ = graph->path();
  {
    std::unique_ptr<storage::ReadTransaction> view = graph->engine().BeginRead();
    SMITH_ASSIGN_OR_RETURN(loader->fingerprint_, storage::FingerprintDatabase(*view));
    if (!loader->fingerprint_.no_elements) {
      return Status::InvalidState(
          "the database in '" + loader->path_ +
          "' already holds nodes or relationships; bulk import loads into a new or empty "
          "database only (constraints and indexes may exist). Import into a new directory, or "
          "add data to this one with Cypher");
    }
    SMITH_ASSIGN_OR_RETURN(loader->first_node_id_, ReadCounter(*view, keys::kMetaNextNodeId));
    SMITH_ASSIGN_OR_RETURN(loader->first_rel_id_, ReadCounter(*view, keys::kMetaNextRelId));
    SMITH_ASSIGN_OR_RETURN(uint64_t schema, ReadCounter(*view, keys::kMetaNextSchemaId));
    loader->first_schema_id_ = loader->next_schema_id_ = static_cast<SchemaId>(schema);
  }
  loader->next_node_id_ = loader->first_node_id_;
  loader->next_rel_id_ = loader->first_rel_id_;
  for (int k = 0; k < kTokenKindCount; ++k) {
    TokenTable& table = loader->tokens_[k];
    table.names = graph->tokens().Names(static_cast<TokenKind>(k));
    for (size_t i = 0; i < table.names.size(); ++i) {
      table.ids.emplace(table.names[i], static_cast<TokenId>(i));
    }
    table.existing = table.names.size();
  }
  loader->label_nodes_.resize(loader->tokens_[static_cast<int>(TokenKind::kLabel)].names.size());
  loader->type_rels_.resize(loader->tokens_[static_cast<int>(TokenKind::kRelType)].names.size());
  loader->catalog_ = graph->catalog();
  graph.reset();  // closes the database

  loader->storage_options_ = GraphStorageOptions();
  return loader;
}

Result<TokenId> BulkLoader::Token(TokenKind kind, std::string_view name) {
  TokenTable& table = tokens_[static_cast<int>(kind)];
  auto it = table.ids.find(std::string(name));
  if (it != table.ids.end()) return it->second;
  if (name.empty()) {
    return Status::InvalidArgument(std::string("a ") + TokenKindName(kind) +
                                   " name must not be empty");
  }
  SMITH_RETURN_IF_ERROR(ValidateUtf8(name, TokenKindName(kind)));
  auto id = static_cast<TokenId>(table.names.size());
  table.names.emplace_back(name);
  table.ids.emplace(table.names.back(), id);
  if (kind == TokenKind::kLabel) label_nodes_.resize(table.names.size());
  if (kind == TokenKind::kRelType) type_rels_.resize(table.names.size());
  return id;
}

std::string_view BulkLoader::TokenName(TokenKind kind, TokenId id) const {
  const TokenTable& table = tokens_[static_cast<int>(kind)];
  return id < table.names.size() ? std::string_view(table.names[id]) : std::string_view();
}

Result<SchemaId> BulkLoader::AddSchemaObject(SchemaKind kind, EntityKind entity, std::string name,
                                             TokenId token, std::vector<TokenId> properties) {
  if (committed_) return Status::InvalidState("the bulk load has already been committed");
  if (next_node_id_ != first_node_id_ || next_rel_id_ != first_rel_id_) {
    return Status::InvalidState("constraints and indexes must come before the first element");
  }
  const bool node = entity == EntityKind::kNode;
  const char* word = kind == SchemaKind::kRangeIndex ? "index" : "constraint";
  if (token >=
      tokens_[static_cast<int>(node ? TokenKind::kLabel : TokenKind::kRelType)].names.size()) {
    return Status::InvalidArgument("unknown label or relationship type token");
  }
  if (properties.empty()) {
    return Status::InvalidArgument(std::string("a ") + word + " needs at least one property");
  }
  for (TokenId p : properties) {
    if (p >= tokens_[static_cast<int>(TokenKind::kPropertyKey)].names.size()) {
      return Status::InvalidArgument("unknown property key token");
    }
  }
  std::vector<TokenId> sorted = properties;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    return Status::InvalidArgument(std::string("a ") + word +
                                   " cannot list the same property twice");
  }
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
  if (catalog_->FindByName(name) != nullptr) {
    return Status::AlreadyExists("there already exists a constraint or index called '" + name +
                                 "'");
  }
  for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
    if (o->properties == properties && o->is_constraint() == (kind != SchemaKind::kRangeIndex)) {
      return Status::AlreadyExists(std::string("an equivalent ") + word + " already exists, '" +
                                   o->name + "' on " + schema_text);
    }
  }
  SchemaObject object;
  object.id = next_schema_id_++;
  object.kind = kind;
  object.entity = entity;
  object.name = std::move(name);
  object.token = token;
  object.properties = std::move(properties);
  std::vector<SchemaObject> objects = catalog_->objects();
  objects.push_back(std::move(object));
  catalog_ = std::make_shared<CatalogSnapshot>(std::move(objects));
  return next_schema_id_ - 1;
}

Status BulkLoader::CheckKeys(EntityKind entity, uint64_t element, std::span<const TokenId> tokens,
                             const PropertyList& props, uint64_t* conflict,
                             std::vector<std::pair<const SchemaObject*, std::string>>* tuples) {
  const bool node = entity == EntityKind::kNode;
  const TokenKind token_kind = node ? TokenKind::kLabel : TokenKind::kRelType;
  auto describe = [&](const SchemaObject& c) {
    std::string out = c.properties.size() == 1 ? "property " : "properties ";
    for (size_t i = 0; i < c.properties.size(); ++i) {
      if (i > 0) out += ", ";
      out += "`" + std::string(TokenName(TokenKind::kPropertyKey, c.properties[i])) + "`";
      if (const Value* v = FindProperty(props, c.properties[i])) out += " = " + v->ToString();
    }
    return out;
  };
  for (TokenId token : tokens) {
    {
      for (const SchemaObject* o : catalog_->ForToken(entity, token)) {
        std::string tuple;
        if (!EncodeSchemaTuple(*o, props, &tuple)) {
          if (o->kind == SchemaKind::kNodeKeyConstraint) {
            return Status::ConstraintViolation(
                ElementName(entity, element) + " with " + (node ? "label" : "type") + " `" +
                std::string(TokenName(token_kind, token)) + "` must have the " + describe(*o));
          }
          continue;
        }
        if (o->is_constraint()) {
          auto found = unique_.find(o->id);
          if (found != unique_.end()) {
            auto hit = found->second.find(tuple);
            if (hit != found->second.end()) {
              if (conflict != nullptr) *conflict = hit->second;
              return Status::ConstraintViolation(
                  ElementName(entity, hit->second) + " already exists with " +
                  (node ? "label" : "type") + " `" + std::string(TokenName(token_kind, token)) +
                  "` and " + describe(*o));
            }
          }
        }
        tuples->emplace_back(o, std::move(tuple));
      }
    }
  }
  return Status::OK();
}

void BulkLoader::AddSchemaEntries(
    uint64_t element, std::vector<std::pair<const SchemaObject*, std::string>>& tuples) {
  for (auto& [object, tuple] : tuples) {
    if (object->is_constraint()) {
      unique_[object->id].emplace(std::move(tuple), element);
    } else {
      std::string key = keys::SchemaPrefix(object->id);
      key += tuple;
      PutFixed64BE(element, &key);
      index_entries_.push_back(std::move(key));
    }
  }
}

Result<NodeId> BulkLoader::AddNode(std::span<const TokenId> labels, PropertyList properties,
                                   uint64_t* conflict) {
  if (committed_) return Status::InvalidState("the bulk load has already been committed");
  std::vector<TokenId>& sorted = scratch_labels_;
  sorted.assign(labels.begin(), labels.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const size_t label_count = tokens_[static_cast<int>(TokenKind::kLabel)].names.size();
  for (TokenId l : sorted) {
    if (l >= label_count) return Status::InvalidArgument("unknown label token");
  }
  std::erase_if(properties, [](const auto& e) { return e.second.is_null(); });
  NormalizeProperties(&properties);
  for (const auto& [key, value] : properties) {
    SMITH_RETURN_IF_ERROR(ValidatePropertyValue(TokenName(TokenKind::kPropertyKey, key), value));
  }
  const NodeId id = next_node_id_;
  std::vector<std::pair<const SchemaObject*, std::string>> tuples;
  if (!catalog_->objects().empty()) {
    SMITH_RETURN_IF_ERROR(CheckKeys(EntityKind::kNode, id, sorted, properties, conflict, &tuples));
  }
  ++next_node_id_;
  AddSchemaEntries(id, tuples);
  NodeRecord record{std::move(sorted), std::move(properties)};
  EncodeNodeRecord(record, &node_data_);
  node_offsets_.push_back(node_data_.size());
  for (TokenId l : record.labels) label_nodes_[l].push_back(id);
  stats_.nodes++;
  stats_.labels += record.labels.size();
  stats_.properties += record.properties.size();
  scratch_labels_ = std::move(record.labels);
  return id;
}

Result<RelId> BulkLoader::AddRelationship(TokenId type, NodeId start, NodeId end,
                                          PropertyList properties, uint64_t* conflict) {
  if (committed_) return Status::InvalidState("the bulk load has already been committed");
  for (NodeId n : {start, end}) {
    if (n < first_node_id_ || n >= next_node_id_) {
      return Status::NotFound("cannot create a relationship: node " + std::to_string(n) +
                              " does not exist");
    }
  }
  if (type >= tokens_[static_cast<int>(TokenKind::kRelType)].names.size()) {
    return Status::InvalidArgument("unknown relationship type token");
  }
  std::erase_if(properties, [](const auto& e) { return e.second.is_null(); });
  NormalizeProperties(&properties);
  for (const auto& [key, value] : properties) {
    SMITH_RETURN_IF_ERROR(ValidatePropertyValue(TokenName(TokenKind::kPropertyKey, key), value));
  }
  const RelId id = next_rel_id_;
  std::vector<std::pair<const SchemaObject*, std::string>> tuples;
  if (!catalog_->objects().empty()) {
    const TokenId types[1] = {type};
    SMITH_RETURN_IF_ERROR(
        CheckKeys(EntityKind::kRelationship, id, types, properties, conflict, &tuples));
  }
  ++next_rel_id_;
  AddSchemaEntries(id, tuples);
  stats_.properties += properties.size();
  RelRecord record{type, start, end, std::move(properties)};
  EncodeRelRecord(record, &rel_data_);
  rel_offsets_.push_back(rel_data_.size());
  rel_ends_.push_back(RelEnds{start, end, type});
  type_rels_[type].push_back(id);
  stats_.relationships++;
  return id;
}

Status BulkLoader::WriteNodes(storage::SstFileSet& files, WriteProgress& progress,
                              uint64_t* bytes) {
  {
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                           files.NewWriter(Family::kNode));
    CountingWriter out(*sst, &progress, bytes);
    std::string key;
    for (size_t i = 0; i + 1 < node_offsets_.size(); ++i) {
      key.clear();
      PutFixed64BE(first_node_id_ + i, &key);
      SMITH_RETURN_IF_ERROR(
          out.Add(key, std::string_view(node_data_)
                           .substr(node_offsets_[i], node_offsets_[i + 1] - node_offsets_[i])));
    }
    out.Flush();
    SMITH_RETURN_IF_ERROR(sst->Finish().status());
  }
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                         files.NewWriter(Family::kLabel));
  CountingWriter out(*sst, &progress, bytes);
  std::string key;
  for (size_t label = 0; label < label_nodes_.size(); ++label) {
    for (NodeId node : label_nodes_[label]) {
      key.clear();
      PutFixed32BE(static_cast<uint32_t>(label), &key);
      PutFixed64BE(node, &key);
      SMITH_RETURN_IF_ERROR(out.Add(key, ""));
    }
  }
  out.Flush();
  return sst->Finish().status();
}

Status BulkLoader::WriteRels(storage::SstFileSet& files, WriteProgress& progress, uint64_t* bytes) {
  {
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                           files.NewWriter(Family::kRel));
    CountingWriter out(*sst, &progress, bytes);
    std::string key;
    for (size_t i = 0; i + 1 < rel_offsets_.size(); ++i) {
      key.clear();
      PutFixed64BE(first_rel_id_ + i, &key);
      SMITH_RETURN_IF_ERROR(
          out.Add(key, std::string_view(rel_data_).substr(rel_offsets_[i],
                                                          rel_offsets_[i + 1] - rel_offsets_[i])));
    }
    out.Flush();
    SMITH_RETURN_IF_ERROR(sst->Finish().status());
  }
  {
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                           files.NewWriter(Family::kRelType));
    CountingWriter out(*sst, &progress, bytes);
    std::string key;
    for (size_t type = 0; type < type_rels_.size(); ++type) {
      for (RelId rel : type_rels_[type]) {
        key.clear();
        PutFixed32BE(static_cast<uint32_t>(type), &key);
        PutFixed64BE(rel, &key);
        SMITH_RETURN_IF_ERROR(out.Add(key, ""));
      }
    }
    out.Flush();
    SMITH_RETURN_IF_ERROR(sst->Finish().status());
  }
  return Status::OK();
}

Status BulkLoader::WriteAdjacency(storage::SstFileSet& files, WriteProgress& progress,
                                  uint64_t* bytes) {
  // Adjacency: bucket both entries of every relationship by node (counting sort), then sort each
  // node's (usually short) bucket by (direction, type, other node, relationship).
  const uint64_t node_count = next_node_id_ - first_node_id_;
  std::vector<uint64_t> offsets(node_count + 1, 0);
  for (const RelEnds& r : rel_ends_) {
    offsets[r.start - first_node_id_ + 1]++;
    offsets[r.end - first_node_id_ + 1]++;
  }
  for (uint64_t i = 0; i < node_count; ++i) offsets[i + 1] += offsets[i];
  std::vector<AdjSlot> slots(offsets[node_count]);
  {
    std::vector<uint64_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t i = 0; i < rel_ends_.size(); ++i) {
      const RelEnds& r = rel_ends_[i];
      const RelId rel = first_rel_id_ + i;
      slots[fill[r.start - first_node_id_]++] =
          AdjSlot{r.end, rel, r.type, static_cast<uint8_t>(Direction::kOutgoing)};
      slots[fill[r.end - first_node_id_]++] =
          AdjSlot{r.start, rel, r.type, static_cast<uint8_t>(Direction::kIncoming)};
    }
  }
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                         files.NewWriter(Family::kAdj));
  CountingWriter out(*sst, &progress, bytes);
  std::string key;
  for (uint64_t n = 0; n < node_count; ++n) {
    auto begin = slots.begin() + static_cast<ptrdiff_t>(offsets[n]);
    auto end = slots.begin() + static_cast<ptrdiff_t>(offsets[n + 1]);
    std::sort(begin, end);
    for (auto it = begin; it != end; ++it) {
      key.clear();
      PutFixed64BE(first_node_id_ + n, &key);
      key.push_back(static_cast<char>(it->dir));
      PutFixed32BE(it->type, &key);
      PutFixed64BE(it->other, &key);
      PutFixed64BE(it->rel, &key);
      SMITH_RETURN_IF_ERROR(out.Add(key, ""));
    }
  }
  out.Flush();
  return sst->Finish().status();
}

Status BulkLoader::WriteSchemaAndMeta(storage::SstFileSet& files, WriteProgress& progress,
                                      uint64_t* bytes) {
  {
    std::vector<std::pair<std::string, uint64_t>> entries;
    for (auto& [schema, map] : unique_) {
      std::string prefix = keys::SchemaPrefix(schema);
      for (auto& [tuple, element] : map) entries.emplace_back(prefix + tuple, element);
    }
    std::sort(entries.begin(), entries.end());
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                           files.NewWriter(Family::kUnique));
    CountingWriter out(*sst, &progress, bytes);
    for (const auto& [key, element] : entries) {
      SMITH_RETURN_IF_ERROR(out.Add(key, keys::IdKey(element)));
    }
    out.Flush();
    SMITH_RETURN_IF_ERROR(sst->Finish().status());
  }
  {
    std::sort(index_entries_.begin(), index_entries_.end());
    SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                           files.NewWriter(Family::kIndex));
    CountingWriter out(*sst, &progress, bytes);
    for (const std::string& key : index_entries_) SMITH_RETURN_IF_ERROR(out.Add(key, ""));
    out.Flush();
    SMITH_RETURN_IF_ERROR(sst->Finish().status());
  }
  std::vector<std::pair<std::string, std::string>> meta;
  for (int k = 0; k < kTokenKindCount; ++k) {
    const TokenTable& table = tokens_[k];
    for (size_t id = table.existing; id < table.names.size(); ++id) {
      std::string value;
      PutFixed32BE(static_cast<uint32_t>(id), &value);
      meta.emplace_back(keys::TokenMetaKey(static_cast<TokenKind>(k), table.names[id]),
                        std::move(value));
    }
  }
  for (const SchemaObject& object : catalog_->objects()) {
    if (object.id < first_schema_id_) continue;
    std::string record;
    EncodeSchemaObject(object, &record);
    meta.emplace_back(keys::SchemaMetaKey(object.id), std::move(record));
  }
  if (next_schema_id_ != first_schema_id_) {
    meta.emplace_back(std::string(keys::kMetaNextSchemaId), keys::IdKey(next_schema_id_));
  }
  if (next_node_id_ != first_node_id_) {
    meta.emplace_back(std::string(keys::kMetaNextNodeId), keys::IdKey(next_node_id_));
  }
  if (next_rel_id_ != first_rel_id_) {
    meta.emplace_back(std::string(keys::kMetaNextRelId), keys::IdKey(next_rel_id_));
  }
  std::sort(meta.begin(), meta.end());
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileWriter> sst,
                         files.NewWriter(Family::kMeta));
  CountingWriter out(*sst, &progress, bytes);
  for (const auto& [key, value] : meta) SMITH_RETURN_IF_ERROR(out.Add(key, value));
  out.Flush();
  return sst->Finish().status();
}

Result<BulkLoadStats> BulkLoader::Commit(const BulkProgressFn& progress) {
  if (committed_) return Status::InvalidState("the bulk load has already been committed");
  committed_ = true;
  uint64_t unique_count = 0;
  for (const auto& [schema, map] : unique_) unique_count += map.size();
  const uint64_t total = stats_.nodes + stats_.labels + 3 * stats_.relationships + unique_count +
                         index_entries_.size();
  WriteProgress written(total);
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<storage::SstFileSet> files,
                         storage::SstFileSet::Create(path_, storage_options_));
  // Two cores: adjacency (two entries per relationship, the largest family) on a second thread;
  // everything else here, which takes about as long.
  uint64_t rel_bytes = 0;
  std::future<Status> rels =
      std::async(std::launch::async, [&] { return WriteAdjacency(*files, written, &rel_bytes); });
  uint64_t node_bytes = 0;
  Status status = WriteNodes(*files, written, &node_bytes);
  if (status.ok()) status = WriteSchemaAndMeta(*files, written, &node_bytes);
  if (status.ok()) status = WriteRels(*files, written, &node_bytes);
  written.Report(progress);
  while (rels.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
    written.Report(progress);
  }
  Status rel_status = rels.get();
  SMITH_RETURN_IF_ERROR(status);
  SMITH_RETURN_IF_ERROR(rel_status);
  written.Report(progress);
  stats_.bytes_written = node_bytes + rel_bytes;
  if (progress) progress("ingesting", 0, 1);
  SMITH_RETURN_IF_ERROR(storage::IngestSortedFiles(path_, storage_options_, fingerprint_, *files));
  if (progress) progress("ingesting", 1, 1);
  return stats_;
}

}  // namespace smith::graph
