// Leaf-like operators that start a pattern for each input row: node scans and seeks (bind one
// node variable), and relationship scans and seeks (bind a relationship and its two end nodes).
//
// In a writing statement the ids are collected before the first one is yielded, so that writes
// made while consuming them neither disturb the open RocksDB iterator nor show up in the scan.
#include <algorithm>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"

namespace smith::exec {

namespace {

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

// The ids of one cursor, drained up front in a writing statement (see the file comment).
class IdStream {
 public:
  void Reset(ExecContext& ctx, std::unique_ptr<graph::IdCursor> cursor) {
    cursor_ = std::move(cursor);
    ids_.clear();
    next_ = 0;
    eager_ = cursor_ != nullptr && ctx.can_write();
    if (eager_) {
      uint64_t id;
      while (cursor_->Next(&id)) ids_.push_back(id);
      ThrowIfError(cursor_->status());
      cursor_.reset();
    }
  }
  bool Next(uint64_t* id) {
    if (eager_) {
      if (next_ >= ids_.size()) return false;
      *id = ids_[next_++];
      return true;
    }
    if (!cursor_) return false;
    if (cursor_->Next(id)) return true;
    ThrowIfError(cursor_->status());
    cursor_.reset();
    return false;
  }

 private:
  std::unique_ptr<graph::IdCursor> cursor_;
  std::vector<uint64_t> ids_;
  size_t next_ = 0;
  bool eager_ = false;
};

// Yields, for each input row, the node ids of a cursor made by `Cursor()`.
class NodeSource : public Operator {
 public:
  NodeSource(OperatorPtr input, int slot) : Operator(One(std::move(input))), slot_(slot) {}
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    ids_.Reset(ctx, nullptr);
  }

 protected:
  // A cursor for the current input row, or null when the row cannot match (e.g. null key).
  virtual std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) = 0;

  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      uint64_t id;
      if (ids_.Next(&id)) {
        row = current_;
        row[slot_] = ExecContext::NodeRef(id);
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      ids_.Reset(ctx, Cursor(ctx, current_));
    }
  }

 private:
  int slot_;
  Row current_;
  IdStream ids_;
};

class NodeScan final : public NodeSource {
 public:
  NodeScan(OperatorPtr input, int slot, std::optional<std::string> label)
      : NodeSource(std::move(input), slot), label_(std::move(label)) {}
  std::string Name() const override { return label_ ? "NodeByLabelScan" : "AllNodesScan"; }
  std::string Details() const override { return label_ ? ":" + *label_ : ""; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row&) override {
    if (!label_) return ctx.reader().ScanAllNodes();
    auto token = ctx.FindToken(graph::TokenKind::kLabel, *label_);
    if (!token) return nullptr;
    return ctx.reader().ScanLabel(*token);
  }

 private:
  std::optional<std::string> label_;
};

// A cursor over at most one id.
class SingleIdCursor final : public graph::IdCursor {
 public:
  explicit SingleIdCursor(std::optional<uint64_t> id) : id_(id) {}
  bool Next(uint64_t* id) override {
    if (!id_) return false;
    *id = *id_;
    id_.reset();
    return true;
  }
  Status status() const override { return Status::OK(); }

 private:
  std::optional<uint64_t> id_;
};

// A cursor over a list of ids.
class VectorIdCursor final : public graph::IdCursor {
 public:
  explicit VectorIdCursor(std::vector<uint64_t> ids) : ids_(std::move(ids)) {}
  bool Next(uint64_t* id) override {
    if (next_ >= ids_.size()) return false;
    *id = ids_[next_++];
    return true;
  }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<uint64_t> ids_;
  size_t next_ = 0;
};

