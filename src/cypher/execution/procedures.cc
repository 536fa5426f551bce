#include "cypher/execution/procedures.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <utility>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/token_dictionary.h"

namespace smith::exec {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// A name of letters, digits and underscores, not starting with a digit (dots separate the
// namespaces of a procedure name).
bool IsIdentifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

bool IsQualifiedName(std::string_view name) {
  while (true) {
    const size_t dot = name.find('.');
    if (!IsIdentifier(name.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    name.remove_prefix(dot + 1);
  }
}

ProcedureField Field(std::string name, ProcedureType::Kind kind, std::string text) {
  return ProcedureField{std::move(name), ProcedureType{kind, true, std::move(text)}};
}

// Labels and types are listed while some node or relationship carries them (as Neo4j does);
// property keys are listed once created, whether or not anything still uses them.
std::vector<std::vector<Value>> TokenNames(ExecContext& ctx, graph::TokenKind kind) {
  std::vector<std::vector<Value>> rows;
  graph::GraphReader& reader = ctx.reader();
  for (const std::string& n : reader.graph().tokens().Names(kind)) {
    if (kind != graph::TokenKind::kPropertyKey) {
      std::optional<graph::TokenId> id = reader.FindToken(kind, n);
      if (!id) continue;
      auto cursor =
          kind == graph::TokenKind::kLabel ? reader.ScanLabel(*id) : reader.ScanRelType(*id);
      uint64_t element;
      const bool used = cursor->Next(&element);
      ThrowIfError(cursor->status());
      if (!used) continue;
    }
    rows.push_back({Value::String(n)});
  }
  return rows;
}

Procedure TokenProcedure(std::string name, std::string field, graph::TokenKind kind) {
  Procedure p;
  p.name = std::move(name);
  p.outputs.push_back(Field(std::move(field), ProcedureType::Kind::kString, "STRING?"));
  p.run = [kind](ExecContext& ctx, const std::vector<Value>&) { return TokenNames(ctx, kind); };
  return p;
}

}  // namespace

Result<ProcedureType> ProcedureType::Parse(std::string_view text) {
  ProcedureType type;
  type.text = std::string(TrimSpace(text));
  std::string t = Upper(type.text);
  if (t.rfind("LIST", 0) == 0) {
    // LIST[?] [OF element]: the `?` right after LIST is the list's; the element type is checked
    // for validity only (elements are not checked at run time).
    std::string_view rest(t);
    rest.remove_prefix(4);
    type.kind = Kind::kList;
    type.nullable = !rest.empty() && rest.front() == '?';
    if (type.nullable) rest.remove_prefix(1);
    if (rest.empty()) return type;
    const std::string_view element = TrimSpace(rest);
    if (element.size() == rest.size() || element.rfind("OF ", 0) != 0) {
      return Status::InvalidArgument("unknown procedure type '" + type.text + "'");
    }
    SMITH_RETURN_IF_ERROR(Parse(element.substr(3)).status());
    return type;
  }
  type.nullable = !t.empty() && t.back() == '?';
  if (type.nullable) t.pop_back();
  t = std::string(TrimSpace(t));
  static const std::map<std::string, Kind, std::less<>> kKinds = {
      {"ANY", Kind::kAny},
      {"INTEGER", Kind::kInteger},
      {"INT", Kind::kInteger},
      {"FLOAT", Kind::kFloat},
      {"NUMBER", Kind::kNumber},
      {"STRING", Kind::kString},
      {"BOOLEAN", Kind::kBoolean},
      {"BOOL", Kind::kBoolean},
      {"MAP", Kind::kMap},
      {"NODE", Kind::kNode},
      {"RELATIONSHIP", Kind::kRelationship},
      {"PATH", Kind::kPath}};
  auto it = kKinds.find(t);
  if (it == kKinds.end()) {
    return Status::InvalidArgument("unknown procedure type '" + type.text + "'");
  }
  type.kind = it->second;
  return type;
}

bool CoerceArgument(const ProcedureType& type, Value* value) {
  using Kind = ProcedureType::Kind;
  if (value->is_null()) return type.nullable;
  switch (type.kind) {
    case Kind::kAny:
      return true;
    case Kind::kInteger:
      return value->type() == ValueType::kInt;
    case Kind::kFloat:
      if (value->type() == ValueType::kInt)
        *value = Value::Float(static_cast<double>(value->AsInt()));
      return value->type() == ValueType::kFloat;
    case Kind::kNumber:
      return value->type() == ValueType::kInt || value->type() == ValueType::kFloat;
    case Kind::kString:
      return value->is_string();
    case Kind::kBoolean:
      return value->type() == ValueType::kBool;
    case Kind::kMap:
      return value->is_map();
    case Kind::kList:
      return value->is_list();
    case Kind::kNode:
      return value->type() == ValueType::kNode;
    case Kind::kRelationship:
      return value->type() == ValueType::kRelationship;
    case Kind::kPath:
      return value->type() == ValueType::kPath;
  }
  return false;
}

ProcedureRegistry::ProcedureRegistry() {
  auto add = [this](Procedure p) {
    std::string key = Lower(p.name);  // before p is moved from
    by_name_.emplace(std::move(key), std::make_shared<const Procedure>(std::move(p)));
  };
  add(TokenProcedure("db.labels", "label", graph::TokenKind::kLabel));
  add(TokenProcedure("db.relationshipTypes", "relationshipType", graph::TokenKind::kRelType));
  add(TokenProcedure("db.propertyKeys", "propertyKey", graph::TokenKind::kPropertyKey));
  Procedure components;
  components.name = "dbms.components";
  components.outputs = {Field("name", ProcedureType::Kind::kString, "STRING?"),
                        Field("versions", ProcedureType::Kind::kList, "LIST? OF STRING?"),
                        Field("edition", ProcedureType::Kind::kString, "STRING?")};
  components.run = [](ExecContext&, const std::vector<Value>&) {
    return std::vector<std::vector<Value>>{{Value::String("smith"),
                                            Value::List({Value::String(SMITH_VERSION_STRING)}),
                                            Value::String("embedded")}};
  };
  add(std::move(components));
}

Status ProcedureRegistry::Register(Procedure procedure) {
  if (!IsQualifiedName(procedure.name)) {
    return Status::InvalidArgument("'" + procedure.name +
                                   "' is not a procedure name (identifiers separated by dots)");
  }
  std::set<std::string> inputs;
  std::set<std::string> outputs;
  for (const ProcedureField& f : procedure.inputs) {
    if (!IsIdentifier(f.name) || !inputs.insert(f.name).second) {
      return Status::InvalidArgument("procedure " + procedure.name + ": input '" + f.name +
                                     "' is not a name or is repeated");
    }
  }
  for (const ProcedureField& f : procedure.outputs) {
    if (!IsIdentifier(f.name) || !outputs.insert(f.name).second) {
      return Status::InvalidArgument("procedure " + procedure.name + ": output '" + f.name +
                                     "' is not a name or is repeated");
    }
  }
  if (!procedure.run) {
    return Status::InvalidArgument("procedure " + procedure.name + " has no function");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = Lower(procedure.name);
  if (by_name_.contains(key)) {
    return Status::InvalidArgument("a procedure named " + procedure.name +
                                   " is already registered");
  }
  by_name_.emplace(std::move(key), std::make_shared<const Procedure>(std::move(procedure)));
  return Status::OK();
}

std::shared_ptr<const Procedure> ProcedureRegistry::Find(std::string_view name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_name_.find(Lower(name));
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace smith::exec
