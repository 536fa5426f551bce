// Evaluation of function calls, graph functions, list iteration, map projections and paths.
#include <algorithm>

#include "common/value_compare.h"
#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/expressions.h"
#include "cypher/functions/function_registry.h"

namespace smith::exec {

namespace {

[[noreturn]] void TypeMismatch(const std::string& function, const Value& got) {
  ThrowError(StatusCode::kTypeError, "Invalid input for function '" + function +
                                         "()': Expected a graph element, got " +
                                         std::string(ValueTypeName(got.type())));
}

Value StringList(std::vector<std::string> names) {
  std::vector<Value> items;
  items.reserve(names.size());
  for (auto& n : names) items.push_back(Value::String(n));
  return Value::List(std::move(items));
}

}  // namespace

Value FunctionExpr::Eval(const Row& row, ExecContext& ctx) const {
  std::vector<Value> args;
  args.reserve(args_.size());
  for (const ExprPtr& arg : args_) args.push_back(arg->Eval(row, ctx));
  return ValueOrThrow(function_->call(args, ctx.functions()));
}

Value GraphFunctionExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value v = arg_->Eval(row, ctx);
  if (v.is_null()) return Value();
  const bool node = v.type() == ValueType::kNode;
  const bool rel = v.type() == ValueType::kRelationship;
  const bool path = v.type() == ValueType::kPath;
  switch (function_) {
    case GraphFunction::kId:
      if (node) return Value::Int(v.AsNode().id);
      if (rel) return Value::Int(v.AsRelationship().id);
      break;
    case GraphFunction::kElementId:
      if (node) return Value::String("n:" + std::to_string(v.AsNode().id));
      if (rel) return Value::String("r:" + std::to_string(v.AsRelationship().id));
      break;
    case GraphFunction::kLabels:
      if (node) {
        std::vector<std::string> names;
        for (graph::TokenId l : ctx.LiveNodeRecord(v.AsNode().id).labels) {
          names.emplace_back(ctx.TokenName(graph::TokenKind::kLabel, l));
        }
        return StringList(std::move(names));
      }
      break;
    case GraphFunction::kType:
      if (rel) return Value::String(v.AsRelationship().type);
      break;
    case GraphFunction::kProperties:
    case GraphFunction::kKeys: {
      if (!node && !rel) break;
      const graph::PropertyList& props = node ? ctx.LiveNodeRecord(v.AsNode().id).properties
                                              : ctx.LiveRelRecord(v.AsRelationship().id).properties;
      ValueMap map = ctx.PropertiesOf(props);
      if (function_ == GraphFunction::kProperties) return Value::Map(std::move(map));
      std::vector<std::string> names;
      for (const auto& [k, unused] : map) names.push_back(k);
      return StringList(std::move(names));
    }
    case GraphFunction::kStartNode:
      if (rel) return ExecContext::NodeRef(v.AsRelationship().start_id);
      break;
    case GraphFunction::kEndNode:
      if (rel) return ExecContext::NodeRef(v.AsRelationship().end_id);
      break;
    case GraphFunction::kNodes:
      if (path) {
        std::vector<Value> items;
        for (const Node& n : v.AsPath().nodes) items.push_back(Value(n));
        return Value::List(std::move(items));
      }
      break;
    case GraphFunction::kRelationships:
      if (path) {
        std::vector<Value> items;
        for (const Relationship& r : v.AsPath().relationships) items.push_back(Value(r));
        return Value::List(std::move(items));
      }
      break;
    case GraphFunction::kLength:
      if (path) return Value::Int(static_cast<int64_t>(v.AsPath().relationships.size()));
      break;
  }
  if (fallback_ != nullptr) {
    std::vector<Value> args{v};
    return ValueOrThrow(fallback_->call(args, ctx.functions()));
  }
  TypeMismatch(name_, v);
}