// The ids `v` can equal: an integer, an integral float, or a list of them (other values and
// list elements can equal no id). Ascending, without duplicates: `id(x) IN [1, 1]` matches once.
std::vector<uint64_t> IdsOf(const Value& v) {
  std::vector<uint64_t> ids;
  auto add = [&](const Value& item) {
    if (item.is_int() && item.AsInt() >= 0) {
      ids.push_back(static_cast<uint64_t>(item.AsInt()));
    } else if (item.is_float() && item.AsFloat() >= 0 && item.AsFloat() < 9.2e18 &&
               item.AsFloat() == static_cast<double>(static_cast<int64_t>(item.AsFloat()))) {
      ids.push_back(static_cast<uint64_t>(item.AsFloat()));
    }
  };
  if (v.is_list()) {
    for (const Value& item : v.AsList()) add(item);
  } else {
    add(v);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

const graph::SchemaObject& SchemaByName(ExecContext& ctx, const std::string& name) {
  const graph::SchemaObject* object = ctx.reader().catalog().FindByName(name);
  if (object == nullptr) {
    ThrowError(StatusCode::kNotFound,
               "the plan uses '" + name + "', which was dropped; run the statement again");
  }
  return *object;
}

// Evaluates key expressions; false when one is null (nothing can match).
bool EvalKeys(const std::vector<ExprPtr>& exprs, const Row& row, ExecContext& ctx,
              std::vector<Value>* out) {
  out->clear();
  for (const auto& e : exprs) {
    out->push_back(e->Eval(row, ctx));
    if (out->back().is_null()) return false;
  }
  return true;
}

class NodeUniqueSeek final : public NodeSource {
 public:
  NodeUniqueSeek(OperatorPtr input, int slot, std::string constraint, std::vector<ExprPtr> keys)
      : NodeSource(std::move(input), slot),
        constraint_(std::move(constraint)),
        keys_(std::move(keys)) {}
  std::string Name() const override { return "NodeUniqueIndexSeek"; }
  std::string Details() const override { return constraint_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    if (!EvalKeys(keys_, row, ctx, &values_)) return nullptr;
    const graph::SchemaObject& c = SchemaByName(ctx, constraint_);
    // The writer answers from its in-memory key index (no disk read on the ingest path).
    Result<std::optional<uint64_t>> found =
        ctx.can_write() ? ctx.writer().FindByKey(c, values_) : ctx.reader().SeekUnique(c, values_);
    return std::make_unique<SingleIdCursor>(ValueOrThrow(std::move(found)));
  }

 private:
  std::string constraint_;
  std::vector<ExprPtr> keys_;
  std::vector<Value> values_;
};

class NodeIndexSeek final : public NodeSource {
 public:
  NodeIndexSeek(OperatorPtr input, int slot, std::string index, std::vector<ExprPtr> keys)
      : NodeSource(std::move(input), slot), index_(std::move(index)), keys_(std::move(keys)) {}
  std::string Name() const override { return "NodeIndexSeek"; }
  std::string Details() const override { return index_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    if (!EvalKeys(keys_, row, ctx, &values_)) return nullptr;
    return ctx.reader().SeekIndexEqual(SchemaByName(ctx, index_), values_);
  }

 private:
  std::string index_;
  std::vector<ExprPtr> keys_;
  std::vector<Value> values_;
};

// An index range cursor for the bounds evaluated on `row`; null when a bound is null.
std::unique_ptr<graph::IdCursor> RangeCursor(ExecContext& ctx, const Row& row,
                                             const std::string& index, const RangeBounds& b) {
  std::optional<graph::IndexBound> lower;
  std::optional<graph::IndexBound> upper;
  if (b.lower) {
    Value v = b.lower->Eval(row, ctx);
    if (v.is_null()) return nullptr;
    lower = graph::IndexBound{std::move(v), b.lower_inclusive};
  }
  if (b.upper) {
    Value v = b.upper->Eval(row, ctx);
    if (v.is_null()) return nullptr;
    upper = graph::IndexBound{std::move(v), b.upper_inclusive};
  }
  return ctx.reader().SeekIndexRange(SchemaByName(ctx, index), lower, upper);
}

class NodeIndexRangeSeek final : public NodeSource {
 public:
  NodeIndexRangeSeek(OperatorPtr input, int slot, std::string index, RangeBounds bounds)
      : NodeSource(std::move(input), slot), index_(std::move(index)), bounds_(std::move(bounds)) {}
  std::string Name() const override { return "NodeIndexSeekByRange"; }
  std::string Details() const override { return index_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    return RangeCursor(ctx, row, index_, bounds_);
  }

 private:
  std::string index_;
  RangeBounds bounds_;
};

class NodeByIdSeek final : public NodeSource {
 public:
  NodeByIdSeek(OperatorPtr input, int slot, ExprPtr ids)
      : NodeSource(std::move(input), slot), ids_(std::move(ids)) {}
  std::string Name() const override { return "NodeByIdSeek"; }
  std::string Details() const override { return ids_->Describe(); }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    std::vector<uint64_t> ids = IdsOf(ids_->Eval(row, ctx));
    std::erase_if(ids, [&](uint64_t id) { return ctx.NodeRecordOf(id) == nullptr; });
    return std::make_unique<VectorIdCursor>(std::move(ids));
  }

 private:
  ExprPtr ids_;
};

// Yields, for each input row, the relationships of a cursor made by `Cursor()` whose type is
// one of `types` (any when empty), binding the relationship and its start and end node.
class RelSource : public Operator {
 public:
  RelSource(OperatorPtr input, RelSlots slots, std::vector<std::string> types)
      : Operator(One(std::move(input))), slots_(slots), types_(std::move(types)) {}
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    ids_.Reset(ctx, nullptr);
  }
  std::string Details() const override {
    std::string out;
    for (const std::string& t : types_) out += ":" + t;
    return out;
  }

 protected:
  virtual std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) = 0;

  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      uint64_t id;
      while (ids_.Next(&id)) {
        const graph::RelRecord* r = ctx.RelRecordOf(id);
        if (r == nullptr || !TypeMatches(r->type)) continue;
        Bind(ctx, id, *r, row);
        return true;
      }
      if (!NextInput(ctx)) return false;
      ids_.Reset(ctx, Cursor(ctx, current_));
    }
  }

  // Pulls the next input row and resolves the types for it; false at the end of the input. Skips
  // input rows when none of the types was ever created.
  bool NextInput(ExecContext& ctx) {
    while (child().Next(ctx, current_)) {
      type_tokens_.clear();
      for (const std::string& t : types_) {
        if (auto token = ctx.FindToken(graph::TokenKind::kRelType, t))
          type_tokens_.push_back(*token);
      }
      if (types_.empty() || !type_tokens_.empty()) return true;
    }
    return false;
  }
  bool TypeMatches(graph::TokenId type) const {
    return types_.empty() ||
           std::find(type_tokens_.begin(), type_tokens_.end(), type) != type_tokens_.end();
  }
  // The input row with the relationship and its two nodes bound.
  void Bind(ExecContext& ctx, graph::RelId id, const graph::RelRecord& r, Row& row) const {
    const graph::NodeId start = r.start;
    const graph::NodeId end = r.end;
    const graph::TokenId type = r.type;
    row = current_;
    row[slots_.rel] = ctx.RelRef(id, type, start, end);
    row[slots_.start] = ExecContext::NodeRef(start);
    row[slots_.end] = ExecContext::NodeRef(end);
  }

 private:
  RelSlots slots_;
  std::vector<std::string> types_;
  std::vector<graph::TokenId> type_tokens_;
  Row current_;
  IdStream ids_;
};

