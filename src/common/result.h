// Result<T>: either a value of type T or a non-OK Status explaining why there is none.
//
// Use it as the return type of any function that produces a value and can fail in an expected
// way. Accessing value() on an error Result is a programming error (checked by assert in debug
// builds and by the sanitizer build through the engaged-optional check).
//
// Thread safety: as for any value type.
#ifndef SMITH_COMMON_RESULT_H_
#define SMITH_COMMON_RESULT_H_

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace smith {

template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit on purpose: `return value;` and `return status;` both read naturally.
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "Result<T> built from an OK Status has no value");
    if (status_.ok()) status_ = Status::Internal("Result constructed from OK status");
  }

  bool ok() const { return value_.has_value(); }
  // OK when a value is present.
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // The value, or `fallback` on error.
  T value_or(T fallback) const& { return ok() ? *value_ : std::move(fallback); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace smith

// Evaluates `rexpr` (a Result<T>); on error returns its Status from the enclosing function,
// otherwise move-assigns the value to `lhs` (which may be a declaration: `auto x`).
#define SMITH_ASSIGN_OR_RETURN(lhs, rexpr) \
  SMITH_ASSIGN_OR_RETURN_IMPL_(SMITH_CONCAT_(smith_result_, __LINE__), lhs, rexpr)
#define SMITH_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                 \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
#define SMITH_CONCAT_(a, b) SMITH_CONCAT_INNER_(a, b)
#define SMITH_CONCAT_INNER_(a, b) a##b

#endif  // SMITH_COMMON_RESULT_H_
