// Cypher expression AST.
//
// Every expression is a struct deriving from Expression, tagged with an ExprKind so that
// consumers can switch on `kind` and downcast with As<T>() (no RTTI needed). Children are owned
// through std::unique_ptr; a node is move-only and Clone() makes a deep copy.
//
// Positions: every node carries the SourcePos of its first token, except binary operators,
// comparison chains, IS NULL, label predicates, property access, subscripts and slices, which
// carry the position of their operator token (that is where Neo4j points in its errors).
//
// Literals hold their own value (int64, double, string, bool, null) so that the parser does not
// depend on the runtime value model.
//
// Thread safety: a tree may be read from several threads; mutation needs exclusive access.
#ifndef SMITH_CYPHER_AST_EXPRESSION_H_
#define SMITH_CYPHER_AST_EXPRESSION_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cypher/ast/source_pos.h"

namespace smith::cypher {

struct PatternPath;  // pattern.h
struct Pattern;      // pattern.h
struct Query;        // clause.h

enum class ExprKind : uint8_t {
  kLiteral,
  kParameter,
  kVariable,
  kProperty,
  kList,
  kMap,
  kUnary,
  kBinary,
  kComparisonChain,
  kIsNull,
  kSubscript,
  kSlice,
  kLabelPredicate,
  kFunctionCall,
  kCountStar,
  kCase,
  kListComprehension,
  kPatternComprehension,
  kQuantifier,
  kReduce,
  kMapProjection,
  kPattern,
  kSubquery,
};

struct Expression {
  virtual ~Expression() = default;
  Expression(const Expression&) = delete;
  Expression& operator=(const Expression&) = delete;

  // A deep copy (positions included).
  virtual std::unique_ptr<Expression> Clone() const = 0;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const ExprKind kind;
  SourcePos pos;

 protected:
  Expression(ExprKind k, SourcePos p) : kind(k), pos(p) {}
};

using ExprPtr = std::unique_ptr<Expression>;

// Deep copy of a possibly-null expression.
ExprPtr CloneExpr(const ExprPtr& expr);
std::vector<ExprPtr> CloneExprs(const std::vector<ExprPtr>& exprs);

// A label or relationship-type expression (Neo4j 5 GPM syntax):
//   kName      `Person`                     name
//   kDynamic   `$(expr)`                    dynamic (evaluates to a string or list of strings)
//   kWildcard  `%` (any label / any type)
//   kNot       `!A`                         children[0]
//   kAnd       `A&B&C`                      children (>= 2)
//   kOr        `A|B|C` (also legacy `A|:B`) children (>= 2)
// Parentheses only group; they leave no node.
enum class LabelExprKind : uint8_t { kName, kDynamic, kWildcard, kNot, kAnd, kOr };

struct LabelExpression {
  LabelExprKind kind = LabelExprKind::kName;
  SourcePos pos;
  std::string name;
  ExprPtr dynamic;
  std::vector<LabelExpression> children;

  LabelExpression Clone() const;
};

// A label list as written after a node variable, in SET/REMOVE, or in a label predicate:
// `:A:B` is two items, both required (a conjunction); `:A|B` is one kOr item.
using LabelList = std::vector<LabelExpression>;

LabelList CloneLabels(const LabelList& labels);

// If every item of `labels` is a plain kName, appends the names to `out` and returns true (the
// common case `:A:B`); otherwise returns false and leaves `out` unspecified.
bool StaticLabelNames(const LabelList& labels, std::vector<std::string>* out);

enum class LiteralKind : uint8_t { kNull, kBoolean, kInteger, kFloat, kString };

struct Literal final : Expression {
  static constexpr ExprKind kKind = ExprKind::kLiteral;
  explicit Literal(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  static std::unique_ptr<Literal> Null(SourcePos p);
  static std::unique_ptr<Literal> Boolean(SourcePos p, bool v);
  static std::unique_ptr<Literal> Integer(SourcePos p, int64_t v);
  static std::unique_ptr<Literal> Float(SourcePos p, double v);
  static std::unique_ptr<Literal> String(SourcePos p, std::string v);

  LiteralKind literal_kind = LiteralKind::kNull;
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0;
  std::string string_value;
};

// `$name` or positional `$0` (name "0").
struct Parameter final : Expression {
  static constexpr ExprKind kKind = ExprKind::kParameter;
  Parameter(SourcePos p, std::string n) : Expression(kKind, p), name(std::move(n)) {}
  ExprPtr Clone() const override;

