// Expected errors: `Then a <Type> should be raised at <phase>: <Detail>`.
//
// The TCK names an error type, a phase (compile time, runtime, any time) and a detail code
// (UnknownFunction, InvalidArgumentType, ...). smith reports a StatusCode only, so matching is on
// the type, through this mapping (the detail and the phase are shown in failure messages but
// not checked: an embedded engine cannot tell the two phases apart from the outside):
//
//   TCK type                      accepted smith::StatusCode
//   SyntaxError                   kSyntaxError, kSemanticError (Neo4j reports many of the TCK's
//                                 SyntaxErrors, e.g. VariableAlreadyBound, as SemanticError)
//   SemanticError                 kSemanticError, kSyntaxError
//   TypeError                     kTypeError; at compile time also kSyntaxError, kSemanticError
//                                 (a type error found by the binder is a compile-time error)
//   ArgumentError                 kArgumentError, kInvalidArgument; at compile time also
//                                 kSyntaxError, kSemanticError
//   ParameterMissing              kParameterMissing
//   EntityNotFound                kEntityNotFound, kNotFound
//   ConstraintVerificationFailed  kConstraintViolation
//   ConstraintValidationFailed    kConstraintViolation
//   ProcedureError                kNotFound, kSyntaxError, kSemanticError, kArgumentError
// Any other TCK type is matched by no code (the scenario fails naming the unknown type).
//
// Thread safety: pure functions.
#ifndef SMITH_TESTS_TCK_TCK_ERRORS_H_
#define SMITH_TESTS_TCK_TCK_ERRORS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace smith::tck {

enum class ErrorPhase { kCompileTime, kRuntime, kAnyTime };

struct ExpectedError {
  std::string type;  // "SyntaxError"
  ErrorPhase phase = ErrorPhase::kAnyTime;
  std::string detail;  // "UnknownFunction"; may be empty
};

// Parses the text of an error step (after the keyword), e.g.
// "a SyntaxError should be raised at compile time: UnknownFunction". nullopt if the text is not
// an error step.
std::optional<ExpectedError> ParseErrorStep(std::string_view text);

// The codes that satisfy `expected`; empty for an unknown TCK type.
std::vector<StatusCode> AcceptedCodes(const ExpectedError& expected);

// "SyntaxError at compile time: UnknownFunction".
std::string DescribeExpectedError(const ExpectedError& expected);

// Empty if `status` (non-OK) satisfies `expected`, else a one-line explanation.
std::string MatchError(const ExpectedError& expected, const Status& status);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_ERRORS_H_
