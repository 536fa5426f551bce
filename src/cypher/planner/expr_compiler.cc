// Compiles AST expressions into executable expressions (execution/expressions.h).
#include <algorithm>
#include <cctype>
#include <functional>
#include <utility>

#include "cypher/ast/pattern.h"
#include "cypher/ast/printer.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/functions/aggregates.h"
#include "cypher/functions/function_registry.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Value LiteralValue(const Literal& lit) {
  switch (lit.literal_kind) {
    case LiteralKind::kNull:
      return Value();
    case LiteralKind::kBoolean:
      return Value::Bool(lit.bool_value);
    case LiteralKind::kInteger:
      return Value::Int(lit.int_value);
    case LiteralKind::kFloat:
      return Value::Float(lit.float_value);
    case LiteralKind::kString:
      return Value::String(lit.string_value);
  }
  return Value();
}

std::optional<exec::GraphFunction> GraphFunctionNamed(const std::string& lower) {
  static const std::pair<const char*, exec::GraphFunction> kTable[] = {
      {"id", exec::GraphFunction::kId},
      {"elementid", exec::GraphFunction::kElementId},
      {"labels", exec::GraphFunction::kLabels},
      {"type", exec::GraphFunction::kType},
      {"properties", exec::GraphFunction::kProperties},
      {"keys", exec::GraphFunction::kKeys},
      {"startnode", exec::GraphFunction::kStartNode},
      {"endnode", exec::GraphFunction::kEndNode},
      {"nodes", exec::GraphFunction::kNodes},
      {"relationships", exec::GraphFunction::kRelationships},
      {"length", exec::GraphFunction::kLength},
  };
  for (const auto& [name, fn] : kTable) {
    if (lower == name) return fn;
  }
  return std::nullopt;
}

}  // namespace

bool Planner::ContainsAggregate(const Expression& expr) {
  switch (expr.kind) {
    case ExprKind::kCountStar:
      return true;
    case ExprKind::kFunctionCall: {
      const auto& f = expr.As<FunctionCall>();
      if (f.namespaces.empty() && IsAggregateFunction(Lower(f.name))) return true;
      return std::any_of(f.args.begin(), f.args.end(),
                         [](const auto& a) { return ContainsAggregate(*a); });
    }
    case ExprKind::kProperty:
      return ContainsAggregate(*expr.As<PropertyAccess>().object);
    case ExprKind::kList: {
      const auto& l = expr.As<ListLiteral>();
      return std::any_of(l.items.begin(), l.items.end(),
                         [](const auto& a) { return ContainsAggregate(*a); });
    }
    case ExprKind::kMap: {
      const auto& m = expr.As<MapLiteral>();
      return std::any_of(m.entries.begin(), m.entries.end(),
                         [](const auto& e) { return ContainsAggregate(*e.value); });
    }
    case ExprKind::kUnary:
      return ContainsAggregate(*expr.As<UnaryExpr>().operand);
    case ExprKind::kBinary: {
      const auto& b = expr.As<BinaryExpr>();
      return ContainsAggregate(*b.left) || ContainsAggregate(*b.right);
    }
    case ExprKind::kComparisonChain: {
      const auto& c = expr.As<ComparisonChain>();
      return std::any_of(c.operands.begin(), c.operands.end(),
                         [](const auto& a) { return ContainsAggregate(*a); });
    }
    case ExprKind::kIsNull:
      return ContainsAggregate(*expr.As<IsNullExpr>().operand);
    case ExprKind::kSubscript: {
      const auto& s = expr.As<SubscriptExpr>();
      return ContainsAggregate(*s.object) || ContainsAggregate(*s.index);
    }
    case ExprKind::kCase: {
      const auto& c = expr.As<CaseExpr>();
      if (c.subject && ContainsAggregate(*c.subject)) return true;
      if (c.else_expr && ContainsAggregate(*c.else_expr)) return true;
      return std::any_of(c.alternatives.begin(), c.alternatives.end(), [](const auto& a) {
        return ContainsAggregate(*a.when) || ContainsAggregate(*a.then);
      });
    }
    // Only the list a comprehension, quantifier or reduce iterates may aggregate
    // ([x IN collect(n) | x.name]); their inner expressions run per element (see Compile).
    case ExprKind::kListComprehension:
      return ContainsAggregate(*expr.As<ListComprehension>().list);
    case ExprKind::kQuantifier:
      return ContainsAggregate(*expr.As<QuantifierExpr>().list);
    case ExprKind::kReduce: {
      const auto& r = expr.As<ReduceExpr>();
      return ContainsAggregate(*r.init) || ContainsAggregate(*r.list);
    }
    default:
      return false;
  }
}

