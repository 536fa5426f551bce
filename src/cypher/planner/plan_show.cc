// SHOW INDEXES / SHOW CONSTRAINTS: the catalog as a table, then YIELD / WHERE / RETURN planned
// like any projection over it.
#include "cypher/execution/cypher_error.h"
#include "cypher/planner/planner_impl.h"

namespace smith::cypher {

namespace {

Value Strings(std::vector<std::string> items) {
  std::vector<Value> values;
  for (auto& s : items) values.push_back(Value::String(s));
  return Value::List(std::move(values));
}

std::string ConstraintType(const graph::SchemaObject& o) {
  const bool node = o.entity == graph::EntityKind::kNode;
  if (o.kind == graph::SchemaKind::kNodeKeyConstraint)
    return node ? "NODE_KEY" : "RELATIONSHIP_KEY";
  return node ? "UNIQUENESS" : "RELATIONSHIP_UNIQUENESS";
}

bool ShowFilterAccepts(ShowFilter filter, const graph::SchemaObject& o) {
  const bool node = o.entity == graph::EntityKind::kNode;
  switch (filter) {
    case ShowFilter::kAll:
    case ShowFilter::kRange:
      return true;
    case ShowFilter::kUnique:
      return o.kind == graph::SchemaKind::kUniqueConstraint;
    case ShowFilter::kNodeUnique:
      return o.kind == graph::SchemaKind::kUniqueConstraint && node;
    case ShowFilter::kRelationshipUnique:
      return o.kind == graph::SchemaKind::kUniqueConstraint && !node;
    case ShowFilter::kKey:
      return o.kind == graph::SchemaKind::kNodeKeyConstraint;
    case ShowFilter::kNodeKey:
      return o.kind == graph::SchemaKind::kNodeKeyConstraint && node;
    case ShowFilter::kRelationshipKey:
      return o.kind == graph::SchemaKind::kNodeKeyConstraint && !node;
    default:
      return false;
  }
}

}  // namespace

Result<Plan> PlanShow(const ShowStatement& show, graph::GraphReader& reader,
                      std::string_view source) {
  try {
    Planner planner(reader, source);
    std::vector<std::string> columns;
    std::vector<std::string> defaults;
    std::vector<std::vector<Value>> rows;
    const auto& objects = reader.catalog().objects();
    auto names_of = [&](const graph::SchemaObject& o) {
      std::vector<std::string> props;
      for (graph::TokenId p : o.properties) {
        props.emplace_back(reader.TokenName(graph::TokenKind::kPropertyKey, p));
      }
      return props;
    };
    auto token_of = [&](const graph::SchemaObject& o) {
      return std::string(reader.TokenName(o.entity == graph::EntityKind::kNode
                                              ? graph::TokenKind::kLabel
                                              : graph::TokenKind::kRelType,
                                          o.token));
    };
    auto entity_of = [](const graph::SchemaObject& o) {
      return Value::String(o.entity == graph::EntityKind::kNode ? "NODE" : "RELATIONSHIP");
    };
    if (show.show == ShowKind::kIndexes) {
      columns = {"id",
                 "name",
                 "state",
                 "populationPercent",
                 "type",
                 "entityType",
                 "labelsOrTypes",
                 "properties",
                 "indexProvider",
                 "owningConstraint",
                 "lastRead",
                 "readCount",
                 "trackedSince",
                 "options",
                 "failureMessage",
                 "createStatement"};
      defaults = {
          "id",         "name",          "state",      "populationPercent", "type",
          "entityType", "labelsOrTypes", "properties", "indexProvider",     "owningConstraint",
          "lastRead",   "readCount"};
      for (const graph::SchemaObject& o : objects) {
        if (!ShowFilterAccepts(show.filter == ShowFilter::kRange ? ShowFilter::kAll : show.filter,
                               o) &&
            show.filter != ShowFilter::kAll) {
          continue;
        }
        if (show.filter != ShowFilter::kAll && show.filter != ShowFilter::kRange) continue;
        std::string create =
            "CREATE RANGE INDEX `" + o.name + "` FOR " +
            (o.entity == graph::EntityKind::kNode ? "(n:`" + token_of(o) + "`)"
                                                  : "()-[n:`" + token_of(o) + "`]-()") +
            " ON (";
        auto props = names_of(o);
        for (size_t i = 0; i < props.size(); ++i) create += (i ? ", n.`" : "n.`") + props[i] + "`";
        create += ")";
        rows.push_back({Value::Int(o.id), Value::String(o.name), Value::String("ONLINE"),
                        Value::Float(100.0), Value::String("RANGE"), entity_of(o),
                        Strings({token_of(o)}), Strings(props), Value::String("range-1.0"),
                        o.is_constraint() ? Value::String(o.name) : Value(), Value(), Value::Int(0),
                        Value(), Value::Map({}), Value::String(""),
                        o.is_constraint() ? Value() : Value::String(create)});
      }
    } else if (show.show == ShowKind::kConstraints) {
      columns = {"id",         "name",       "type",         "entityType", "labelsOrTypes",
                 "properties", "ownedIndex", "propertyType", "options",    "createStatement"};
      defaults = {"id",         "name",       "type",        "entityType", "labelsOrTypes",
                  "properties", "ownedIndex", "propertyType"};
      for (const graph::SchemaObject& o : objects) {
        if (!o.is_constraint() || !ShowFilterAccepts(show.filter, o)) continue;
        auto props = names_of(o);
        std::string create =
            "CREATE CONSTRAINT `" + o.name + "` FOR " +
            (o.entity == graph::EntityKind::kNode ? "(n:`" + token_of(o) + "`)"
                                                  : "()-[n:`" + token_of(o) + "`]-()") +
            " REQUIRE (";
        for (size_t i = 0; i < props.size(); ++i) create += (i ? ", n.`" : "n.`") + props[i] + "`";
        create += o.kind == graph::SchemaKind::kNodeKeyConstraint ? ") IS KEY" : ") IS UNIQUE";
        rows.push_back({Value::Int(o.id), Value::String(o.name), Value::String(ConstraintType(o)),
                        entity_of(o), Strings({token_of(o)}), Strings(props), Value::String(o.name),
                        Value(), Value::Map({}), Value::String(create)});
      }
    } else {
      planner.Fail(StatusCode::kNotSupported, "SHOW PROCEDURES / FUNCTIONS are not supported yet",
                   show.pos);
    }
    std::vector<int> slots;
    for (const std::string& c : columns) slots.push_back(planner.BindNew(c, VarKind::kAny));
    exec::OperatorPtr op = exec::MakeRows(std::move(rows), slots);
    Plan plan;
    if (show.yield) {
      std::vector<std::string> cols;
      std::vector<int> col_slots;
      op = planner.PlanProjection(std::move(op), *show.yield, show.where.get(),
                                  show.return_clause == nullptr, &cols, &col_slots);
      if (show.return_clause) {
        cols.clear();
        col_slots.clear();
        op = planner.PlanProjection(std::move(op), show.return_clause->projection, nullptr, true,
                                    &cols, &col_slots);
      }
      plan.columns = cols;
      plan.column_slots = col_slots;
    } else {
      if (show.where) op = exec::MakeFilter(std::move(op), planner.Compile(*show.where));
      for (const std::string& d : defaults) {
        plan.columns.push_back(d);
        plan.column_slots.push_back(planner.scope_.Find(d)->slot);
      }
    }
    plan.root = std::move(op);
    plan.slot_count = planner.slots_.count();
    return plan;
  } catch (const exec::CypherError& e) {
    return e.status();
  }
}

}  // namespace smith::cypher