class RelTypeScan final : public RelSource {
 public:
  RelTypeScan(OperatorPtr input, RelSlots slots, std::string type)
      : RelSource(std::move(input), slots, {type}), type_(std::move(type)) {}
  std::string Name() const override { return "DirectedRelationshipTypeScan"; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row&) override {
    auto token = ctx.FindToken(graph::TokenKind::kRelType, type_);
    return token ? ctx.reader().ScanRelType(*token) : nullptr;
  }

 private:
  std::string type_;
};

// Every relationship in id order, optionally filtered to some types: for directed patterns whose
// nodes have neither labels nor seeks, which would otherwise visit every node and seek its
// adjacency. A read-only statement reads the records along with their keys (one pass over the
// relationship family) and hands each to the context's record cache, so that property reads of
// the row need no lookup. A writing statement collects the ids first (RelSource), so that its own
// writes never feed back into the scan.
class RelAllScan final : public RelSource {
 public:
  RelAllScan(OperatorPtr input, RelSlots slots, std::vector<std::string> types)
      : RelSource(std::move(input), slots, std::move(types)) {}
  std::string Name() const override { return "DirectedAllRelationshipsScan"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    RelSource::Open(ctx, argument);
    records_.reset();
  }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row&) override {
    return ctx.reader().ScanAllRels();
  }

  bool Produce(ExecContext& ctx, Row& row) override {
    if (ctx.can_write()) return RelSource::Produce(ctx, row);
    while (true) {
      if (records_ != nullptr) {
        graph::RelId id;
        while (records_->Next(&id, &record_)) {
          if (!TypeMatches(record_.type)) continue;
          Bind(ctx, id, record_, row);
          ctx.AdoptRelRecord(id, &record_);
          return true;
        }
        ThrowIfError(records_->status());
        records_.reset();
      }
      if (!NextInput(ctx)) return false;
      records_ = ctx.reader().ScanAllRelRecords();
    }
  }

 private:
  std::unique_ptr<graph::RelRecordCursor> records_;
  graph::RelRecord record_;
};

