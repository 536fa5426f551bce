#include "cypher/ast/expression.h"

#include "cypher/ast/clause.h"
#include "cypher/ast/pattern.h"

namespace smith::cypher {

ExprPtr CloneExpr(const ExprPtr& expr) { return expr ? expr->Clone() : nullptr; }

std::vector<ExprPtr> CloneExprs(const std::vector<ExprPtr>& exprs) {
  std::vector<ExprPtr> out;
  out.reserve(exprs.size());
  for (const ExprPtr& e : exprs) out.push_back(CloneExpr(e));
  return out;
}

LabelExpression LabelExpression::Clone() const {
  LabelExpression out;
  out.kind = kind;
  out.pos = pos;
  out.name = name;
  out.dynamic = CloneExpr(dynamic);
  out.children = CloneLabels(children);
  return out;
}

LabelList CloneLabels(const LabelList& labels) {
  LabelList out;
  out.reserve(labels.size());
  for (const LabelExpression& l : labels) out.push_back(l.Clone());
  return out;
}

bool StaticLabelNames(const LabelList& labels, std::vector<std::string>* out) {
  for (const LabelExpression& l : labels) {
    if (l.kind != LabelExprKind::kName) return false;
    out->push_back(l.name);
  }
  return true;
}

bool IsComparison(BinaryOp op) {
  switch (op) {
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return true;
    default:
      return false;
  }
}

const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return "OR";
    case BinaryOp::kXor:
      return "XOR";
    case BinaryOp::kAnd:
      return "AND";
    case BinaryOp::kEq:
      return "=";
    case BinaryOp::kNe:
      return "<>";
    case BinaryOp::kLt:
      return "<";
    case BinaryOp::kLe:
      return "<=";
    case BinaryOp::kGt:
      return ">";
    case BinaryOp::kGe:
      return ">=";
    case BinaryOp::kStartsWith:
      return "STARTS WITH";
    case BinaryOp::kEndsWith:
      return "ENDS WITH";
    case BinaryOp::kContains:
      return "CONTAINS";
    case BinaryOp::kRegexMatch:
      return "=~";
    case BinaryOp::kIn:
      return "IN";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kPow:
      return "^";
  }
  return "?";
}

std::unique_ptr<Literal> Literal::Null(SourcePos p) { return std::make_unique<Literal>(p); }

std::unique_ptr<Literal> Literal::Boolean(SourcePos p, bool v) {
  auto out = std::make_unique<Literal>(p);
  out->literal_kind = LiteralKind::kBoolean;
  out->bool_value = v;
  return out;
}

std::unique_ptr<Literal> Literal::Integer(SourcePos p, int64_t v) {
  auto out = std::make_unique<Literal>(p);
  out->literal_kind = LiteralKind::kInteger;
  out->int_value = v;
  return out;
}

std::unique_ptr<Literal> Literal::Float(SourcePos p, double v) {
  auto out = std::make_unique<Literal>(p);
  out->literal_kind = LiteralKind::kFloat;
  out->float_value = v;
  return out;
}

std::unique_ptr<Literal> Literal::String(SourcePos p, std::string v) {
  auto out = std::make_unique<Literal>(p);
  out->literal_kind = LiteralKind::kString;
  out->string_value = std::move(v);
  return out;
}

ExprPtr Literal::Clone() const {
  auto out = std::make_unique<Literal>(pos);
  out->literal_kind = literal_kind;
  out->bool_value = bool_value;
  out->int_value = int_value;
  out->float_value = float_value;
  out->string_value = string_value;
  return out;
}

ExprPtr Parameter::Clone() const { return std::make_unique<Parameter>(pos, name); }

ExprPtr Variable::Clone() const { return std::make_unique<Variable>(pos, name); }

ExprPtr PropertyAccess::Clone() const {
  return std::make_unique<PropertyAccess>(pos, CloneExpr(object), key);
}

ExprPtr ListLiteral::Clone() const {
  auto out = std::make_unique<ListLiteral>(pos);
  out->items = CloneExprs(items);
  return out;
}

ExprPtr MapLiteral::Clone() const {
  auto out = std::make_unique<MapLiteral>(pos);
  out->entries.reserve(entries.size());
  for (const MapEntry& e : entries) out->entries.push_back({e.pos, e.key, CloneExpr(e.value)});
  return out;
}

ExprPtr UnaryExpr::Clone() const {
  return std::make_unique<UnaryExpr>(pos, op, CloneExpr(operand));
}

ExprPtr BinaryExpr::Clone() const {
  return std::make_unique<BinaryExpr>(pos, op, CloneExpr(left), CloneExpr(right));
}

