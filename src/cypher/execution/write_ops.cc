// Updating operators: Create, Set (and REMOVE), Delete, Merge.
#include <algorithm>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"

namespace smith::exec {

namespace {

using graph::TokenKind;

std::vector<OperatorPtr> Children(OperatorPtr a, OperatorPtr b = nullptr, OperatorPtr c = nullptr) {
  std::vector<OperatorPtr> v;
  for (OperatorPtr* op : {&a, &b, &c}) {
    if (*op) v.push_back(std::move(*op));
  }
  return v;
}

// Graph-layer errors about values become Cypher type errors; the rest keep their code.
[[noreturn]] void ThrowWriteError(const Status& status) {
  if (status.IsInvalidArgument()) throw CypherError(StatusCode::kTypeError, status.message());
  throw CypherError(status);
}

void Check(const Status& status) {
  if (!status.ok()) ThrowWriteError(status);
}

template <typename T>
T Check(Result<T> result) {
  if (!result.ok()) ThrowWriteError(result.status());
  return std::move(result).value();
}

// The entries of a map (or of a node's / relationship's properties) as a property list with
// tokens; null values are kept (callers decide: drop on create, unset on +=).
graph::PropertyList ToPropertyList(ExecContext& ctx, const Value& map, const char* clause) {
  graph::PropertyList props;
  if (map.is_null()) return props;
  ValueMap element_props;  // only for nodes and relationships
  const ValueMap* entries = &element_props;
  if (map.is_map()) {
    entries = &map.AsMap();
  } else if (map.type() == ValueType::kNode) {
    if (const auto* r = ctx.NodeRecordOf(map.AsNode().id)) {
      element_props = ctx.PropertiesOf(r->properties);
    }
  } else if (map.type() == ValueType::kRelationship) {
    if (const auto* r = ctx.RelRecordOf(map.AsRelationship().id)) {
      element_props = ctx.PropertiesOf(r->properties);
    }
  } else {
    ThrowError(StatusCode::kTypeError, std::string("Expected a map in ") + clause + " but got " +
                                           std::string(ValueTypeName(map.type())));
  }
  const std::vector<graph::TokenId>& tokens =
      *ValueOrThrow(ctx.writer().PropertyKeyTokens(*entries));
  props.reserve(entries->size());
  for (size_t i = 0; i < entries->size(); ++i) {
    props.emplace_back(tokens[i], entries->at_index(i).second);
  }
  return props;
}

// Evaluates `$(...)` label expressions (a string or a list of strings each) into tokens. With
// `create` false (REMOVE), labels that were never created are skipped: no node carries them.
void AddDynamicLabels(ExecContext& ctx, const std::vector<ExprPtr>& exprs, const Row& row,
                      std::vector<graph::TokenId>* out, bool create = true) {
  for (const auto& e : exprs) {
    Value v = e->Eval(row, ctx);
    auto add = [&](const Value& name) {
      if (!name.is_string()) {
        ThrowError(StatusCode::kTypeError, "a dynamic label must be a string, got " +
                                               std::string(ValueTypeName(name.type())));
      }
      if (create) {
        out->push_back(ctx.Token(TokenKind::kLabel, name.AsString()));
      } else if (auto t = ctx.FindToken(TokenKind::kLabel, name.AsString())) {
        out->push_back(*t);
      }
    };
    if (v.is_list()) {
      for (const Value& item : v.AsList()) add(item);
    } else {
      add(v);
    }
  }
}

class Create final : public Operator {
 public:
  Create(OperatorPtr input, std::vector<CreateNodeSpec> nodes, std::vector<CreateRelSpec> rels,
         bool for_merge)
      : Operator(Children(std::move(input))),
        nodes_(std::move(nodes)),
        rels_(std::move(rels)),
        for_merge_(for_merge) {}
  std::string Name() const override { return "Create"; }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!child().Next(ctx, row)) return false;
    graph::GraphWriter& w = ctx.writer();
    for (const CreateNodeSpec& n : nodes_) {
      if (n.bound) continue;
      std::vector<graph::TokenId> labels;
      for (const auto& l : n.labels) labels.push_back(ctx.Token(TokenKind::kLabel, l));
      AddDynamicLabels(ctx, n.dynamic_labels, row, &labels);
      Value props = n.properties ? n.properties->Eval(row, ctx) : Value();
      if (for_merge_) RejectNulls(props, "node");
      graph::NodeId id =
          Check(w.CreateNode(std::move(labels), ToPropertyList(ctx, props, "CREATE")));
      row[n.slot] = ExecContext::NodeRef(id);
    }
    for (const CreateRelSpec& r : rels_) {
      const Value& start = row[r.start_slot];
      const Value& end = row[r.end_slot];
      if (start.type() != ValueType::kNode || end.type() != ValueType::kNode) {
        ThrowError(StatusCode::kSemanticError,
                   "Failed to create relationship, an endpoint node is missing (null)");
      }
      std::string type_name = r.type;
      if (r.dynamic_type) {
        Value t = r.dynamic_type->Eval(row, ctx);
        if (!t.is_string()) ThrowError(StatusCode::kTypeError, "a dynamic type must be a string");
        type_name = std::string(t.AsString());
      }
      graph::TokenId type = ctx.Token(TokenKind::kRelType, type_name);
      Value props = r.properties ? r.properties->Eval(row, ctx) : Value();
      if (for_merge_) RejectNulls(props, "relationship");
      auto start_id = static_cast<graph::NodeId>(start.AsNode().id);
      auto end_id = static_cast<graph::NodeId>(end.AsNode().id);
      graph::RelId id =
          Check(w.CreateRel(type, start_id, end_id, ToPropertyList(ctx, props, "CREATE")));
      row[r.slot] = ctx.RelRef(id, type, start_id, end_id);
    }
    ctx.ForgetCachedRecords();
    return true;
  }

