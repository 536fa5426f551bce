#include "cypher/functions/function_registry.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "cypher/functions/function_util.h"

namespace smith::cypher {
namespace {

struct Registry {
  std::vector<const ScalarFunction*> all;
  std::unordered_map<std::string, const ScalarFunction*> by_lower_name;

  Registry() {
    for (auto family : {internal::ListFunctions(), internal::ConversionFunctions(),
                        internal::StringFunctions(), internal::MathFunctions(),
                        internal::TemporalFunctions(), internal::DurationFunctions()}) {
      for (const ScalarFunction& fn : family) {
        all.push_back(&fn);
        by_lower_name.emplace(internal::AsciiLower(fn.name), &fn);
      }
    }
  }
};

const Registry& GetRegistry() {
  static const Registry* registry = new Registry();
  return *registry;
}

}  // namespace

const ScalarFunction* FindScalarFunction(std::string_view name) {
  const Registry& registry = GetRegistry();
  auto it = registry.by_lower_name.find(internal::AsciiLower(name));
  return it == registry.by_lower_name.end() ? nullptr : it->second;
}

std::span<const ScalarFunction* const> AllScalarFunctions() { return GetRegistry().all; }

Result<Value> CallScalarFunction(const ScalarFunction& fn, std::span<const Value> args,
                                 FunctionContext& ctx) {
  const int n = static_cast<int>(args.size());
  if (n < fn.min_args || (fn.max_args != ScalarFunction::kVariadic && n > fn.max_args)) {
    std::string message = "Function '";
    message += fn.name;
    message += "()' takes ";
    if (fn.max_args == ScalarFunction::kVariadic) {
      message += "at least " + std::to_string(fn.min_args);
    } else if (fn.min_args == fn.max_args) {
      message += std::to_string(fn.min_args);
    } else {
      message += std::to_string(fn.min_args) + " to " + std::to_string(fn.max_args);
    }
    message += " argument(s) but was given " + std::to_string(n);
    return Status(StatusCode::kSemanticError, message);
  }
  return fn.call(args, ctx);
}

}  // namespace smith::cypher
