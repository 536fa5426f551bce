// ScopedValue: sets a variable for the lifetime of a scope and restores its previous value when
// the scope ends, also by an exception. For state a recursive walker (the Cypher planner's
// expression compiler) switches on around a sub-walk.
//
// Thread safety: as the variable's.
#ifndef SMITH_COMMON_SCOPED_VALUE_H_
#define SMITH_COMMON_SCOPED_VALUE_H_

#include <type_traits>
#include <utility>

namespace smith {

template <typename T>
class [[nodiscard]] ScopedValue {
 public:
  ScopedValue(T& variable, std::type_identity_t<T> value)
      : variable_(variable), saved_(std::exchange(variable, std::move(value))) {}
  ~ScopedValue() { variable_ = std::move(saved_); }
  ScopedValue(const ScopedValue&) = delete;
  ScopedValue& operator=(const ScopedValue&) = delete;

 private:
  T& variable_;
  T saved_;
};

}  // namespace smith

#endif  // SMITH_COMMON_SCOPED_VALUE_H_
