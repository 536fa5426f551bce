// Cypher clauses and queries.
//
// A Query is one or more SingleQuery parts joined by UNION [ALL]; a SingleQuery is a sequence of
// clauses. The parser accepts clauses in any order; clause composition rules (a query ends with
// RETURN or an update, WITH between reading after updating, ...) are the binder's job.
//
// Clauses are tagged with ClauseKind and downcast with As<T>(), like expressions. Move-only;
// Clone() deep-copies.
#ifndef SMITH_CYPHER_AST_CLAUSE_H_
#define SMITH_CYPHER_AST_CLAUSE_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cypher/ast/expression.h"
#include "cypher/ast/pattern.h"

namespace smith::cypher {

enum class ClauseKind : uint8_t {
  kMatch,
  kUnwind,
  kWith,
  kReturn,
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kForeach,
  kCallProcedure,
  kCallSubquery,
};

struct Clause {
  virtual ~Clause() = default;
  Clause(const Clause&) = delete;
  Clause& operator=(const Clause&) = delete;

  virtual std::unique_ptr<Clause> Clone() const = 0;

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

  const ClauseKind kind;
  SourcePos pos;

 protected:
  Clause(ClauseKind k, SourcePos p) : kind(k), pos(p) {}
};

using ClausePtr = std::unique_ptr<Clause>;

// One part of a UNION. `union_all` says how this part joins the previous one (UNION ALL when
// true, UNION otherwise); it is false and meaningless for the first part.
struct SingleQuery {
  SourcePos pos;
  bool union_all = false;
  std::vector<ClausePtr> clauses;

  SingleQuery Clone() const;
};

// Invariant: parts is non-empty.
struct Query {
  SourcePos pos;
  std::vector<SingleQuery> parts;

  Query Clone() const;
};

// An item of RETURN / WITH / SHOW ... YIELD. `alias` is unset when no `AS` was written; then
// `text` holds the item's source text, which Neo4j uses as the column name for non-variable
// expressions (a Variable's column name is its name).
struct ProjectionItem {
  SourcePos pos;
  ExprPtr expr;
  std::optional<std::string> alias;
  std::string text;

  ProjectionItem Clone() const;
};

struct SortItem {
  SourcePos pos;
  ExprPtr expr;
  bool descending = false;

  SortItem Clone() const;
};

// The body shared by RETURN and WITH: `[DISTINCT] *, items ORDER BY ... SKIP ... LIMIT ...`.
// skip and limit may be null.
struct Projection {
  bool distinct = false;
  bool star = false;
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;

  Projection Clone() const;
};

struct MatchClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kMatch;
  explicit MatchClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  bool optional = false;
  Pattern pattern;
  ExprPtr where;
};

struct UnwindClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kUnwind;
  explicit UnwindClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  ExprPtr list;
  std::string variable;
  SourcePos variable_pos;
};

struct WithClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kWith;
  explicit WithClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  Projection projection;
  ExprPtr where;
};

struct ReturnClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kReturn;
  explicit ReturnClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  Projection projection;
};

struct CreateClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kCreate;
  explicit CreateClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  Pattern pattern;
};

enum class SetItemKind : uint8_t {
  kProperty,           // `target = value`, target a PropertyAccess (or a SubscriptExpr
                       // `n[key]` for a dynamic key)
  kReplaceProperties,  // `target = map`, target a Variable
  kMergeProperties,    // `target += map`, target a Variable
  kLabels,             // `target:A:B` / `target:$(expr)`, target a Variable
};

struct SetItem {
  SetItemKind kind = SetItemKind::kProperty;
  SourcePos pos;
  ExprPtr target;
  ExprPtr value;     // null for kLabels.
  LabelList labels;  // kLabels only.

  SetItem Clone() const;
};

struct SetClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kSet;
  explicit SetClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  std::vector<SetItem> items;
};

// `ON CREATE SET ...` (on_create) or `ON MATCH SET ...`.
struct MergeAction {
  SourcePos pos;
  bool on_create = true;
  std::vector<SetItem> items;

  MergeAction Clone() const;
};

struct MergeClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kMerge;
  explicit MergeClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  PatternPath path;
  std::vector<MergeAction> actions;  // In source order.
};

enum class RemoveItemKind : uint8_t {
  kProperty,  // `n.p` (target a PropertyAccess) or `n[key]` (a SubscriptExpr)
  kLabels,    // `n:A:B` (target a Variable)
};

struct RemoveItem {
  RemoveItemKind kind = RemoveItemKind::kProperty;
  SourcePos pos;
  ExprPtr target;
  LabelList labels;

  RemoveItem Clone() const;
};

struct RemoveClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kRemove;
  explicit RemoveClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  std::vector<RemoveItem> items;
};

// `[DETACH] DELETE a, b`. NODETACH DELETE parses as plain DELETE.
struct DeleteClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kDelete;
  explicit DeleteClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  bool detach = false;
  std::vector<ExprPtr> targets;
};

// `FOREACH (variable IN list | clauses)`.
struct ForeachClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kForeach;
  explicit ForeachClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  std::string variable;
  SourcePos variable_pos;
  ExprPtr list;
  std::vector<ClausePtr> clauses;
};

// `field [AS alias]` after YIELD; alias unset when not written.
struct YieldItem {
  SourcePos pos;
  std::string field;
  std::optional<std::string> alias;
};

// `CALL ns.name(args) YIELD a, b AS c WHERE where` or the standalone `CALL ns.name` (no
// parentheses: has_arguments is false and the arguments come from same-named parameters).
// No YIELD at all: yield_star false and yields empty.
struct CallProcedureClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kCallProcedure;
  explicit CallProcedureClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  // "ns.name".
  std::string QualifiedName() const;

  std::vector<std::string> namespaces;
  std::string name;
  bool has_arguments = false;
  std::vector<ExprPtr> args;
  bool yield_star = false;
  std::vector<YieldItem> yields;
  ExprPtr where;
};

enum class OnErrorBehavior : uint8_t { kFail, kContinue, kBreak };

// `IN TRANSACTIONS [OF rows ROWS] [ON ERROR CONTINUE|BREAK|FAIL]`.
struct InTransactions {
  ExprPtr rows;  // null: the default batch size.
  OnErrorBehavior on_error = OnErrorBehavior::kFail;

  InTransactions Clone() const;
};

struct ScopeVariable {
  SourcePos pos;
  std::string name;
};

// `CALL { body }`, `CALL (a, b) { body }`, `CALL (*) { body }`, optionally IN TRANSACTIONS.
// has_scope is false for the old form without parentheses (variables come in through a leading
// WITH in the body); scope_all is `(*)`.
struct CallSubqueryClause final : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kCallSubquery;
  explicit CallSubqueryClause(SourcePos p) : Clause(kKind, p) {}
  ClausePtr Clone() const override;

  bool has_scope = false;
  bool scope_all = false;
  std::vector<ScopeVariable> scope;
  Query body;
  std::optional<InTransactions> in_transactions;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_CLAUSE_H_