class RelIndexSeek final : public RelSource {
 public:
  RelIndexSeek(OperatorPtr input, RelSlots slots, std::string type, std::string index,
               std::vector<ExprPtr> keys)
      : RelSource(std::move(input), slots, {std::move(type)}),
        index_(std::move(index)),
        keys_(std::move(keys)) {}
  std::string Name() const override { return "DirectedRelationshipIndexSeek"; }
  std::string Details() const override { return index_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    if (!EvalKeys(keys_, row, ctx, &values_)) return nullptr;
    return ctx.reader().SeekIndexEqual(SchemaByName(ctx, index_), values_);
  }

 private:
  std::string index_;
  std::vector<ExprPtr> keys_;
  std::vector<Value> values_;
};

class RelIndexRangeSeek final : public RelSource {
 public:
  RelIndexRangeSeek(OperatorPtr input, RelSlots slots, std::string type, std::string index,
                    RangeBounds bounds)
      : RelSource(std::move(input), slots, {std::move(type)}),
        index_(std::move(index)),
        bounds_(std::move(bounds)) {}
  std::string Name() const override { return "DirectedRelationshipIndexSeekByRange"; }
  std::string Details() const override { return index_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    return RangeCursor(ctx, row, index_, bounds_);
  }

 private:
  std::string index_;
  RangeBounds bounds_;
};

class RelByIdSeek final : public RelSource {
 public:
  RelByIdSeek(OperatorPtr input, RelSlots slots, std::vector<std::string> types, ExprPtr ids)
      : RelSource(std::move(input), slots, std::move(types)), ids_(std::move(ids)) {}
  std::string Name() const override { return "DirectedRelationshipByIdSeek"; }
  std::string Details() const override { return ids_->Describe(); }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    // Missing and deleted relationships are skipped by RelSource (no record).
    return std::make_unique<VectorIdCursor>(IdsOf(ids_->Eval(row, ctx)));
  }

 private:
  ExprPtr ids_;
};

}  // namespace

OperatorPtr MakeNodeScan(OperatorPtr input, int slot, std::optional<std::string> label) {
  return std::make_unique<NodeScan>(std::move(input), slot, std::move(label));
}
OperatorPtr MakeNodeUniqueSeek(OperatorPtr input, int slot, std::string constraint,
                               std::vector<ExprPtr> keys) {
  return std::make_unique<NodeUniqueSeek>(std::move(input), slot, std::move(constraint),
                                          std::move(keys));
}
OperatorPtr MakeNodeIndexSeek(OperatorPtr input, int slot, std::string index,
                              std::vector<ExprPtr> keys) {
  return std::make_unique<NodeIndexSeek>(std::move(input), slot, std::move(index), std::move(keys));
}
OperatorPtr MakeNodeIndexRangeSeek(OperatorPtr input, int slot, std::string index,
                                   RangeBounds bounds) {
  return std::make_unique<NodeIndexRangeSeek>(std::move(input), slot, std::move(index),
                                              std::move(bounds));
}
OperatorPtr MakeNodeByIdSeek(OperatorPtr input, int slot, ExprPtr ids) {
  return std::make_unique<NodeByIdSeek>(std::move(input), slot, std::move(ids));
}

OperatorPtr MakeRelTypeScan(OperatorPtr input, RelSlots slots, std::string type) {
  return std::make_unique<RelTypeScan>(std::move(input), slots, std::move(type));
}

OperatorPtr MakeRelAllScan(OperatorPtr input, RelSlots slots, std::vector<std::string> types) {
  return std::make_unique<RelAllScan>(std::move(input), slots, std::move(types));
}
OperatorPtr MakeRelIndexSeek(OperatorPtr input, RelSlots slots, std::string type, std::string index,
                             std::vector<ExprPtr> keys) {
  return std::make_unique<RelIndexSeek>(std::move(input), slots, std::move(type), std::move(index),
                                        std::move(keys));
}
OperatorPtr MakeRelIndexRangeSeek(OperatorPtr input, RelSlots slots, std::string type,
                                  std::string index, RangeBounds bounds) {
  return std::make_unique<RelIndexRangeSeek>(std::move(input), slots, std::move(type),
                                             std::move(index), std::move(bounds));
}
OperatorPtr MakeRelByIdSeek(OperatorPtr input, RelSlots slots, std::vector<std::string> types,
                            ExprPtr ids) {
  return std::make_unique<RelByIdSeek>(std::move(input), slots, std::move(types), std::move(ids));
}

}  // namespace smith::exec