 private:
  static void RejectNulls(const Value& props, const char* what) {
    if (!props.is_map()) return;
    for (const auto& [key, value] : props.AsMap()) {
      if (value.is_null()) {
        ThrowError(StatusCode::kSemanticError, std::string("Cannot merge the following ") + what +
                                                   " because of null property value for '" + key +
                                                   "'");
      }
    }
  }

  std::vector<CreateNodeSpec> nodes_;
  std::vector<CreateRelSpec> rels_;
  bool for_merge_;
};

void ApplyPatch(ExecContext& ctx, const Value& target, graph::RecordPatch patch) {
  graph::GraphWriter& w = ctx.writer();
  if (target.type() == ValueType::kNode) {
    Status s = w.UpdateNode(static_cast<graph::NodeId>(target.AsNode().id), std::move(patch));
    if (s.IsNotFound()) return;  // deleted earlier in this statement: nothing to set
    Check(s);
  } else {
    const Relationship& rel = target.AsRelationship();
    auto type = ctx.FindToken(TokenKind::kRelType, rel.type);
    if (!type) return;
    Status s = w.UpdateRel(static_cast<graph::RelId>(rel.id), *type, std::move(patch));
    if (s.IsNotFound()) return;
    Check(s);
  }
  ctx.ForgetCachedRecords();
}

void SplitSetUnset(graph::PropertyList props, graph::RecordPatch* patch) {
  const auto is_null = [](const auto& property) { return property.second.is_null(); };
  if (patch->set.empty() && std::none_of(props.begin(), props.end(), is_null)) {
    patch->set = std::move(props);  // the usual case: no copy, no growth
    return;
  }
  for (auto& [key, value] : props) {
    if (value.is_null()) {
      patch->unset.push_back(key);
    } else {
      patch->set.emplace_back(key, std::move(value));
    }
  }
}

