// The concrete compiled expression nodes (see expr.h). Built by the planner's expression
// compiler; each node evaluates its children and combines them with Cypher's semantics from
// common/value_compare.h and the functions library.
#ifndef SMITH_CYPHER_EXECUTION_EXPRESSIONS_H_
#define SMITH_CYPHER_EXECUTION_EXPRESSIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "cypher/ast/expression.h"
#include "cypher/execution/expr.h"

namespace smith::cypher {
struct ScalarFunction;
}

namespace smith::exec {

class ConstExpr final : public Expr {
 public:
  explicit ConstExpr(Value v) : value_(std::move(v)) {}
  Value Eval(const Row&, ExecContext&) const override { return value_; }
  std::string Describe() const override { return value_.ToString(); }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class ParamExpr final : public Expr {
 public:
  explicit ParamExpr(std::string name) : name_(std::move(name)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "$" + name_; }

 private:
  std::string name_;
};

class SlotExpr final : public Expr {
 public:
  SlotExpr(int slot, std::string name) : slot_(slot), name_(std::move(name)) {}
  Value Eval(const Row& row, ExecContext&) const override { return row[slot_]; }
  std::string Describe() const override { return name_; }
  int slot() const { return slot_; }

 private:
  int slot_;
  std::string name_;
};

class PropertyExpr final : public Expr {
 public:
  PropertyExpr(ExprPtr object, std::string key)
      : object_(std::move(object)), key_(std::move(key)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return object_->Describe() + "." + key_; }

 private:
  ExprPtr object_;
  std::string key_;
};

class ListExpr final : public Expr {
 public:
  explicit ListExpr(std::vector<ExprPtr> items) : items_(std::move(items)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "[...]"; }

 private:
  std::vector<ExprPtr> items_;
};

class MapExpr final : public Expr {
 public:
  MapExpr(std::vector<std::string> keys, std::vector<ExprPtr> values);
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "{...}"; }

 private:
  std::vector<std::string> keys_;
  std::vector<ExprPtr> values_;
  // Indexes into keys_ in key order, without the earlier ones of duplicate keys (the last one
  // wins): Eval builds its map already sorted instead of sorting every row's.
  std::vector<size_t> sorted_;
};

enum class LogicOp { kAnd, kOr, kXor, kNot };

class LogicExpr final : public Expr {
 public:
  LogicExpr(LogicOp op, ExprPtr left, ExprPtr right)
      : op_(op), left_(std::move(left)), right_(std::move(right)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override;

 private:
  LogicOp op_;
  ExprPtr left_;
  ExprPtr right_;  // null for kNot
};

// Binary operators other than AND/OR/XOR: comparisons, arithmetic, string predicates, IN, =~.
class BinaryOpExpr final : public Expr {
 public:
  BinaryOpExpr(cypher::BinaryOp op, ExprPtr left, ExprPtr right);
  ~BinaryOpExpr() override;
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override;
  // Applies the operator to two values (also used by comparison chains).
  Value Apply(const Value& l, const Value& r) const;

 private:
  struct RegexCache;
  cypher::BinaryOp op_;
  ExprPtr left_;
  ExprPtr right_;
  std::unique_ptr<RegexCache> regex_;
};

class ChainExpr final : public Expr {
 public:
  ChainExpr(std::vector<ExprPtr> operands, std::vector<cypher::BinaryOp> ops);
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "comparison chain"; }

 private:
  std::vector<ExprPtr> operands_;
  std::vector<std::unique_ptr<BinaryOpExpr>> comparators_;
};

enum class UnaryKind { kMinus, kPlus };

class UnaryExpr final : public Expr {
 public:
  UnaryExpr(UnaryKind kind, ExprPtr operand) : kind_(kind), operand_(std::move(operand)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "-" + operand_->Describe(); }

 private:
  UnaryKind kind_;
  ExprPtr operand_;
};

class IsNullExpr final : public Expr {
 public:
  IsNullExpr(ExprPtr operand, bool negated) : operand_(std::move(operand)), negated_(negated) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override {
    return operand_->Describe() + (negated_ ? " IS NOT NULL" : " IS NULL");
  }

 private:
  ExprPtr operand_;
  bool negated_;
};

class SubscriptExpr final : public Expr {
 public:
  SubscriptExpr(ExprPtr object, ExprPtr index)
      : object_(std::move(object)), index_(std::move(index)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return object_->Describe() + "[...]"; }

 private:
  ExprPtr object_;
  ExprPtr index_;
};

class SliceExpr final : public Expr {
 public:
  SliceExpr(ExprPtr object, ExprPtr from, ExprPtr to)
      : object_(std::move(object)), from_(std::move(from)), to_(std::move(to)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return object_->Describe() + "[..]"; }

