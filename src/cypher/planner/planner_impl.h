// The Planner class behind PlanQuery (planner.h), split over topical files:
//   planner.cc        query parts, UNION, WITH/RETURN projections, UNWIND
//   plan_match.cc     MATCH / OPTIONAL MATCH patterns, seek selection
//   plan_updates.cc   CREATE, MERGE, SET, REMOVE, DELETE
//   expr_compiler.cc  expressions
//   plan_subqueries.cc  pattern predicates, EXISTS / COUNT / COLLECT, pattern comprehension,
//                     FOREACH, CALL { ... } [IN TRANSACTIONS]
// Errors are thrown as exec::CypherError and turned into a Status by PlanQuery.
#ifndef SMITH_CYPHER_PLANNER_PLANNER_IMPL_H_
#define SMITH_CYPHER_PLANNER_PLANNER_IMPL_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/scoped_value.h"
#include "cypher/ast/statement.h"
#include "cypher/execution/operators.h"
#include "cypher/execution/procedures.h"
#include "cypher/planner/planner.h"
#include "cypher/planner/scope.h"

namespace smith::cypher {

// CREATE, MERGE, SET, REMOVE, DELETE, FOREACH, or a CALL { } whose body updates.
bool IsUpdatingClause(const Clause& clause);

class Planner {
 public:
  // Rows per transaction of CALL { } IN TRANSACTIONS without OF n ROWS (as Neo4j).
  static constexpr int64_t kDefaultTransactionBatch = 1000;

  // `procedures` (borrowed) resolves CALL.
  Planner(graph::GraphReader& reader, std::string_view source,
          const exec::ProcedureRegistry& procedures)
      : reader_(reader), source_(source), procedures_(procedures) {}

  Plan Run(const Query& query);

  // --- shared helpers
  [[noreturn]] void Fail(StatusCode code, const std::string& message, SourcePos pos) const;
  int BindNew(const std::string& name, VarKind kind);

  // --- expressions (expr_compiler.cc)
  exec::ExprPtr Compile(const Expression& expr);
  // Compiles a predicate position (WHERE): pattern predicates are allowed at its top and under
  // AND / OR / XOR / NOT; a node, relationship or path is rejected as not boolean.
  exec::ExprPtr CompilePredicate(const Expression& expr);
  void CheckBooleanOperand(const Expression& operand) const;
  // Rejects an operand of - * / % ^ whose type is statically known not to be a number (an
  // iteration variable of static_types_), as Neo4j's type checking does (InvalidArgumentType).
  void CheckArithmeticOperand(const Expression& operand) const;
  static bool ContainsAggregate(const Expression& expr);
  // The kind of a variable expression bound in the current scope; kAny for anything else.
  VarKind KindOf(const Expression& expr) const;
  // Replaces aggregate calls inside `expr` by slot references, registering them in `*aggs`.
  exec::ExprPtr CompileWithAggregates(const Expression& expr,
                                      std::vector<exec::AggregateSpec>* aggs);
  std::vector<exec::LabelMatcher> CompileLabels(const LabelList& labels);
  // Variables used by `expr` (free variables, not those bound inside it).
  static void CollectVariables(const Expression& expr, std::vector<std::string>* out);

  // --- clauses
  exec::OperatorPtr PlanSingleQuery(const SingleQuery& query, std::vector<std::string>* columns,
                                    std::vector<int>* column_slots);
  // Plans the UNION parts of `query`; part i starts from `starts[i]` (one scope per part).
  exec::OperatorPtr PlanUnionParts(const Query& query, const std::vector<Scope>& starts,
                                   std::vector<std::string>* columns,
                                   std::vector<int>* column_slots);
  exec::OperatorPtr PlanMatch(exec::OperatorPtr input, const MatchClause& match);
  exec::OperatorPtr PlanPattern(exec::OperatorPtr input, const Pattern& pattern,
                                const Expression* where);
  exec::OperatorPtr PlanProjection(exec::OperatorPtr input, const Projection& projection,
                                   const Expression* where, bool is_return,
                                   std::vector<std::string>* columns,
                                   std::vector<int>* column_slots);
  exec::OperatorPtr PlanUnwind(exec::OperatorPtr input, const UnwindClause& unwind);
  exec::OperatorPtr PlanCreate(exec::OperatorPtr input, const Pattern& pattern, bool for_merge);
  exec::OperatorPtr PlanMerge(exec::OperatorPtr input, const MergeClause& merge);
  exec::OperatorPtr PlanSet(exec::OperatorPtr input, const std::vector<SetItem>& items);
  std::vector<exec::SetSpec> CompileSetItems(const std::vector<SetItem>& items);
  exec::OperatorPtr PlanRemove(exec::OperatorPtr input, const RemoveClause& remove);
  exec::OperatorPtr PlanDelete(exec::OperatorPtr input, const DeleteClause& del);
  // --- subqueries (plan_subqueries.cc)
  exec::ExprPtr CompilePatternPredicate(const PatternExpr& pattern);
  exec::ExprPtr CompilePatternComprehension(const PatternComprehension& comprehension);
  exec::ExprPtr CompileSubquery(const SubqueryExpr& subquery);
  exec::OperatorPtr PlanForeach(exec::OperatorPtr input, const ForeachClause& foreach);
  exec::OperatorPtr PlanCallSubquery(exec::OperatorPtr input, const CallSubqueryClause& call);
  exec::OperatorPtr PlanShortestPath(exec::OperatorPtr input, const PatternPath& path);
  exec::OperatorPtr PlanCallProcedure(exec::OperatorPtr input, const CallProcedureClause& call,
                                      bool standalone, std::vector<std::string>* columns,
                                      std::vector<int>* column_slots);

  graph::GraphReader& reader_;
  std::string_view source_;
  const exec::ProcedureRegistry& procedures_;
  Scope scope_;
  SlotAllocator slots_;
  bool updates_ = false;          // the query has updating clauses anywhere
  bool planned_updates_ = false;  // an updating clause was planned before the current clause
  bool planned_deletes_ = false;  // a DELETE was planned before the current clause
  int anonymous_ = 0;
  // While compiling ORDER BY items over an aggregation: (expression text, slot) of the grouping
  // keys and their aliases, which replace matching subexpressions (see PlanProjection).
  const std::vector<std::pair<std::string, int>>* group_substitution_ = nullptr;
  // With an aggregation's substitution: the input's scope, whose variables are out of reach
  // unless substituted (null for DISTINCT, where they are simply not in scope any more).
  const Scope* substitution_input_scope_ = nullptr;
  // Names of the parameters the compiled expressions read (checked before execution).
  std::set<std::string> parameters_;
  // Aggregates being collected by CompileWithAggregates (null outside a projection).
  std::vector<exec::AggregateSpec>* aggregates_ = nullptr;
  bool inside_aggregate_ = false;
  bool pattern_allowed_ = false;  // Compile is at a predicate position (CompilePredicate)
  int expression_subquery_ = 0;   // depth of EXISTS / COUNT / COLLECT bodies being planned
  int call_subquery_ = 0;         // depth of CALL { } bodies being planned
  bool in_transactions_ = false;  // the query has CALL { } IN TRANSACTIONS
  // Iteration variables in scope (list comprehension, quantifier, reduce) over a list literal
  // whose elements are all string or all boolean literals: name -> "String" / "Boolean".
  std::map<std::string, const char*> static_types_;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PLANNER_PLANNER_IMPL_H_
