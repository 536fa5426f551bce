// Internal helpers shared by the function families: error construction with Neo4j-like
// messages, argument accessors and the per-family function tables the registry collects.
#ifndef SMITH_CYPHER_FUNCTIONS_FUNCTION_UTIL_H_
#define SMITH_CYPHER_FUNCTIONS_FUNCTION_UTIL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/value.h"
#include "cypher/functions/function_registry.h"

namespace smith::cypher::internal {

Status TypeError(std::string_view message);
Status ArgumentError(std::string_view message);
Status ArithmeticError(std::string_view message);

// The Cypher type name of `v` ("INTEGER", "ZONED DATETIME", ...).
std::string_view TypeName(const Value& v);

// "<TYPE> <value>" with the value cut to a readable length, for error messages.
std::string Describe(const Value& v);

// kTypeError: "Invalid input for function '<fn>()': expected <expected> but got <Describe(v)>".
Status InvalidArgType(std::string_view fn, const Value& got, std::string_view expected);

// Typed argument access; a value of another type is InvalidArgType. Null must be handled by the
// caller first (these reject it like any other wrong type).
Result<int64_t> IntArg(std::string_view fn, const Value& v);
Result<double> NumberArg(std::string_view fn, const Value& v);
// The view borrows from `v`.
Result<std::string_view> StringArg(std::string_view fn, const Value& v);

// Case-insensitive ASCII comparison (function names, temporal units and field names).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string AsciiLower(std::string_view s);

// True if any of `args` is null (most functions then return null).
bool AnyNull(std::span<const Value> args);

// The function tables of each family (defined in the family's .cc file).
std::span<const ScalarFunction> ListFunctions();
std::span<const ScalarFunction> ConversionFunctions();
std::span<const ScalarFunction> StringFunctions();
std::span<const ScalarFunction> MathFunctions();
std::span<const ScalarFunction> TemporalFunctions();
std::span<const ScalarFunction> DurationFunctions();

}  // namespace smith::cypher::internal

#endif  // SMITH_CYPHER_FUNCTIONS_FUNCTION_UTIL_H_