 private:
  ExprPtr object_;
  ExprPtr from_;  // may be null
  ExprPtr to_;    // may be null
};

class CaseExpr final : public Expr {
 public:
  CaseExpr(ExprPtr subject, std::vector<std::pair<ExprPtr, ExprPtr>> alternatives,
           ExprPtr otherwise)
      : subject_(std::move(subject)),
        alternatives_(std::move(alternatives)),
        otherwise_(std::move(otherwise)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "CASE"; }

 private:
  ExprPtr subject_;  // null for the generic form
  std::vector<std::pair<ExprPtr, ExprPtr>> alternatives_;
  ExprPtr otherwise_;  // may be null
};

// A label expression evaluated against a node's labels or a relationship's type.
struct LabelMatcher {
  cypher::LabelExprKind kind = cypher::LabelExprKind::kName;
  std::string name;
  ExprPtr dynamic;  // kDynamic: a string or a list of strings, all required
  std::vector<LabelMatcher> children;

  // `tokens`: the node's label tokens (sorted) or the relationship's type token.
  bool Matches(const std::vector<uint32_t>& tokens, bool is_node, const Row& row,
               ExecContext& ctx) const;
  std::string Describe() const;
};

// `operand:A:B` (every matcher must match); null operand gives null.
class LabelPredicateExpr final : public Expr {
 public:
  LabelPredicateExpr(ExprPtr operand, std::vector<LabelMatcher> matchers)
      : operand_(std::move(operand)), matchers_(std::move(matchers)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override;

 private:
  ExprPtr operand_;
  std::vector<LabelMatcher> matchers_;
};

// A function of the functions library.
class FunctionExpr final : public Expr {
 public:
  FunctionExpr(const cypher::ScalarFunction* function, std::string name, std::vector<ExprPtr> args)
      : function_(function), name_(std::move(name)), args_(std::move(args)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return name_ + "(...)"; }

 private:
  const cypher::ScalarFunction* function_;
  std::string name_;
  std::vector<ExprPtr> args_;
};

// Functions that need the graph: they take element references.
enum class GraphFunction {
  kId,
  kElementId,
  kLabels,
  kType,
  kProperties,
  kKeys,
  kStartNode,
  kEndNode,
  kNodes,
  kRelationships,
  kLength,
};

class GraphFunctionExpr final : public Expr {
 public:
  GraphFunctionExpr(GraphFunction function, std::string name, ExprPtr arg,
                    const cypher::ScalarFunction* fallback)
      : function_(function), name_(std::move(name)), arg_(std::move(arg)), fallback_(fallback) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return name_ + "(...)"; }

 private:
  GraphFunction function_;
  std::string name_;
  ExprPtr arg_;
  const cypher::ScalarFunction* fallback_;  // for non-graph arguments (e.g. keys(map)); may be null
};

// [x IN list WHERE pred | projection], any/all/none/single(...), reduce(...): they bind an
// iteration variable in a scratch copy of the row.
enum class IterateKind { kComprehension, kAll, kAny, kNone, kSingle, kReduce };

class IterateExpr final : public Expr {
 public:
  IterateExpr(IterateKind kind, int variable_slot, ExprPtr list, ExprPtr where, ExprPtr projection,
              int accumulator_slot, ExprPtr init)
      : kind_(kind),
        variable_slot_(variable_slot),
        list_(std::move(list)),
        where_(std::move(where)),
        projection_(std::move(projection)),
        accumulator_slot_(accumulator_slot),
        init_(std::move(init)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "list iteration"; }

 private:
  IterateKind kind_;
  int variable_slot_;
  ExprPtr list_;
  ExprPtr where_;         // may be null
  ExprPtr projection_;    // comprehension projection or reduce expression; may be null
  int accumulator_slot_;  // reduce only
  ExprPtr init_;          // reduce only
};

// `v{.a, .*, k: expr}`.
struct MapProjectionEntry {
  cypher::MapProjectionItemKind kind;
  std::string key;
  ExprPtr value;
};

class MapProjectionExpr final : public Expr {
 public:
  MapProjectionExpr(ExprPtr object, std::vector<MapProjectionEntry> entries)
      : object_(std::move(object)), entries_(std::move(entries)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "map projection"; }

 private:
  ExprPtr object_;
  std::vector<MapProjectionEntry> entries_;
};

// Builds a path value from alternating node and relationship slots (named paths).
class PathExpr final : public Expr {
 public:
  PathExpr(std::vector<int> node_slots, std::vector<int> rel_slots)
      : node_slots_(std::move(node_slots)), rel_slots_(std::move(rel_slots)) {}
  Value Eval(const Row& row, ExecContext& ctx) const override;
  std::string Describe() const override { return "path"; }

 private:
  std::vector<int> node_slots_;
  std::vector<int> rel_slots_;  // a slot may hold a list of relationships (variable length)
};

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_EXPRESSIONS_H_
