// Schema commands: CREATE / DROP CONSTRAINT and INDEX.
#include "cypher/engine/engine.h"
#include "cypher/parser/syntax_error.h"
#include "graph/graph_writer.h"

namespace smith::engine {

namespace {

class EmptyResult final : public ResultState {
 public:
  Result<bool> Next(std::vector<Value>*) override { return false; }
};

}  // namespace

Result<std::unique_ptr<ResultState>> Engine::ExecuteSchema(const cypher::Statement& statement,
                                                           std::string_view source,
                                                           graph::GraphWriter& writer) {
  using cypher::StatementKind;
  auto result = std::make_unique<EmptyResult>();
  result->summary.query_type = "s";
  graph::WriteCounters before = writer.counters();
  auto positioned = [&](StatusCode code, const std::string& message, cypher::SourcePos pos) {
    return Status(code, cypher::SyntaxErrorAt(source, pos.offset, message).message());
  };
  auto create = [&](graph::SchemaKind kind, const cypher::SchemaTarget& target,
                    const std::vector<cypher::PropertyRef>& props, const std::string& name,
                    bool if_not_exists) -> Status {
    const bool node = target.entity == cypher::EntityKind::kNode;
    if (target.labels.size() != 1) {
      return positioned(StatusCode::kSyntaxError, "exactly one label or type is required",
                        target.pos);
    }
    for (const cypher::PropertyRef& p : props) {
      if (p.variable != target.variable) {
        return positioned(StatusCode::kSemanticError, "Variable `" + p.variable + "` not defined",
                          p.pos);
      }
    }
    SMITH_ASSIGN_OR_RETURN(
        graph::TokenId token,
        writer.GetOrCreateToken(node ? graph::TokenKind::kLabel : graph::TokenKind::kRelType,
                                target.labels[0]));
    std::vector<graph::TokenId> keys;
    for (const cypher::PropertyRef& p : props) {
      SMITH_ASSIGN_OR_RETURN(graph::TokenId key,
                             writer.GetOrCreateToken(graph::TokenKind::kPropertyKey, p.key));
      keys.push_back(key);
    }
    const graph::EntityKind entity =
        node ? graph::EntityKind::kNode : graph::EntityKind::kRelationship;
    if (if_not_exists) {
      if (!name.empty() && writer.catalog().FindByName(name) != nullptr) return Status::OK();
      if (writer.catalog().FindEquivalent(kind, entity, token, keys) != nullptr)
        return Status::OK();
    }
    Result<graph::SchemaId> made = writer.CreateSchemaObject(kind, entity, name, token, keys);
    return made.status();
  };
  Status status;
  switch (statement.kind) {
    case StatementKind::kCreateConstraint: {
      const auto& c = statement.As<cypher::CreateConstraintStatement>();
      if (c.constraint == cypher::ConstraintKind::kNotNull) {
        status =
            positioned(StatusCode::kNotSupported,
                       "property existence constraints (IS NOT NULL) are not supported yet", c.pos);
        break;
      }
      status = create(c.constraint == cypher::ConstraintKind::kKey
                          ? graph::SchemaKind::kNodeKeyConstraint
                          : graph::SchemaKind::kUniqueConstraint,
                      c.target, c.properties, c.name, c.if_not_exists);
      break;
    }
    case StatementKind::kCreateIndex: {
      const auto& c = statement.As<cypher::CreateIndexStatement>();
      if (c.index != cypher::IndexKind::kRange) {
        status = positioned(StatusCode::kNotSupported,
                            "only RANGE indexes (CREATE INDEX) are supported", c.pos);
        break;
      }
      status =
          create(graph::SchemaKind::kRangeIndex, c.target, c.properties, c.name, c.if_not_exists);
      break;
    }
    case StatementKind::kDropConstraint:
    case StatementKind::kDropIndex: {
      const bool constraint = statement.kind == StatementKind::kDropConstraint;
      const std::string& name = constraint ? statement.As<cypher::DropConstraintStatement>().name
                                           : statement.As<cypher::DropIndexStatement>().name;
      const bool if_exists = constraint ? statement.As<cypher::DropConstraintStatement>().if_exists
                                        : statement.As<cypher::DropIndexStatement>().if_exists;
      const graph::SchemaObject* object = writer.catalog().FindByName(name);
      if (object == nullptr || object->is_constraint() != constraint) {
        if (if_exists) break;
        status = Status(
            constraint ? StatusCode::kConstraintDropFailed : StatusCode::kIndexDropFailed,
            std::string("Unable to drop ") + (constraint ? "constraint" : "index") + " `" + name +
                "`: No such " + (constraint ? "constraint" : "index") + " " + name + ".");
        break;
      }
      status = writer.DropSchemaObject(name);
      break;
    }
    default:
      status = Status::Internal("not a schema statement");
  }
  if (!status.ok()) return status;
  graph::WriteCounters after = writer.counters();
  result->summary.counters.constraints_added = after.constraints_added - before.constraints_added;
  result->summary.counters.constraints_removed =
      after.constraints_removed - before.constraints_removed;
  result->summary.counters.indexes_added = after.indexes_added - before.indexes_added;
  result->summary.counters.indexes_removed = after.indexes_removed - before.indexes_removed;
  return std::unique_ptr<ResultState>(std::move(result));
}

}  // namespace smith::engine