void RunSetItem(ExecContext& ctx, const SetSpec& item, const Row& row) {
  Value target = item.target->Eval(row, ctx);
  if (target.is_null()) return;
  const bool element =
      target.type() == ValueType::kNode || target.type() == ValueType::kRelationship;
  if (!element) {
    ThrowError(StatusCode::kTypeError, "Type mismatch: expected Node or Relationship but was " +
                                           std::string(ValueTypeName(target.type())));
  }
  graph::RecordPatch patch;
  switch (item.kind) {
    case SetKind::kProperty:
    case SetKind::kRemoveProperty: {
      std::string key = item.key;
      if (item.dynamic_key) {
        Value k = item.dynamic_key->Eval(row, ctx);
        if (!k.is_string()) ThrowError(StatusCode::kTypeError, "a property key must be a string");
        key = std::string(k.AsString());
      }
      Value v = item.kind == SetKind::kProperty ? item.value->Eval(row, ctx) : Value();
      if (v.is_null()) {
        auto token = ctx.FindToken(TokenKind::kPropertyKey, key);
        if (!token) return;
        patch.unset.push_back(*token);
      } else {
        patch.set.emplace_back(ctx.Token(TokenKind::kPropertyKey, key), std::move(v));
      }
      break;
    }
    case SetKind::kMergeProperties:
      SplitSetUnset(ToPropertyList(ctx, item.value->Eval(row, ctx), "SET +="), &patch);
      break;
    case SetKind::kReplaceProperties: {
      graph::PropertyList props = ToPropertyList(ctx, item.value->Eval(row, ctx), "SET =");
      const graph::PropertyList* old = nullptr;
      if (target.type() == ValueType::kNode) {
        if (const auto* r = ctx.NodeRecordOf(target.AsNode().id)) old = &r->properties;
      } else if (const auto* r = ctx.RelRecordOf(target.AsRelationship().id)) {
        old = &r->properties;
      }
      if (old != nullptr) {
        for (const auto& [key, unused] : *old) {
          bool kept = std::any_of(props.begin(), props.end(), [&](const auto& p) {
            return p.first == key && !p.second.is_null();
          });
          if (!kept) patch.unset.push_back(key);
        }
      }
      for (auto& [key, value] : props) {
        if (!value.is_null()) patch.set.emplace_back(key, std::move(value));
      }
      break;
    }
    case SetKind::kLabels:
    case SetKind::kRemoveLabels: {
      if (target.type() != ValueType::kNode) {
        ThrowError(StatusCode::kTypeError, "labels can only be set on nodes");
      }
      std::vector<graph::TokenId> labels;
      if (item.kind == SetKind::kLabels) {
        for (const auto& l : item.labels) labels.push_back(ctx.Token(TokenKind::kLabel, l));
        AddDynamicLabels(ctx, item.dynamic_labels, row, &labels);
        patch.add_labels = std::move(labels);
      } else {
        for (const auto& l : item.labels) {
          if (auto t = ctx.FindToken(TokenKind::kLabel, l)) labels.push_back(*t);
        }
        AddDynamicLabels(ctx, item.dynamic_labels, row, &labels, /*create=*/false);
        patch.remove_labels = std::move(labels);
      }
      break;
    }
  }
  ApplyPatch(ctx, target, std::move(patch));
}

class SetOp final : public Operator {
 public:
  SetOp(OperatorPtr input, std::vector<SetSpec> items)
      : Operator(Children(std::move(input))), items_(std::move(items)) {}
  std::string Name() const override { return "SetProperties"; }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!child().Next(ctx, row)) return false;
    for (const SetSpec& item : items_) RunSetItem(ctx, item, row);
    return true;
  }

 private:
  std::vector<SetSpec> items_;
};