void Planner::CollectVariables(const Expression& expr, std::vector<std::string>* out) {
  switch (expr.kind) {
    case ExprKind::kVariable:
      out->push_back(expr.As<Variable>().name);
      return;
    case ExprKind::kProperty:
      CollectVariables(*expr.As<PropertyAccess>().object, out);
      return;
    case ExprKind::kFunctionCall:
      for (const auto& a : expr.As<FunctionCall>().args) CollectVariables(*a, out);
      return;
    case ExprKind::kList:
      for (const auto& a : expr.As<ListLiteral>().items) CollectVariables(*a, out);
      return;
    case ExprKind::kMap:
      for (const auto& e : expr.As<MapLiteral>().entries) CollectVariables(*e.value, out);
      return;
    case ExprKind::kUnary:
      CollectVariables(*expr.As<UnaryExpr>().operand, out);
      return;
    case ExprKind::kBinary:
      CollectVariables(*expr.As<BinaryExpr>().left, out);
      CollectVariables(*expr.As<BinaryExpr>().right, out);
      return;
    case ExprKind::kSubscript:
      CollectVariables(*expr.As<SubscriptExpr>().object, out);
      CollectVariables(*expr.As<SubscriptExpr>().index, out);
      return;
    case ExprKind::kIsNull:
      CollectVariables(*expr.As<IsNullExpr>().operand, out);
      return;
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
      return;
    default:
      out->push_back("\x01");  // something complex: treat as depending on everything
      return;
  }
}

VarKind Planner::KindOf(const Expression& expr) const {
  // Under a group-key substitution a name may be an alias of a different expression than the
  // input variable of the same name: unknown.
  if (expr.kind != ExprKind::kVariable || group_substitution_ != nullptr) return VarKind::kAny;
  auto var = scope_.Find(expr.As<Variable>().name);
  return var ? var->kind : VarKind::kAny;
}

exec::ExprPtr Planner::CompileWithAggregates(const Expression& expr,
                                             std::vector<exec::AggregateSpec>* aggs) {
  auto* saved = aggregates_;
  aggregates_ = aggs;
  exec::ExprPtr out;
  try {
    out = Compile(expr);
  } catch (...) {
    aggregates_ = saved;
    throw;
  }
  aggregates_ = saved;
  return out;
}

std::vector<exec::LabelMatcher> Planner::CompileLabels(const LabelList& labels) {
  std::vector<exec::LabelMatcher> out;
  std::function<exec::LabelMatcher(const LabelExpression&)> one = [&](const LabelExpression& l) {
    exec::LabelMatcher m;
    m.kind = l.kind;
    m.name = l.name;
    if (l.dynamic) m.dynamic = Compile(*l.dynamic);
    for (const auto& c : l.children) m.children.push_back(one(c));
    return m;
  };
  for (const auto& l : labels) out.push_back(one(l));
  return out;
}

// Operands of AND / OR / XOR / NOT whose type is visibly not boolean are rejected before the
// statement runs, as Neo4j does (InvalidArgumentType).
void Planner::CheckBooleanOperand(const Expression& operand) const {
  const char* type = nullptr;
  if (operand.kind == ExprKind::kLiteral) {
    switch (operand.As<Literal>().literal_kind) {
      case LiteralKind::kInteger:
        type = "Integer";
        break;
      case LiteralKind::kFloat:
        type = "Float";
        break;
      case LiteralKind::kString:
        type = "String";
        break;
      default:
        break;
    }
  } else if (operand.kind == ExprKind::kList) {
    type = "List<T>";
  } else if (operand.kind == ExprKind::kMap) {
    type = "Map";
  }
  if (type != nullptr) {
    Fail(StatusCode::kSyntaxError, std::string("Type mismatch: expected Boolean but was ") + type,
         operand.pos);
  }
}

