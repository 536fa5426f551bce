// Leaf-like operators that bind a node variable for each input row: scans and index seeks.
//
// In a writing statement the ids are collected before the first one is yielded, so that writes
// made while consuming them neither disturb the open RocksDB iterator nor show up in the scan.
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

// Yields, for each input row, the node ids of a cursor made by `Cursor()`.
class NodeSource : public Operator {
 public:
  NodeSource(OperatorPtr input, int slot) : Operator(One(std::move(input))), slot_(slot) {}
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    cursor_.reset();
    ids_.clear();
    next_ = 0;
  }

 protected:
  // A cursor for the current input row, or null when the row cannot match (e.g. null key).
  virtual std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) = 0;

  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      uint64_t id;
      if (NextId(ctx, &id)) {
        row = current_;
        row[slot_] = ExecContext::NodeRef(id);
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      cursor_ = Cursor(ctx, current_);
      ids_.clear();
      next_ = 0;
      if (cursor_ && ctx.can_write()) {
        while (cursor_->Next(&id)) ids_.push_back(id);
        ThrowIfError(cursor_->status());
        cursor_.reset();
        eager_ = true;
      } else {
        eager_ = false;
      }
    }
  }

 private:
  bool NextId(ExecContext&, uint64_t* id) {
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

  int slot_;
  Row current_;
  std::unique_ptr<graph::IdCursor> cursor_;
  std::vector<uint64_t> ids_;
  size_t next_ = 0;
  bool eager_ = false;
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

class NodeIndexRangeSeek final : public NodeSource {
 public:
  NodeIndexRangeSeek(OperatorPtr input, int slot, std::string index, ExprPtr lower, bool lower_inc,
                     ExprPtr upper, bool upper_inc)
      : NodeSource(std::move(input), slot),
        index_(std::move(index)),
        lower_(std::move(lower)),
        upper_(std::move(upper)),
        lower_inc_(lower_inc),
        upper_inc_(upper_inc) {}
  std::string Name() const override { return "NodeIndexSeekByRange"; }
  std::string Details() const override { return index_; }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    std::optional<graph::IndexBound> lower;
    std::optional<graph::IndexBound> upper;
    if (lower_) {
      Value v = lower_->Eval(row, ctx);
      if (v.is_null()) return nullptr;
      lower = graph::IndexBound{std::move(v), lower_inc_};
    }
    if (upper_) {
      Value v = upper_->Eval(row, ctx);
      if (v.is_null()) return nullptr;
      upper = graph::IndexBound{std::move(v), upper_inc_};
    }
    return ctx.reader().SeekIndexRange(SchemaByName(ctx, index_), lower, upper);
  }

 private:
  std::string index_;
  ExprPtr lower_;
  ExprPtr upper_;
  bool lower_inc_;
  bool upper_inc_;
};

class NodeByIdSeek final : public NodeSource {
 public:
  NodeByIdSeek(OperatorPtr input, int slot, ExprPtr ids)
      : NodeSource(std::move(input), slot), ids_(std::move(ids)) {}
  std::string Name() const override { return "NodeByIdSeek"; }
  std::string Details() const override { return ids_->Describe(); }

 protected:
  std::unique_ptr<graph::IdCursor> Cursor(ExecContext& ctx, const Row& row) override {
    Value v = ids_->Eval(row, ctx);
    if (!v.is_int() || v.AsInt() < 0) return nullptr;
    if (ctx.NodeRecordOf(static_cast<graph::NodeId>(v.AsInt())) == nullptr) return nullptr;
    return std::make_unique<SingleIdCursor>(static_cast<uint64_t>(v.AsInt()));
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
OperatorPtr MakeNodeIndexRangeSeek(OperatorPtr input, int slot, std::string index, ExprPtr lower,
                                   bool lower_inclusive, ExprPtr upper, bool upper_inclusive) {
  return std::make_unique<NodeIndexRangeSeek>(std::move(input), slot, std::move(index),
                                              std::move(lower), lower_inclusive, std::move(upper),
                                              upper_inclusive);
}
OperatorPtr MakeNodeByIdSeek(OperatorPtr input, int slot, ExprPtr ids) {
  return std::make_unique<NodeByIdSeek>(std::move(input), slot, std::move(ids));
}

}  // namespace smith::exec