  std::string name;
};

struct Variable final : Expression {
  static constexpr ExprKind kKind = ExprKind::kVariable;
  Variable(SourcePos p, std::string n) : Expression(kKind, p), name(std::move(n)) {}
  ExprPtr Clone() const override;

  std::string name;
};

// `object.key`; pos is that of the `.`.
struct PropertyAccess final : Expression {
  static constexpr ExprKind kKind = ExprKind::kProperty;
  PropertyAccess(SourcePos p, ExprPtr o, std::string k)
      : Expression(kKind, p), object(std::move(o)), key(std::move(k)) {}
  ExprPtr Clone() const override;

  ExprPtr object;
  std::string key;
};

struct ListLiteral final : Expression {
  static constexpr ExprKind kKind = ExprKind::kList;
  explicit ListLiteral(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  std::vector<ExprPtr> items;
};

struct MapEntry {
  SourcePos pos;
  std::string key;
  ExprPtr value;
};

// `{k: v, ...}`; entries keep source order (duplicate keys are the binder's business).
struct MapLiteral final : Expression {
  static constexpr ExprKind kKind = ExprKind::kMap;
  explicit MapLiteral(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  std::vector<MapEntry> entries;
};

enum class UnaryOp : uint8_t { kNot, kMinus, kPlus };

// A negative number literal (`-1`, `-0x10`) is folded into a Literal, never a Unary.
struct UnaryExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kUnary;
  UnaryExpr(SourcePos p, UnaryOp o, ExprPtr e)
      : Expression(kKind, p), op(o), operand(std::move(e)) {}
  ExprPtr Clone() const override;

  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegexMatch,
  kIn,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kPow,
};

bool IsComparison(BinaryOp op);
// The operator as written in canonical Cypher ("AND", "<>", "STARTS WITH", ...).
const char* BinaryOpText(BinaryOp op);

// A single binary operation; pos is that of the operator.
struct BinaryExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kBinary;
  BinaryExpr(SourcePos p, BinaryOp o, ExprPtr l, ExprPtr r)
      : Expression(kKind, p), op(o), left(std::move(l)), right(std::move(r)) {}
  ExprPtr Clone() const override;

  BinaryOp op;
  ExprPtr left;
  ExprPtr right;
};

// `a < b <= c`: two or more chained comparisons, meaning `a < b AND b <= c` with each operand
// evaluated once. Invariant: operands.size() == ops.size() + 1 and ops.size() >= 2 (a single
// comparison is a BinaryExpr). pos is that of the first operator.
struct ComparisonChain final : Expression {
  static constexpr ExprKind kKind = ExprKind::kComparisonChain;
  explicit ComparisonChain(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  std::vector<ExprPtr> operands;
  std::vector<BinaryOp> ops;
};

// `operand IS [NOT] NULL`; pos is that of IS.
struct IsNullExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kIsNull;
  IsNullExpr(SourcePos p, ExprPtr e, bool n)
      : Expression(kKind, p), operand(std::move(e)), negated(n) {}
  ExprPtr Clone() const override;

  ExprPtr operand;
  bool negated;
};

// `object[index]` (list index or dynamic property access); pos is that of `[`.
struct SubscriptExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kSubscript;
  SubscriptExpr(SourcePos p, ExprPtr o, ExprPtr i)
      : Expression(kKind, p), object(std::move(o)), index(std::move(i)) {}
  ExprPtr Clone() const override;

  ExprPtr object;
  ExprPtr index;
};

// `object[from..to]`; either bound may be null. pos is that of `[`.
struct SliceExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kSlice;
  SliceExpr(SourcePos p, ExprPtr o) : Expression(kKind, p), object(std::move(o)) {}
  ExprPtr Clone() const override;

  ExprPtr object;
  ExprPtr from;
  ExprPtr to;
};

// `operand:A:B` / `operand:A|B`; pos is that of the first `:`.
struct LabelPredicate final : Expression {
  static constexpr ExprKind kKind = ExprKind::kLabelPredicate;
  LabelPredicate(SourcePos p, ExprPtr e) : Expression(kKind, p), operand(std::move(e)) {}
  ExprPtr Clone() const override;

  ExprPtr operand;
  LabelList labels;
};

