// The scalar functions of smith's Cypher dialect (Neo4j 5), looked up by name.
//
// Names are the full, namespaced Cypher names ("toUpper", "date.truncate",
// "duration.between") and match case-insensitively, as in Neo4j. Aggregation functions
// (count, collect, sum, ...) are not scalar functions: see aggregates.h.
//
// Functions that need the graph (startNode, endNode, elementId, exists on patterns) are left to
// the executor, which should resolve them before consulting this registry. The graph functions
// here (id, labels, type, nodes, relationships, length, keys, properties) only read the Node,
// Relationship and Path values they are given.
//
// Error conventions (Status codes):
//   kTypeError      an argument of the wrong type, e.g. toUpper(1)
//   kArgumentError  an argument of the right type outside the function's domain, e.g.
//                   range(1, 5, 0), a malformed temporal string, an unknown time zone
//   kSemanticError  wrong number of arguments (CallScalarFunction only; the binder is expected
//                   to check min_args/max_args at compile time)
// Null arguments give null unless the function's contract says otherwise (coalesce, the
// *OrNull conversions, ...), following Neo4j per function.
//
// Thread safety: the registry is immutable after its first use (initialised thread-safely);
// functions are re-entrant, mutating only the FunctionContext they are given.
#ifndef SMITH_CYPHER_FUNCTIONS_FUNCTION_REGISTRY_H_
#define SMITH_CYPHER_FUNCTIONS_FUNCTION_REGISTRY_H_

#include <span>
#include <string_view>

#include "common/result.h"
#include "common/value.h"
#include "cypher/functions/function_context.h"

namespace smith::cypher {

struct ScalarFunction {
  using Fn = Result<Value> (*)(std::span<const Value> args, FunctionContext& ctx);

  // The canonical spelling, e.g. "toUpper", "datetime.fromepochmillis".
  std::string_view name;
  int min_args;
  // kVariadic: any number >= min_args.
  int max_args;
  // Precondition: min_args <= args.size() <= max_args (unless variadic).
  Fn call;
  // False for functions whose result depends on more than their arguments (rand(),
  // randomUUID(), datetime() and the other clock readers): never constant-fold those.
  bool deterministic;

  static constexpr int kVariadic = -1;
};

// The function named `name` (case-insensitive), or nullptr.
const ScalarFunction* FindScalarFunction(std::string_view name);

// Every registered function, in no particular order (for SHOW FUNCTIONS and tests).
std::span<const ScalarFunction* const> AllScalarFunctions();

// Checks the argument count (kSemanticError naming the function and the expected count), then
// calls `fn`.
Result<Value> CallScalarFunction(const ScalarFunction& fn, std::span<const Value> args,
                                 FunctionContext& ctx);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_FUNCTION_REGISTRY_H_