Value IterateExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value list = list_->Eval(row, ctx);
  if (list.is_null()) return Value();
  if (!list.is_list()) {
    ThrowError(StatusCode::kTypeError,
               "Type mismatch: expected a list but was " + std::string(ValueTypeName(list.type())));
  }
  Row scratch = row;
  if (kind_ == IterateKind::kReduce) {
    scratch[accumulator_slot_] = init_->Eval(row, ctx);
    for (const Value& item : list.AsList()) {
      scratch[variable_slot_] = item;
      scratch[accumulator_slot_] = projection_->Eval(scratch, ctx);
    }
    return scratch[accumulator_slot_];
  }
  std::vector<Value> out;
  int64_t matches = 0;
  bool saw_null = false;
  for (const Value& item : list.AsList()) {
    scratch[variable_slot_] = item;
    Value keep = where_ ? where_->Eval(scratch, ctx) : Value::Bool(true);
    if (keep.is_null()) {
      saw_null = true;
      continue;
    }
    if (!keep.is_bool()) {
      ThrowError(StatusCode::kTypeError, "Type mismatch: expected Boolean but was " +
                                             std::string(ValueTypeName(keep.type())));
    }
    if (!keep.AsBool()) {
      if (kind_ == IterateKind::kAll) return Value::Bool(false);
      continue;
    }
    ++matches;
    switch (kind_) {
      case IterateKind::kComprehension:
        out.push_back(projection_ ? projection_->Eval(scratch, ctx) : item);
        break;
      case IterateKind::kAny:
        return Value::Bool(true);
      case IterateKind::kNone:
        return Value::Bool(false);
      case IterateKind::kSingle:
        if (matches > 1) return Value::Bool(false);
        break;
      default:
        break;
    }
  }
  switch (kind_) {
    case IterateKind::kComprehension:
      return Value::List(std::move(out));
    case IterateKind::kAll:
    case IterateKind::kAny:
    case IterateKind::kNone:
      return saw_null ? Value() : Value::Bool(kind_ != IterateKind::kAny);
    case IterateKind::kSingle:
      if (saw_null) return matches > 1 ? Value::Bool(false) : Value();
      return Value::Bool(matches == 1);
    case IterateKind::kReduce:
      break;
  }
  return Value();
}

Value MapProjectionExpr::Eval(const Row& row, ExecContext& ctx) const {
  Value object = object_->Eval(row, ctx);
  if (object.is_null()) return Value();
  std::vector<ValueMap::Entry> entries;
  for (const MapProjectionEntry& e : entries_) {
    switch (e.kind) {
      case cypher::MapProjectionItemKind::kProperty:
        entries.emplace_back(e.key, ctx.Property(object, e.key));
        break;
      case cypher::MapProjectionItemKind::kAllProperties: {
        ValueMap all;
        if (object.is_map()) {
          all = object.AsMap();
        } else if (object.type() == ValueType::kNode) {
          if (const auto* record = ctx.NodeRecordOf(object.AsNode().id)) {
            all = ctx.PropertiesOf(record->properties);
          }
        } else if (object.type() == ValueType::kRelationship) {
          if (const auto* record = ctx.RelRecordOf(object.AsRelationship().id)) {
            all = ctx.PropertiesOf(record->properties);
          }
        }
        for (const auto& [k, v] : all) entries.emplace_back(k, v);
        break;
      }
      case cypher::MapProjectionItemKind::kLiteral:
      case cypher::MapProjectionItemKind::kVariable:
        entries.emplace_back(e.key, e.value->Eval(row, ctx));
        break;
    }
  }
  return Value::Map(ValueMap::FromEntries(std::move(entries)));
}

Value PathExpr::Eval(const Row& row, ExecContext&) const {
  Path path;
  if (row[node_slots_[0]].is_null()) return Value();
  path.nodes.push_back(row[node_slots_[0]].AsNode());
  for (size_t i = 0; i < rel_slots_.size(); ++i) {
    const Value& hop = row[rel_slots_[i]];
    const Value& next = row[node_slots_[i + 1]];
    if (hop.is_null() || next.is_null()) return Value();
    std::vector<Relationship> rels;
    if (hop.is_list()) {
      for (const Value& r : hop.AsList()) rels.push_back(r.AsRelationship());
    } else {
      rels.push_back(hop.AsRelationship());
    }
    // Intermediate nodes of a variable-length hop follow from the relationships' endpoints.
    for (size_t k = 0; k < rels.size(); ++k) {
      int64_t from = path.nodes.back().id;
      const Relationship& r = rels[k];
      int64_t to = r.start_id == from ? r.end_id : r.start_id;
      path.relationships.push_back(r);
      Node n;
      n.id = to;
      path.nodes.push_back(std::move(n));
    }
    if (rels.empty() && path.nodes.back().id != next.AsNode().id) return Value();
  }
  return Value(std::move(path));
}

}  // namespace smith::exec
