// Cypher's arithmetic operators on Values, with Neo4j 5 semantics:
//
//   null           any operand null -> null (before any type check).
//   numbers        INTEGER op INTEGER stays INTEGER, overflow is kArithmeticError "long overflow";
//                  INTEGER / INTEGER truncates toward zero; INTEGER / 0 and INTEGER % 0 are
//                  kArithmeticError "/ by zero"; a FLOAT operand makes the result FLOAT (IEEE:
//                  1.0 / 0 is Infinity, 0.0 / 0 is NaN); % has the sign of the dividend;
//                  ^ is always FLOAT.
//   strings        STRING + STRING concatenates; STRING + INTEGER|FLOAT|BOOLEAN|temporal (and the
//                  mirror) appends the value's text form ('a' + 1 = 'a1', 'a' + 1.0 = 'a1.0').
//   lists          LIST + LIST concatenates; LIST + x appends x; x + LIST prepends x.
//   temporal       instant +/- DURATION, DURATION + instant, DURATION +/- DURATION,
//                  DURATION * number, number * DURATION, DURATION / number (see
//                  temporal_arithmetic.h).
//   anything else  kTypeError naming both types, e.g. "Cannot add `STRING` and `MAP`".
//
// Thread safety: pure functions.
#ifndef SMITH_CYPHER_FUNCTIONS_OPERATORS_H_
#define SMITH_CYPHER_FUNCTIONS_OPERATORS_H_

#include "common/result.h"
#include "common/value.h"

namespace smith::cypher {

Result<Value> Add(const Value& a, const Value& b);
Result<Value> Subtract(const Value& a, const Value& b);
Result<Value> Multiply(const Value& a, const Value& b);
Result<Value> Divide(const Value& a, const Value& b);
Result<Value> Modulo(const Value& a, const Value& b);
Result<Value> Power(const Value& a, const Value& b);
// Unary minus: numbers and durations (-INT64_MIN is kArithmeticError).
Result<Value> Negate(const Value& v);
// Unary plus: numbers and durations unchanged, anything else kTypeError.
Result<Value> UnaryPlus(const Value& v);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_OPERATORS_H_