void Planner::CheckArithmeticOperand(const Expression& operand) const {
  if (operand.kind != ExprKind::kVariable) return;
  auto it = static_types_.find(operand.As<Variable>().name);
  if (it == static_types_.end()) return;
  Fail(StatusCode::kSyntaxError,
       std::string("Type mismatch: expected Float, Integer or Duration but was ") + it->second,
       operand.pos);
}

namespace {

// "String" or "Boolean" when `list` is a non-empty list literal of only such literals.
const char* LiteralListElementType(const Expression& list) {
  if (list.kind != ExprKind::kList) return nullptr;
  const auto& items = list.As<ListLiteral>().items;
  const char* type = nullptr;
  for (const auto& item : items) {
    if (item->kind != ExprKind::kLiteral) return nullptr;
    const LiteralKind kind = item->As<Literal>().literal_kind;
    const char* t = kind == LiteralKind::kString    ? "String"
                    : kind == LiteralKind::kBoolean ? "Boolean"
                                                    : nullptr;
    if (t == nullptr || (type != nullptr && type != t)) return nullptr;
    type = t;
  }
  return type;
}

}  // namespace

exec::ExprPtr Planner::CompilePredicate(const Expression& expr) {
  if (expr.kind == ExprKind::kVariable) {
    auto var = scope_.Find(expr.As<Variable>().name);
    // Graph elements are never booleans; a kValue variable may be one (WITH true AS ok).
    if (var && var->kind != VarKind::kAny && var->kind != VarKind::kValue) {
      static const char* kNames[] = {"Any",  "Node", "Relationship", "List<Relationship>",
                                     "Path", "Value"};
      Fail(StatusCode::kSyntaxError,
           std::string("Type mismatch: expected Boolean but was ") +
               kNames[static_cast<int>(var->kind)],
           expr.pos);
    }
  }
  pattern_allowed_ = true;
  return Compile(expr);
}

