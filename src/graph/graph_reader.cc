#include "graph/graph_reader.h"

#include "common/key_codec.h"
#include "graph/graph.h"
#include "graph/node_record_reader.h"
#include "graph/node_walker.h"
#include "storage/engine.h"

namespace smith::graph {

namespace {

// Ids taken from the last 8 bytes of every key in [lower, upper) of one family.
class KeySuffixIdCursor final : public IdCursor {
 public:
  explicit KeySuffixIdCursor(std::unique_ptr<storage::Iterator> it) : it_(std::move(it)) {
    it_->SeekToFirst();
  }
  bool Next(uint64_t* id) override {
    if (!status_.ok() || !it_->Valid()) return false;
    std::string_view key = it_->key();
    if (key.size() < keys::kIdBytes) {
      status_ = Status::Corruption("id key shorter than 8 bytes");
      return false;
    }
    *id = DecodeFixed64BE(key.data() + key.size() - keys::kIdBytes);
    it_->Next();
    return true;
  }
  Status status() const override { return status_.ok() ? it_->status() : status_; }

 private:
  std::unique_ptr<storage::Iterator> it_;
  Status status_;
};

class AllRelRecordCursor final : public RelRecordCursor {
 public:
  explicit AllRelRecordCursor(std::unique_ptr<storage::Iterator> it) : it_(std::move(it)) {
    it_->SeekToFirst();
  }
  bool Next(RelId* id, RelRecord* record) override {
    if (!status_.ok() || !it_->Valid()) return false;
    std::string_view key = it_->key();
    if (key.size() != keys::kIdBytes) {
      status_ = Status::Corruption("relationship key is not 8 bytes long");
      return false;
    }
    *id = DecodeFixed64BE(key.data());
    status_ =
        DecodeRelRecord(it_->value(), record).WithContext("relationship " + std::to_string(*id));
    if (!status_.ok()) return false;
    it_->Next();
    return true;
  }
  Status status() const override { return status_.ok() ? it_->status() : status_; }

 private:
  std::unique_ptr<storage::Iterator> it_;
  Status status_;
};

// Node ids in ascending order through a NodeWalker (the node family is read one hash group at a
// time, see node_walker.h).
class NodeWalkCursor final : public IdCursor {
 public:
  explicit NodeWalkCursor(std::unique_ptr<NodeWalker> walker) : walker_(std::move(walker)) {
    walker_->SeekToFirst();
  }
  bool Next(uint64_t* id) override {
    if (!walker_->Valid()) return false;
    *id = walker_->id();
    walker_->Next();
    return true;
  }
  Status status() const override { return walker_->status(); }

 private:
  std::unique_ptr<NodeWalker> walker_;
};

class AdjCursorImpl final : public AdjCursor {
 public:
  AdjCursorImpl(std::unique_ptr<storage::Iterator> it, std::shared_ptr<AdjIteratorPool> pool)
      : it_(std::move(it)), pool_(std::move(pool)), generation_(pool_->generation) {
    it_->SeekToFirst();
  }
  ~AdjCursorImpl() override { pool_->Give(std::move(it_), generation_); }
  bool Next(keys::AdjEntry* entry) override {
    if (!status_.ok() || !it_->Valid()) return false;
    status_ = keys::DecodeAdjKey(it_->key(), entry);
    if (!status_.ok()) return false;
    it_->Next();
    return true;
  }
  Status status() const override { return status_.ok() ? it_->status() : status_; }

 private:
  std::unique_ptr<storage::Iterator> it_;
  std::shared_ptr<AdjIteratorPool> pool_;  // shared: a cursor may outlive its reader
  uint64_t generation_;
  Status status_;
};

// A cursor that yields nothing and reports `status`.
class ErrorIdCursor final : public IdCursor {
 public:
  explicit ErrorIdCursor(Status status) : status_(std::move(status)) {}
  bool Next(uint64_t*) override { return false; }
  Status status() const override { return status_; }

