#include "tck_errors.h"

#include <algorithm>

namespace smith::tck {
namespace {

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string_view PhaseName(ErrorPhase phase) {
  switch (phase) {
    case ErrorPhase::kCompileTime:
      return "compile time";
    case ErrorPhase::kRuntime:
      return "runtime";
    case ErrorPhase::kAnyTime:
      return "any time";
  }
  return "?";
}

}  // namespace

std::optional<ExpectedError> ParseErrorStep(std::string_view text) {
  constexpr std::string_view kMiddle = " should be raised at ";
  std::string_view rest = Trim(text);
  if (rest.substr(0, 2) == "a ") {
    rest.remove_prefix(2);
  } else if (rest.substr(0, 3) == "an ") {
    rest.remove_prefix(3);
  } else {
    return std::nullopt;
  }
  size_t middle = rest.find(kMiddle);
  if (middle == std::string_view::npos || middle == 0) return std::nullopt;
  ExpectedError error;
  error.type = std::string(rest.substr(0, middle));
  if (error.type.find(' ') != std::string::npos) return std::nullopt;
  rest.remove_prefix(middle + kMiddle.size());
  size_t colon = rest.find(':');
  std::string_view phase = Trim(rest.substr(0, colon));
  if (colon != std::string_view::npos) error.detail = std::string(Trim(rest.substr(colon + 1)));
  if (phase == "compile time") {
    error.phase = ErrorPhase::kCompileTime;
  } else if (phase == "runtime") {
    error.phase = ErrorPhase::kRuntime;
  } else if (phase == "any time") {
    error.phase = ErrorPhase::kAnyTime;
  } else {
    return std::nullopt;
  }
  return error;
}

std::vector<StatusCode> AcceptedCodes(const ExpectedError& expected) {
  const std::string& t = expected.type;
  bool compile = expected.phase == ErrorPhase::kCompileTime;
  std::vector<StatusCode> codes;
  if (t == "SyntaxError" || t == "SemanticError") {
    codes = {StatusCode::kSyntaxError, StatusCode::kSemanticError};
  } else if (t == "TypeError") {
    codes = {StatusCode::kTypeError};
    if (compile) codes.insert(codes.end(), {StatusCode::kSyntaxError, StatusCode::kSemanticError});
  } else if (t == "ArgumentError") {
    codes = {StatusCode::kArgumentError, StatusCode::kInvalidArgument};
    if (compile) codes.insert(codes.end(), {StatusCode::kSyntaxError, StatusCode::kSemanticError});
  } else if (t == "ParameterMissing") {
    codes = {StatusCode::kParameterMissing};
  } else if (t == "EntityNotFound") {
    codes = {StatusCode::kEntityNotFound, StatusCode::kNotFound};
  } else if (t == "ConstraintVerificationFailed" || t == "ConstraintValidationFailed") {
    codes = {StatusCode::kConstraintViolation};
  } else if (t == "ProcedureError") {
    codes = {StatusCode::kProcedureNotFound, StatusCode::kNotFound, StatusCode::kSyntaxError,
             StatusCode::kSemanticError, StatusCode::kArgumentError};
  }
  return codes;
}

std::string DescribeExpectedError(const ExpectedError& expected) {
  std::string out = expected.type + " at " + std::string(PhaseName(expected.phase));
  if (!expected.detail.empty()) out += ": " + expected.detail;
  return out;
}

std::string MatchError(const ExpectedError& expected, const Status& status) {
  std::vector<StatusCode> codes = AcceptedCodes(expected);
  if (codes.empty()) return "unknown TCK error type " + expected.type;
  if (std::find(codes.begin(), codes.end(), status.code()) != codes.end()) return "";
  return "expected " + DescribeExpectedError(expected) + ", got " + status.ToString();
}

}  // namespace smith::tck