class DeleteOp final : public Operator {
 public:
  DeleteOp(OperatorPtr input, std::vector<ExprPtr> targets, bool detach)
      : Operator(Children(std::move(input))), targets_(std::move(targets)), detach_(detach) {}
  std::string Name() const override { return detach_ ? "DetachDelete" : "Delete"; }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    if (!child().Next(ctx, row)) return false;
    // Relationships of every target first, then nodes, as Neo4j (which checks for dangling
    // relationships at commit) allows: `DELETE p1, p2` of two paths sharing a node, or
    // `DELETE n, r` with r attached to n, must not fail on the order of the targets.
    std::vector<graph::NodeId> nodes;
    std::vector<graph::RelId> rels;
    for (const auto& t : targets_) Collect(t->Eval(row, ctx), &nodes, &rels);
    graph::GraphWriter& w = ctx.writer();
    for (graph::RelId rel : rels) Tolerate(w.DeleteRel(rel));
    for (graph::NodeId node : nodes) Tolerate(w.DeleteNode(node, detach_));
    ctx.ForgetCachedRecords();
    return true;
  }

 private:
  static void Collect(const Value& v, std::vector<graph::NodeId>* nodes,
                      std::vector<graph::RelId>* rels) {
    switch (v.type()) {
      case ValueType::kNull:
        return;
      case ValueType::kNode:
        nodes->push_back(static_cast<graph::NodeId>(v.AsNode().id));
        return;
      case ValueType::kRelationship:
        rels->push_back(static_cast<graph::RelId>(v.AsRelationship().id));
        return;
      case ValueType::kPath:
        for (const Relationship& r : v.AsPath().relationships) {
          rels->push_back(static_cast<graph::RelId>(r.id));
        }
        for (const Node& n : v.AsPath().nodes) nodes->push_back(static_cast<graph::NodeId>(n.id));
        return;
      default:
        ThrowError(StatusCode::kTypeError,
                   "Type mismatch: expected Node, Relationship or Path "
                   "but was " +
                       std::string(ValueTypeName(v.type())));
    }
  }

  static void Tolerate(const Status& s) {
    if (s.IsNotFound()) return;  // already deleted by this statement
    Check(s);
  }

  std::vector<ExprPtr> targets_;
  bool detach_;
};

class MergeOp final : public Operator {
 public:
  MergeOp(OperatorPtr input, OperatorPtr match, OperatorPtr create, std::vector<SetSpec> on_match,
          std::vector<SetSpec> on_create)
      : Operator(Children(std::move(input), std::move(match), std::move(create))),
        on_match_(std::move(on_match)),
        on_create_(std::move(on_create)) {}
  std::string Name() const override { return "Merge"; }
  void Open(ExecContext& ctx, const Row& argument) override {
    child(0).Open(ctx, argument);
    pending_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (next_ >= pending_.size()) {
      pending_.clear();
      next_ = 0;
      if (!child(0).Next(ctx, outer_)) return false;
      Operator& match = child(1);
      match.Open(ctx, outer_);
      Row found = outer_;
      while (match.Next(ctx, found)) pending_.push_back(found);
      const std::vector<SetSpec>* actions = &on_match_;
      if (pending_.empty()) {
        Operator& create = child(2);
        create.Open(ctx, outer_);
        Row created = outer_;
        if (!create.Next(ctx, created)) ThrowError(StatusCode::kInternal, "MERGE created nothing");
        pending_.push_back(std::move(created));
        actions = &on_create_;
      }
      for (Row& r : pending_) {
        for (const SetSpec& item : *actions) RunSetItem(ctx, item, r);
      }
    }
    row = std::move(pending_[next_++]);
    return true;
  }

 private:
  std::vector<SetSpec> on_match_;
  std::vector<SetSpec> on_create_;
  Row outer_;
  std::vector<Row> pending_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeCreate(OperatorPtr input, std::vector<CreateNodeSpec> nodes,
                       std::vector<CreateRelSpec> rels, bool for_merge) {
  return std::make_unique<Create>(std::move(input), std::move(nodes), std::move(rels), for_merge);
}
OperatorPtr MakeSet(OperatorPtr input, std::vector<SetSpec> items) {
  return std::make_unique<SetOp>(std::move(input), std::move(items));
}
OperatorPtr MakeDelete(OperatorPtr input, std::vector<ExprPtr> targets, bool detach) {
  return std::make_unique<DeleteOp>(std::move(input), std::move(targets), detach);
}
OperatorPtr MakeMerge(OperatorPtr input, OperatorPtr match, OperatorPtr create,
                      std::vector<SetSpec> on_match, std::vector<SetSpec> on_create) {
  return std::make_unique<MergeOp>(std::move(input), std::move(match), std::move(create),
                                   std::move(on_match), std::move(on_create));
}

}  // namespace smith::exec
