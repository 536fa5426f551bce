// Built-in procedures: db.labels(), db.relationshipTypes(), db.propertyKeys(),
// dbms.components().
#include <algorithm>
#include <cctype>
#include <optional>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/token_dictionary.h"

namespace smith::exec {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Rows of a procedure, each with one value per field of ProcedureFields().
std::vector<std::vector<Value>> RunProcedure(const std::string& name, ExecContext& ctx) {
  std::vector<std::vector<Value>> rows;
  graph::GraphReader& reader = ctx.reader();
  // Labels and types are listed while some node or relationship carries them (as Neo4j does);
  // property keys are listed once created, whether or not anything still uses them.
  auto names = [&](graph::TokenKind kind) {
    for (const std::string& n : reader.graph().tokens().Names(kind)) {
      if (kind != graph::TokenKind::kPropertyKey) {
        std::optional<graph::TokenId> id = reader.FindToken(kind, n);
        if (!id) continue;
        auto cursor =
            kind == graph::TokenKind::kLabel ? reader.ScanLabel(*id) : reader.ScanRelType(*id);
        uint64_t element;
        const bool used = cursor->Next(&element);
        ThrowIfError(cursor->status());
        if (!used) continue;
      }
      rows.push_back({Value::String(n)});
    }
  };
  if (name == "db.labels") {
    names(graph::TokenKind::kLabel);
  } else if (name == "db.relationshiptypes") {
    names(graph::TokenKind::kRelType);
  } else if (name == "db.propertykeys") {
    names(graph::TokenKind::kPropertyKey);
  } else if (name == "dbms.components") {
    rows.push_back({Value::String("smith"), Value::List({Value::String(SMITH_VERSION_STRING)}),
                    Value::String("embedded")});
  }
  return rows;
}

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

class ProcedureCall final : public Operator {
 public:
  ProcedureCall(OperatorPtr input, std::string procedure, std::vector<int> field_index,
                std::vector<int> slots)
      : Operator(One(std::move(input))),
        procedure_(std::move(procedure)),
        field_index_(std::move(field_index)),
        slots_(std::move(slots)) {}
  std::string Name() const override { return "ProcedureCall"; }
  std::string Details() const override { return procedure_; }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    rows_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (next_ >= rows_.size()) {
      if (!child().Next(ctx, current_)) return false;
      rows_ = RunProcedure(Lower(procedure_), ctx);
      next_ = 0;
    }
    row = current_;
    for (size_t i = 0; i < slots_.size(); ++i) row[slots_[i]] = rows_[next_][field_index_[i]];
    ++next_;
    return true;
  }

 private:
  std::string procedure_;
  std::vector<int> field_index_;
  std::vector<int> slots_;
  Row current_;
  std::vector<std::vector<Value>> rows_;
  size_t next_ = 0;
};

}  // namespace

std::vector<std::string> ProcedureFields(const std::string& procedure) {
  std::string p = Lower(procedure);
  if (p == "db.labels") return {"label"};
  if (p == "db.relationshiptypes") return {"relationshipType"};
  if (p == "db.propertykeys") return {"propertyKey"};
  if (p == "dbms.components") return {"name", "versions", "edition"};
  return {};
}

OperatorPtr MakeProcedureCall(OperatorPtr input, std::string procedure,
                              std::vector<int> field_index, std::vector<int> slots) {
  return std::make_unique<ProcedureCall>(std::move(input), std::move(procedure),
                                         std::move(field_index), std::move(slots));
}

}  // namespace smith::exec