 private:
  Status status_;
};

Status CheckKeyValues(std::span<const Value> values) {
  for (const Value& v : values) {
    if (!IsKeyEncodable(v)) {
      return Status::InvalidArgument(std::string(ValueTypeName(v.type())) +
                                     " values cannot be used as index or key values");
    }
  }
  return Status::OK();
}

}  // namespace

// Index entries in [lower, upper), each validated against the element's current record.
class GraphReader::IndexCursor final : public IdCursor {
 public:
  IndexCursor(GraphReader& reader, const SchemaObject& index, std::unique_ptr<storage::Iterator> it)
      : reader_(reader), index_(index), it_(std::move(it)) {
    it_->SeekToFirst();
  }
  bool Next(uint64_t* id) override {
    while (status_.ok() && it_->Valid()) {
      std::string_view key = it_->key();
      if (key.size() < keys::kTokenBytes + keys::kIdBytes) {
        status_ = Status::Corruption("index entry shorter than 12 bytes");
        return false;
      }
      uint64_t element = DecodeFixed64BE(key.data() + key.size() - keys::kIdBytes);
      Result<bool> live = reader_.IndexEntryIsLive(index_, key, element);
      if (!live.ok()) {
        status_ = live.status();
        return false;
      }
      if (*live) {
        *id = element;
        it_->Next();
        return true;
      }
      reader_.OnStaleIndexEntry(key);
      it_->Next();
    }
    return false;
  }
  Status status() const override { return status_.ok() ? it_->status() : status_; }

 private:
  GraphReader& reader_;
  const SchemaObject& index_;
  std::unique_ptr<storage::Iterator> it_;
  Status status_;
};

bool EncodeSchemaTuple(const SchemaObject& object, const PropertyList& props, std::string* out) {
  if (object.properties.size() == 1) {
    // A tuple of one value is encoded as that value alone; no copy into a vector.
    const Value* value = FindProperty(props, object.properties.front());
    if (value == nullptr || value->is_null()) return false;
    if (object.is_constraint()) {
      EncodeKeyCanonical(*value, out);
    } else {
      EncodeKey(*value, out);
    }
    return true;
  }
  std::vector<Value> values;
  values.reserve(object.properties.size());
  for (TokenId key : object.properties) {
    const Value* value = FindProperty(props, key);
    if (value == nullptr || value->is_null()) return false;
    values.push_back(*value);
  }
  // Uniqueness is decided on Cypher equality (2 = 2.0), so constraints key on the canonical
  // form; index entries keep the lossless form and are sought by its canonical prefix.
  if (object.is_constraint()) {
    EncodeKeyTupleCanonical(values, out);
  } else {
    EncodeKeyTuple(values, out);
  }
  return true;
}

AdjIteratorPool::AdjIteratorPool() = default;
AdjIteratorPool::~AdjIteratorPool() = default;

void AdjIteratorPool::Reset() {
  free.clear();
  ++generation;
}

std::unique_ptr<storage::Iterator> AdjIteratorPool::Take(std::string_view lower,
                                                         std::string_view upper) {
  if (free.empty()) return nullptr;
  std::unique_ptr<storage::Iterator> it = std::move(free.back());
  free.pop_back();
  if (!it->Rebind(lower, upper)) return nullptr;
  return it;
}

void AdjIteratorPool::Give(std::unique_ptr<storage::Iterator> it, uint64_t taken_generation) {
  if (generation == taken_generation && it->status().ok()) free.push_back(std::move(it));
}

GraphReader::GraphReader(Graph& graph, std::unique_ptr<storage::ReadView> view)
    : graph_(graph),
      view_(std::move(view)),
      adj_iterators_(std::make_shared<AdjIteratorPool>()),
      catalog_(graph.catalog()) {}

GraphReader::~GraphReader() {
  adj_iterators_->Reset();  // a cursor still open then drops its iterator
}

Result<bool> GraphReader::GetNode(NodeId id, NodeRecord* out) {
  if (const NodeRecord* unwritten = UnwrittenNode(id)) {
    *out = *unwritten;
    return true;
  }
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(storage::Family::kNode, keys::IdKey(id), &value));
  if (!found) return false;
  SMITH_RETURN_IF_ERROR(DecodeNodeRecord(value, out).WithContext("node " + std::to_string(id)));
  return true;
}

