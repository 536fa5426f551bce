// A small evaluator of Cypher expressions for the function tests, so that TCK scenarios of the
// form `RETURN <expression>` can be replayed as text: literals (null, booleans, integers,
// floats, 'strings', lists, maps), variables, function calls (namespaced names), property
// access (map keys and temporal accessors), parentheses, unary +/-, the arithmetic operators and
// the comparisons = <> < <= > >=. It is test scaffolding, not the engine's evaluator.
#ifndef SMITH_TESTS_CPP_CYPHER_FUNCTIONS_EVAL_H_
#define SMITH_TESTS_CPP_CYPHER_FUNCTIONS_EVAL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/value.h"
#include "cypher/functions/function_context.h"

namespace smith::cypher::testing {

// A context with fixed clocks (2024-05-17T10:30:15.123456789Z) and a fixed seed.
FunctionContext FixedContext();

// Evaluates `text`; `vars` binds variable names.
Result<Value> Eval(std::string_view text, FunctionContext& ctx,
                   const std::vector<std::pair<std::string, Value>>& vars = {});
// With FixedContext().
Result<Value> Eval(std::string_view text);

// `WITH <e1> AS n1, <e2> AS n2 RETURN <expression>`: binds each (name, expression) in order.
Result<Value> EvalWith(const std::vector<std::pair<std::string, std::string>>& bindings,
                       std::string_view expression);

// The TCK's rendering of a result value: Value::ToString, except that temporal values are
// quoted strings ('2015-07-21'), as the TCK's expected-result tables write them.
std::string TckRender(const Value& v);

// "OK: <TckRender>" or "ERROR <code name>: <message>", for EXPECT_EQ-style diagnostics.
std::string Outcome(const Result<Value>& r);

}  // namespace smith::cypher::testing

#endif  // SMITH_TESTS_CPP_CYPHER_FUNCTIONS_EVAL_H_
