// CypherError: the one exception type of the Cypher execution layer.
//
// Thrown from deep inside expression evaluation or an operator to end the current statement
// (ADR 0002); the engine catches it at the statement boundary, rolls the statement back and
// returns its Status. Never thrown across the public API.
#ifndef SMITH_CYPHER_EXECUTION_CYPHER_ERROR_H_
#define SMITH_CYPHER_EXECUTION_CYPHER_ERROR_H_

#include <exception>
#include <string>
#include <utility>

#include "common/result.h"
#include "common/status.h"

namespace smith::exec {

class CypherError : public std::exception {
 public:
  explicit CypherError(Status status) : status_(std::move(status)) {}
  CypherError(StatusCode code, std::string_view message) : status_(code, message) {}
  const Status& status() const { return status_; }
  const char* what() const noexcept override { return status_.message().data(); }

 private:
  Status status_;
};

[[noreturn]] inline void ThrowError(StatusCode code, std::string_view message) {
  throw CypherError(code, message);
}

// Throws the Status when it is an error.
inline void ThrowIfError(const Status& status) {
  if (!status.ok()) throw CypherError(status);
}

// The value of `result`, or throws its Status.
template <typename T>
T ValueOrThrow(Result<T> result) {
  if (!result.ok()) throw CypherError(result.status());
  return std::move(result).value();
}

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_CYPHER_ERROR_H_