ExprPtr ComparisonChain::Clone() const {
  auto out = std::make_unique<ComparisonChain>(pos);
  out->operands = CloneExprs(operands);
  out->ops = ops;
  return out;
}

ExprPtr IsNullExpr::Clone() const {
  return std::make_unique<IsNullExpr>(pos, CloneExpr(operand), negated);
}

ExprPtr SubscriptExpr::Clone() const {
  return std::make_unique<SubscriptExpr>(pos, CloneExpr(object), CloneExpr(index));
}

ExprPtr SliceExpr::Clone() const {
  auto out = std::make_unique<SliceExpr>(pos, CloneExpr(object));
  out->from = CloneExpr(from);
  out->to = CloneExpr(to);
  return out;
}

ExprPtr LabelPredicate::Clone() const {
  auto out = std::make_unique<LabelPredicate>(pos, CloneExpr(operand));
  out->labels = CloneLabels(labels);
  return out;
}

std::string FunctionCall::QualifiedName() const {
  std::string out;
  for (const std::string& ns : namespaces) {
    out += ns;
    out += '.';
  }
  out += name;
  return out;
}

ExprPtr FunctionCall::Clone() const {
  auto out = std::make_unique<FunctionCall>(pos);
  out->namespaces = namespaces;
  out->name = name;
  out->distinct = distinct;
  out->args = CloneExprs(args);
  return out;
}

ExprPtr CountStar::Clone() const { return std::make_unique<CountStar>(pos); }

ExprPtr CaseExpr::Clone() const {
  auto out = std::make_unique<CaseExpr>(pos);
  out->subject = CloneExpr(subject);
  out->alternatives.reserve(alternatives.size());
  for (const CaseAlternative& a : alternatives) {
    out->alternatives.push_back({CloneExpr(a.when), CloneExpr(a.then)});
  }
  out->else_expr = CloneExpr(else_expr);
  return out;
}

ExprPtr ListComprehension::Clone() const {
  auto out = std::make_unique<ListComprehension>(pos);
  out->variable = variable;
  out->variable_pos = variable_pos;
  out->list = CloneExpr(list);
  out->where = CloneExpr(where);
  out->projection = CloneExpr(projection);
  return out;
}

PatternComprehension::PatternComprehension(SourcePos p) : Expression(kKind, p) {}
PatternComprehension::~PatternComprehension() = default;

ExprPtr PatternComprehension::Clone() const {
  auto out = std::make_unique<PatternComprehension>(pos);
  if (path) out->path = std::make_unique<PatternPath>(path->Clone());
  out->where = CloneExpr(where);
  out->projection = CloneExpr(projection);
  return out;
}

ExprPtr QuantifierExpr::Clone() const {
  auto out = std::make_unique<QuantifierExpr>(pos, quantifier);
  out->variable = variable;
  out->variable_pos = variable_pos;
  out->list = CloneExpr(list);
  out->where = CloneExpr(where);
  return out;
}

ExprPtr ReduceExpr::Clone() const {
  auto out = std::make_unique<ReduceExpr>(pos);
  out->accumulator = accumulator;
  out->accumulator_pos = accumulator_pos;
  out->init = CloneExpr(init);
  out->variable = variable;
  out->variable_pos = variable_pos;
  out->list = CloneExpr(list);
  out->expression = CloneExpr(expression);
  return out;
}

ExprPtr MapProjection::Clone() const {
  auto out = std::make_unique<MapProjection>(pos, variable);
  out->items.reserve(items.size());
  for (const MapProjectionItem& item : items) {
    out->items.push_back({item.kind, item.pos, item.key, CloneExpr(item.value)});
  }
  return out;
}

PatternExpr::PatternExpr(SourcePos p) : Expression(kKind, p) {}
PatternExpr::~PatternExpr() = default;

ExprPtr PatternExpr::Clone() const {
  auto out = std::make_unique<PatternExpr>(pos);
  if (path) out->path = std::make_unique<PatternPath>(path->Clone());
  return out;
}

SubqueryExpr::SubqueryExpr(SourcePos p, SubqueryKind k) : Expression(kKind, p), subquery(k) {}
SubqueryExpr::~SubqueryExpr() = default;

ExprPtr SubqueryExpr::Clone() const {
  auto out = std::make_unique<SubqueryExpr>(pos, subquery);
  if (query) out->query = std::make_unique<Query>(query->Clone());
  if (pattern) out->pattern = std::make_unique<Pattern>(pattern->Clone());
  out->where = CloneExpr(where);
  return out;
}

}  // namespace smith::cypher