// `ns1.ns2.name([DISTINCT] args)`. The name keeps the case it was written in; function lookup
// is case-insensitive in Neo4j and that is the binder's job.
struct FunctionCall final : Expression {
  static constexpr ExprKind kKind = ExprKind::kFunctionCall;
  explicit FunctionCall(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  // "ns1.ns2.name".
  std::string QualifiedName() const;

  std::vector<std::string> namespaces;
  std::string name;
  bool distinct = false;
  std::vector<ExprPtr> args;
};

// `count(*)`.
struct CountStar final : Expression {
  static constexpr ExprKind kKind = ExprKind::kCountStar;
  explicit CountStar(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;
};

struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};

// Simple form `CASE subject WHEN v THEN r ... END` (subject non-null) or generic form
// `CASE WHEN cond THEN r ... END`. else_expr may be null. alternatives is never empty.
struct CaseExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kCase;
  explicit CaseExpr(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  ExprPtr subject;
  std::vector<CaseAlternative> alternatives;
  ExprPtr else_expr;
};

// `[variable IN list WHERE where | projection]`; where and projection may be null.
struct ListComprehension final : Expression {
  static constexpr ExprKind kKind = ExprKind::kListComprehension;
  explicit ListComprehension(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  std::string variable;
  SourcePos variable_pos;
  ExprPtr list;
  ExprPtr where;
  ExprPtr projection;
};

// `[p = (a)-->(b) WHERE where | projection]`; the path variable, if any, is path->variable.
// where may be null; path and projection are not.
struct PatternComprehension final : Expression {
  static constexpr ExprKind kKind = ExprKind::kPatternComprehension;
  explicit PatternComprehension(SourcePos p);
  ~PatternComprehension() override;
  ExprPtr Clone() const override;

  std::unique_ptr<PatternPath> path;
  ExprPtr where;
  ExprPtr projection;
};

enum class QuantifierKind : uint8_t { kAll, kAny, kNone, kSingle };

// `all|any|none|single(variable IN list WHERE where)`; where may be null.
struct QuantifierExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kQuantifier;
  QuantifierExpr(SourcePos p, QuantifierKind q) : Expression(kKind, p), quantifier(q) {}
  ExprPtr Clone() const override;

  QuantifierKind quantifier;
  std::string variable;
  SourcePos variable_pos;
  ExprPtr list;
  ExprPtr where;
};

// `reduce(accumulator = init, variable IN list | expression)`.
struct ReduceExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kReduce;
  explicit ReduceExpr(SourcePos p) : Expression(kKind, p) {}
  ExprPtr Clone() const override;

  std::string accumulator;
  SourcePos accumulator_pos;
  ExprPtr init;
  std::string variable;
  SourcePos variable_pos;
  ExprPtr list;
  ExprPtr expression;
};

enum class MapProjectionItemKind : uint8_t {
  kProperty,       // `.key`
  kAllProperties,  // `.*`
  kLiteral,        // `key: value`
  kVariable,       // `var` (key is the variable name, value the Variable)
};

struct MapProjectionItem {
  MapProjectionItemKind kind = MapProjectionItemKind::kProperty;
  SourcePos pos;
  std::string key;
  ExprPtr value;  // kLiteral and kVariable only.
};

// `variable{.a, .*, b: expr, c}`.
struct MapProjection final : Expression {
  static constexpr ExprKind kKind = ExprKind::kMapProjection;
  MapProjection(SourcePos p, std::string v) : Expression(kKind, p), variable(std::move(v)) {}
  ExprPtr Clone() const override;

  std::string variable;
  std::vector<MapProjectionItem> items;
};

// A relationship pattern used as an expression (`WHERE (a)-[:T]->()`, `size((a)-->())`), or a
// `shortestPath((a)-[*]-(b))` written in an expression. path->variable is always empty.
struct PatternExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kPattern;
  explicit PatternExpr(SourcePos p);
  ~PatternExpr() override;
  ExprPtr Clone() const override;

  std::unique_ptr<PatternPath> path;
};

enum class SubqueryKind : uint8_t { kExists, kCount, kCollect };

// `EXISTS { ... }`, `COUNT { ... }`, `COLLECT { ... }`. Exactly one of `query` (a full
// subquery) and `pattern` (the short form `{ (a)-->(b) WHERE where }`) is set; `where` is only
// used with `pattern`.
struct SubqueryExpr final : Expression {
  static constexpr ExprKind kKind = ExprKind::kSubquery;
  SubqueryExpr(SourcePos p, SubqueryKind k);
  ~SubqueryExpr() override;
  ExprPtr Clone() const override;

  SubqueryKind subquery;
  std::unique_ptr<Query> query;
  std::unique_ptr<Pattern> pattern;
  ExprPtr where;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_EXPRESSION_H_