Result<bool> GraphReader::GetRel(RelId id, RelRecord* out) {
  if (const RelRecord* unwritten = UnwrittenRel(id)) {
    *out = *unwritten;
    return true;
  }
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(storage::Family::kRel, keys::IdKey(id), &value));
  if (!found) return false;
  SMITH_RETURN_IF_ERROR(
      DecodeRelRecord(value, out).WithContext("relationship " + std::to_string(id)));
  return true;
}

Result<NodeId> GraphReader::NodeIdBound() {
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found,
                         view_->Get(storage::Family::kMeta, keys::kMetaNextNodeId, &value));
  if (!found) return NodeId{0};
  if (value.size() != keys::kIdBytes) {
    return Status::Corruption("meta entry " + std::string(keys::kMetaNextNodeId) +
                              " is not 8 bytes");
  }
  return DecodeFixed64BE(value.data());
}

std::unique_ptr<NodeWalker> GraphReader::NewNodeWalker() {
  BeforeRecordScan();
  return std::make_unique<NodeWalker>(*view_, NodeIdBound());
}

std::unique_ptr<IdCursor> GraphReader::ScanAllNodes() {
  return std::make_unique<NodeWalkCursor>(NewNodeWalker());
}

std::unique_ptr<NodeRecordReader> GraphReader::NewNodeRecordReader() {
  return std::make_unique<NodeRecordReader>(*this, NewNodeWalker());
}

std::unique_ptr<IdCursor> GraphReader::ScanLabel(TokenId label) {
  std::string prefix = keys::LabelPrefix(label);
  return std::make_unique<KeySuffixIdCursor>(
      view_->NewIterator(storage::Family::kLabel, prefix, keys::PrefixEnd(prefix)));
}

std::unique_ptr<IdCursor> GraphReader::ScanAllRels() {
  BeforeRecordScan();
  return std::make_unique<KeySuffixIdCursor>(view_->NewIterator(storage::Family::kRel, "", ""));
}

std::unique_ptr<RelRecordCursor> GraphReader::ScanAllRelRecords() {
  BeforeRecordScan();
  return std::make_unique<AllRelRecordCursor>(view_->NewIterator(storage::Family::kRel, "", ""));
}

std::unique_ptr<IdCursor> GraphReader::ScanRelType(TokenId type) {
  std::string prefix = keys::RelTypePrefix(type);
  return std::make_unique<KeySuffixIdCursor>(
      view_->NewIterator(storage::Family::kRelType, prefix, keys::PrefixEnd(prefix)));
}

std::unique_ptr<AdjCursor> GraphReader::Expand(NodeId node, std::optional<Direction> dir,
                                               std::optional<TokenId> type,
                                               std::optional<NodeId> other) {
  std::string prefix;
  if (!dir) {
    // Without a direction the type cannot narrow the prefix; callers filter by type.
    prefix = keys::AdjPrefix(node);
  } else if (!type) {
    prefix = keys::AdjPrefix(node, *dir);
  } else if (!other) {
    prefix = keys::AdjPrefix(node, *dir, *type);
  } else {
    prefix = keys::AdjPrefix(node, *dir, *type, *other);
  }
  return NewAdjCursor(prefix);
}

std::unique_ptr<AdjCursor> GraphReader::NewAdjCursor(const std::string& prefix) {
  const std::string upper = keys::PrefixEnd(prefix);
  std::unique_ptr<storage::Iterator> it = adj_iterators_->Take(prefix, upper);
  if (it == nullptr) it = view_->NewIterator(storage::Family::kAdj, prefix, upper);
  return std::make_unique<AdjCursorImpl>(std::move(it), adj_iterators_);
}