exec::ExprPtr Planner::Compile(const Expression& expr) {
  using namespace exec;  // NOLINT(google-build-using-namespace): many node types
  // Only the operands of logical operators stay at a predicate position.
  const bool predicate_position = std::exchange(pattern_allowed_, false);
  if (group_substitution_ != nullptr && expr.kind != ExprKind::kLiteral &&
      expr.kind != ExprKind::kParameter) {
    // After an aggregation only the grouping keys remain: an expression spelled like one of them
    // reads its slot; any other variable is out of reach.
    const std::string text = ToCypher(expr);
    for (const auto& [key_text, slot] : *group_substitution_) {
      if (key_text == text) return std::make_unique<SlotExpr>(slot, text);
    }
    // Variables bound inside the expression (comprehensions, subqueries) shadow the input's
    // with new slots and compile normally.
    std::optional<VarInfo> input_var;
    std::optional<VarInfo> current;
    if (expr.kind == ExprKind::kVariable) {
      const std::string& name = expr.As<Variable>().name;
      if (substitution_input_scope_ != nullptr) input_var = substitution_input_scope_->Find(name);
      current = scope_.Find(name);
    }
    if (input_var && current && current->slot == input_var->slot) {
      Fail(StatusCode::kSyntaxError,
           "In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access "
           "variables declared before the WITH/RETURN: " +
               expr.As<Variable>().name,
           expr.pos);
    }
  }
  switch (expr.kind) {
    case ExprKind::kLiteral:
      return std::make_unique<ConstExpr>(LiteralValue(expr.As<Literal>()));
    case ExprKind::kParameter:
      parameters_.insert(expr.As<Parameter>().name);
      return std::make_unique<ParamExpr>(expr.As<Parameter>().name);
    case ExprKind::kVariable: {
      const std::string& name = expr.As<Variable>().name;
      auto var = scope_.Find(name);
      if (!var) Fail(StatusCode::kSemanticError, "Variable `" + name + "` not defined", expr.pos);
      return std::make_unique<SlotExpr>(var->slot, name);
    }
    case ExprKind::kProperty: {
      const auto& p = expr.As<PropertyAccess>();
      if (KindOf(*p.object) == VarKind::kPath) {
        Fail(StatusCode::kSyntaxError,
             "Type mismatch: expected Map, Node, Relationship or a temporal value but was Path",
             p.object->pos);
      }
      return std::make_unique<PropertyExpr>(Compile(*p.object), p.key);
    }
    case ExprKind::kList: {
      std::vector<exec::ExprPtr> items;
      for (const auto& i : expr.As<ListLiteral>().items) items.push_back(Compile(*i));
      return std::make_unique<ListExpr>(std::move(items));
    }
    case ExprKind::kMap: {
      std::vector<std::string> keys;
      std::vector<exec::ExprPtr> values;
      for (const auto& e : expr.As<MapLiteral>().entries) {
        keys.push_back(e.key);
        values.push_back(Compile(*e.value));
      }
      return std::make_unique<MapExpr>(std::move(keys), std::move(values));
    }
    case ExprKind::kUnary: {
      const auto& u = expr.As<cypher::UnaryExpr>();
      if (u.op == UnaryOp::kNot) {
        CheckBooleanOperand(*u.operand);
        pattern_allowed_ = predicate_position;
        return std::make_unique<LogicExpr>(LogicOp::kNot, Compile(*u.operand), nullptr);
      }
      return std::make_unique<exec::UnaryExpr>(
          u.op == UnaryOp::kMinus ? UnaryKind::kMinus : UnaryKind::kPlus, Compile(*u.operand));
    }
    case ExprKind::kBinary: {
      const auto& b = expr.As<BinaryExpr>();
      const bool logical =
          b.op == BinaryOp::kAnd || b.op == BinaryOp::kOr || b.op == BinaryOp::kXor;
      if (logical) {
        CheckBooleanOperand(*b.left);
        CheckBooleanOperand(*b.right);
      }
      if (b.op == BinaryOp::kSub || b.op == BinaryOp::kMul || b.op == BinaryOp::kDiv ||
          b.op == BinaryOp::kMod || b.op == BinaryOp::kPow) {
        CheckArithmeticOperand(*b.left);
        CheckArithmeticOperand(*b.right);
      }
      pattern_allowed_ = logical && predicate_position;
      auto l = Compile(*b.left);
      pattern_allowed_ = logical && predicate_position;
      auto r = Compile(*b.right);
      switch (b.op) {
        case BinaryOp::kAnd:
          return std::make_unique<LogicExpr>(LogicOp::kAnd, std::move(l), std::move(r));
        case BinaryOp::kOr:
          return std::make_unique<LogicExpr>(LogicOp::kOr, std::move(l), std::move(r));
        case BinaryOp::kXor:
          return std::make_unique<LogicExpr>(LogicOp::kXor, std::move(l), std::move(r));
        default:
          return std::make_unique<BinaryOpExpr>(b.op, std::move(l), std::move(r));
      }
    }
    case ExprKind::kComparisonChain: {
      const auto& c = expr.As<ComparisonChain>();
      std::vector<exec::ExprPtr> operands;
      for (const auto& o : c.operands) operands.push_back(Compile(*o));
      return std::make_unique<ChainExpr>(std::move(operands), c.ops);
    }
    case ExprKind::kIsNull: {
      const auto& n = expr.As<cypher::IsNullExpr>();
      return std::make_unique<exec::IsNullExpr>(Compile(*n.operand), n.negated);
    }
    case ExprKind::kSubscript: {
      const auto& s = expr.As<cypher::SubscriptExpr>();
      return std::make_unique<exec::SubscriptExpr>(Compile(*s.object), Compile(*s.index));
    }
    case ExprKind::kSlice: {
      const auto& s = expr.As<cypher::SliceExpr>();
      return std::make_unique<exec::SliceExpr>(
          Compile(*s.object), s.from ? Compile(*s.from) : nullptr, s.to ? Compile(*s.to) : nullptr);
    }
    case ExprKind::kLabelPredicate: {
      const auto& l = expr.As<LabelPredicate>();
      return std::make_unique<LabelPredicateExpr>(Compile(*l.operand), CompileLabels(l.labels));
    }
    case ExprKind::kCountStar:
    case ExprKind::kFunctionCall: {
      std::string lower;
      bool distinct = false;
      const std::vector<cypher::ExprPtr>* args = nullptr;
      std::string display = "count";
      if (expr.kind == ExprKind::kFunctionCall) {
        const auto& f = expr.As<FunctionCall>();
        lower = Lower(f.QualifiedName());
        display = f.QualifiedName();
        distinct = f.distinct;
        args = &f.args;
      } else {
        lower = "count";
      }
      // `exists((a)-->(b))`: the predicate function form of a pattern predicate.
      if (lower == "exists" && args->size() == 1 && (*args)[0]->kind == ExprKind::kPattern) {
        return CompilePatternPredicate((*args)[0]->As<PatternExpr>());
      }
      if (expr.kind == ExprKind::kCountStar || IsAggregateFunction(lower)) {
        if (aggregates_ == nullptr || inside_aggregate_) {
          Fail(StatusCode::kSyntaxError,
               "Invalid use of aggregating function " + display + "(...) in this context",
               expr.pos);
        }
        exec::AggregateSpec spec;
        spec.function = lower;
        spec.distinct = distinct;
        inside_aggregate_ = true;
        try {
          // Arguments are evaluated before the aggregation, in the input's scope: no group-key
          // substitution there.
          ScopedValue no_substitution(group_substitution_, nullptr);
          if (args != nullptr) {
            for (const auto& a : *args) spec.args.push_back(Compile(*a));
          }
        } catch (...) {
          inside_aggregate_ = false;
          throw;
        }
        inside_aggregate_ = false;
        spec.slot = slots_.Next();
        int slot = spec.slot;
        aggregates_->push_back(std::move(spec));
        return std::make_unique<SlotExpr>(slot, display + "(...)");
      }
      // Arguments whose kind the planner knows (pattern variables) are checked now, as Neo4j
      // does: type() takes a relationship, labels() a node.
      if (args->size() == 1 && (lower == "type" || lower == "labels")) {
        const VarKind want = lower == "type" ? VarKind::kRelationship : VarKind::kNode;
        const VarKind kind = KindOf(*(*args)[0]);
        const bool element = kind == VarKind::kNode || kind == VarKind::kRelationship;
        if ((element || kind == VarKind::kPath) && kind != want) {
          Fail(StatusCode::kSyntaxError,
               "Type mismatch: expected " +
                   std::string(want == VarKind::kNode ? "Node" : "Relationship") + " but was " +
                   (kind == VarKind::kNode   ? "Node"
                    : kind == VarKind::kPath ? "Path"
                                             : "Relationship"),
               (*args)[0]->pos);
        }
      }
      std::vector<exec::ExprPtr> compiled;
      for (const auto& a : *args) compiled.push_back(Compile(*a));
      const ScalarFunction* fn = FindScalarFunction(lower);
      if (auto graph_fn = GraphFunctionNamed(lower)) {
        if (compiled.size() != 1) {
          Fail(StatusCode::kSyntaxError, "Function " + display + "() takes exactly one argument",
               expr.pos);
        }
        return std::make_unique<GraphFunctionExpr>(*graph_fn, display, std::move(compiled[0]), fn);
      }
      if (fn == nullptr)
        Fail(StatusCode::kSyntaxError, "Unknown function '" + display + "'", expr.pos);
      auto n = static_cast<int>(compiled.size());
      if (n < fn->min_args || (fn->max_args >= 0 && n > fn->max_args)) {
        Fail(StatusCode::kSyntaxError,
             std::string(n < fn->min_args ? "Insufficient" : "Too many") +
                 " parameters for function '" + display + "'",
             expr.pos);
      }
      return std::make_unique<FunctionExpr>(fn, display, std::move(compiled));
    }
    case ExprKind::kCase: {
      const auto& c = expr.As<cypher::CaseExpr>();
      std::vector<std::pair<exec::ExprPtr, exec::ExprPtr>> alternatives;
      for (const auto& a : c.alternatives)
        alternatives.emplace_back(Compile(*a.when), Compile(*a.then));
      return std::make_unique<exec::CaseExpr>(c.subject ? Compile(*c.subject) : nullptr,
                                              std::move(alternatives),
                                              c.else_expr ? Compile(*c.else_expr) : nullptr);
    }
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier:
    case ExprKind::kReduce: {
      // The iteration variable shadows any outer one inside the expression only. `type` is its
      // static type when the iterated list is a literal of strings or booleans (else null).
      auto with_variable = [&](const std::string& name, const char* type, auto&& body) {
        auto saved = scope_.Find(name);
        int slot = slots_.Next();
        scope_.Bind(name, VarInfo{slot, VarKind::kAny});
        std::map<std::string, const char*> saved_types = static_types_;
        if (type != nullptr) {
          static_types_[name] = type;
        } else {
          static_types_.erase(name);
        }
        exec::ExprPtr result;
        try {
          result = body(slot);
        } catch (...) {
          static_types_ = std::move(saved_types);
          if (saved) scope_.Bind(name, *saved);
          throw;
        }
        static_types_ = std::move(saved_types);
        if (saved) {
          scope_.Bind(name, *saved);
        } else {
          Scope copy;
          for (const auto& [k, v] : scope_.vars()) {
            if (k != name) copy.Bind(k, v);
          }
          scope_ = copy;
        }
        return result;
      };
      // The iterated list (and reduce's initial value) may aggregate; the expressions evaluated
      // per element may not: the element variable does not exist when the aggregation runs.
      if (expr.kind == ExprKind::kListComprehension) {
        const auto& lc = expr.As<ListComprehension>();
        auto list = Compile(*lc.list);
        ScopedValue per_element(aggregates_, nullptr);
        return with_variable(lc.variable, LiteralListElementType(*lc.list),
                             [&](int slot) -> exec::ExprPtr {
                               return std::make_unique<IterateExpr>(
                                   IterateKind::kComprehension, slot, std::move(list),
                                   lc.where ? CompilePredicate(*lc.where) : nullptr,
                                   lc.projection ? Compile(*lc.projection) : nullptr, 0, nullptr);
                             });
      }
      if (expr.kind == ExprKind::kQuantifier) {
        const auto& q = expr.As<QuantifierExpr>();
        static const IterateKind kKinds[] = {IterateKind::kAll, IterateKind::kAny,
                                             IterateKind::kNone, IterateKind::kSingle};
        auto list = Compile(*q.list);
        ScopedValue per_element(aggregates_, nullptr);
        return with_variable(
            q.variable, LiteralListElementType(*q.list), [&](int slot) -> exec::ExprPtr {
              return std::make_unique<IterateExpr>(
                  kKinds[static_cast<int>(q.quantifier)], slot, std::move(list),
                  q.where ? CompilePredicate(*q.where) : nullptr, nullptr, 0, nullptr);
            });
      }
      const auto& r = expr.As<ReduceExpr>();
      auto init = Compile(*r.init);
      auto list = Compile(*r.list);
      ScopedValue per_element(aggregates_, nullptr);
      return with_variable(r.accumulator, nullptr, [&](int acc_slot) -> exec::ExprPtr {
        return with_variable(
            r.variable, LiteralListElementType(*r.list), [&](int var_slot) -> exec::ExprPtr {
              return std::make_unique<IterateExpr>(IterateKind::kReduce, var_slot, std::move(list),
                                                   nullptr, Compile(*r.expression), acc_slot,
                                                   std::move(init));
            });
      });
    }
    case ExprKind::kMapProjection: {
      const auto& m = expr.As<cypher::MapProjection>();
      auto var = scope_.Find(m.variable);
      if (!var)
        Fail(StatusCode::kSemanticError, "Variable `" + m.variable + "` not defined", expr.pos);
      std::vector<MapProjectionEntry> entries;
      for (const auto& item : m.items) {
        MapProjectionEntry e{item.kind, item.key, nullptr};
        if (item.value) e.value = Compile(*item.value);
        entries.push_back(std::move(e));
      }
      return std::make_unique<MapProjectionExpr>(std::make_unique<SlotExpr>(var->slot, m.variable),
                                                 std::move(entries));
    }
    case ExprKind::kPatternComprehension:
      return CompilePatternComprehension(expr.As<PatternComprehension>());
    case ExprKind::kPattern: {
      const auto& p = expr.As<PatternExpr>();
      if (!predicate_position && p.path->kind == PathKind::kPattern) {
        Fail(StatusCode::kSyntaxError,
             "A pattern expression should only be used in order to test the existence of a "
             "pattern. It can no longer be used inside a function or to return a list; use "
             "EXISTS { }, COUNT { } or a pattern comprehension instead",
             expr.pos);
      }
      return CompilePatternPredicate(p);
    }
    case ExprKind::kSubquery:
      return CompileSubquery(expr.As<cypher::SubqueryExpr>());
  }
  Fail(StatusCode::kInternal, "unknown expression kind", expr.pos);
}

}  // namespace smith::cypher
