// The planner: turns a parsed query into a tree of physical operators.
//
// Planning happens per execution (it is cheap next to running the plan, and it always sees the
// current schema); the engine caches parsed statements by text, not plans.
//
// Variables are resolved to row slots here, and every semantic error (unknown variable or
// function, misplaced aggregation, bad pattern in CREATE, ...) is reported before anything runs,
// as Neo4j does.
//
// Index use (see docs/cypher.md): a node pattern with a label and equalities on properties
// (inline `{k: v}` or `WHERE n.k = v` with `v` not depending on the pattern) becomes a seek on a
// uniqueness/key constraint covering those properties, else on an index (equality, or range for
// `<`, `<=`, `>`, `>=`); otherwise a label scan. MERGE plans its match part the same way, so
// `UNWIND $rows AS row MERGE (n:L {k: row.k})` does one key lookup per row.
#ifndef SMITH_CYPHER_PLANNER_PLANNER_H_
#define SMITH_CYPHER_PLANNER_PLANNER_H_

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "cypher/ast/statement.h"
#include "cypher/execution/operator.h"
#include "graph/graph_reader.h"

namespace smith::exec {
class ProcedureRegistry;
}  // namespace smith::exec

namespace smith::cypher {

struct Plan {
  exec::OperatorPtr root;
  std::vector<std::string> columns;
  std::vector<int> column_slots;
  int slot_count = 0;
  bool updates = false;  // the query writes
  // The query has CALL { ... } IN TRANSACTIONS: it commits as it goes and may only run as an
  // auto-commit statement.
  bool in_transactions = false;
  // Every parameter the statement reads; a missing one fails the statement before it runs
  // (ParameterMissing), as in Neo4j, even if its expression would never be evaluated.
  std::vector<std::string> parameters;
};

// Plans a query statement; `source` is the statement text (for error positions). Semantic errors
// come back as kSemanticError (or kSyntaxError where Neo4j reports one) with the position of the
// offending text.
// `procedures` resolves CALL clauses (plans keep the procedures they call alive).
Result<Plan> PlanQuery(const Query& query, graph::GraphReader& reader, std::string_view source,
                       const exec::ProcedureRegistry& procedures);

// Plans SHOW INDEXES / SHOW CONSTRAINTS (with YIELD, WHERE and RETURN).
Result<Plan> PlanShow(const ShowStatement& show, graph::GraphReader& reader,
                      std::string_view source);

// Whether the query contains updating clauses (decided before a transaction is chosen).
bool QueryUpdates(const Query& query);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PLANNER_PLANNER_H_