Result<std::optional<uint64_t>> GraphReader::SeekUnique(const SchemaObject& constraint,
                                                        std::span<const Value> key) {
  SMITH_RETURN_IF_ERROR(CheckKeyValues(key));
  std::string k = keys::SchemaPrefix(constraint.id);
  EncodeKeyTupleCanonical(key, &k);
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found, view_->Get(storage::Family::kUnique, k, &value));
  if (!found) return std::optional<uint64_t>();
  if (value.size() != keys::kIdBytes) {
    return Status::Corruption("unique index entry of constraint " + constraint.name +
                              " has a malformed value");
  }
  return std::optional<uint64_t>(DecodeFixed64BE(value.data()));
}

std::unique_ptr<IdCursor> GraphReader::SeekIndexEqual(const SchemaObject& index,
                                                      std::span<const Value> key) {
  Status valid = CheckKeyValues(key);
  if (!valid.ok()) return std::make_unique<ErrorIdCursor>(std::move(valid));
  std::string lower = keys::SchemaPrefix(index.id);
  EncodeKeyTupleCanonical(key, &lower);
  std::string upper = keys::PrefixEnd(lower);
  return NewIndexCursor(index, std::move(lower), std::move(upper));
}

std::unique_ptr<IdCursor> GraphReader::SeekIndexRange(const SchemaObject& index,
                                                      const std::optional<IndexBound>& lower,
                                                      const std::optional<IndexBound>& upper) {
  for (const auto* bound : {&lower, &upper}) {
    if (!*bound) continue;
    Status valid = CheckKeyValues({&(*bound)->value, 1});
    if (!valid.ok()) return std::make_unique<ErrorIdCursor>(std::move(valid));
  }
  std::string prefix = keys::SchemaPrefix(index.id);
  std::string lo = prefix;
  std::string hi = keys::PrefixEnd(prefix);
  if (lower) {
    std::string encoded = prefix;
    EncodeKeyCanonical(lower->value, &encoded);
    lo = lower->inclusive ? encoded : keys::PrefixEnd(encoded);
  }
  if (upper) {
    std::string encoded = prefix;
    EncodeKeyCanonical(upper->value, &encoded);
    hi = upper->inclusive ? keys::PrefixEnd(encoded) : encoded;
  }
  return NewIndexCursor(index, std::move(lo), std::move(hi));
}

std::unique_ptr<IdCursor> GraphReader::NewIndexCursor(const SchemaObject& index, std::string lower,
                                                      std::string upper) {
  if (upper <= lower && !upper.empty()) {
    upper = lower;  // empty range
  }
  return std::make_unique<IndexCursor>(*this, index,
                                       view_->NewIterator(storage::Family::kIndex, lower, upper));
}

Result<bool> GraphReader::IndexEntryIsLive(const SchemaObject& index, std::string_view entry_key,
                                           uint64_t element) {
  const PropertyList* props = nullptr;
  NodeRecord node;
  RelRecord rel;
  if (index.entity == EntityKind::kNode) {
    SMITH_ASSIGN_OR_RETURN(bool found, GetNode(element, &node));
    if (!found || !node.HasLabel(index.token)) return false;
    props = &node.properties;
  } else {
    SMITH_ASSIGN_OR_RETURN(bool found, GetRel(element, &rel));
    if (!found || rel.type != index.token) return false;
    props = &rel.properties;
  }
  std::string current = keys::SchemaPrefix(index.id);
  if (!EncodeSchemaTuple(index, *props, &current)) return false;
  PutFixed64BE(element, &current);
  return current == entry_key;
}

std::optional<TokenId> GraphReader::FindToken(TokenKind kind, std::string_view name) const {
  return graph_.tokens().Find(kind, name);
}

std::string_view GraphReader::TokenName(TokenKind kind, TokenId id) const {
  return graph_.tokens().Name(kind, id);
}

}  // namespace smith::graph
