// SHOW INDEXES / SHOW CONSTRAINTS: the catalog as a table, then YIELD / WHERE / RETURN planned
// like any projection over it.
#include <algorithm>

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

// The statement that recreates `o`, as Neo4j 5 prints it in SHOW output (nodes bound to `n`,
// relationships to `r`).
std::string CreateStatementOf(const graph::SchemaObject& o, std::string_view token,
                              const std::vector<std::string>& props) {
  const bool node = o.entity == graph::EntityKind::kNode;
  const std::string var = node ? "n" : "r";
  std::string out = o.is_constraint() ? "CREATE CONSTRAINT `" : "CREATE RANGE INDEX `";
  out += o.name + "` FOR ";
  out += node ? "(n:`" + std::string(token) + "`)" : "()-[r:`" + std::string(token) + "`]-()";
  out += o.is_constraint() ? " REQUIRE (" : " ON (";
  for (size_t i = 0; i < props.size(); ++i) out += (i ? ", " : "") + var + ".`" + props[i] + "`";
  out += ")";
  if (o.kind == graph::SchemaKind::kUniqueConstraint) out += " IS UNIQUE";
  if (o.kind == graph::SchemaKind::kNodeKeyConstraint) {
    out += node ? " IS NODE KEY" : " IS RELATIONSHIP KEY";
  }
  return out;
}

// Every index (and every constraint, through its backing index) is a range index.
Value IndexOptions() {
  return Value::Map(ValueMap::FromEntries(
      {{"indexConfig", Value::Map({})}, {"indexProvider", Value::String("range-1.0")}}));
}

}  // namespace

Result<Plan> PlanShow(const ShowStatement& show, graph::GraphReader& reader,
                      std::string_view source) {
  try {
    static const exec::ProcedureRegistry kBuiltins;  // SHOW has no CALL
    Planner planner(reader, source, kBuiltins);
    std::vector<std::string> columns;
    std::vector<std::string> defaults;
    std::vector<std::vector<Value>> rows;
    // Neo4j lists schema objects ordered by name.
    std::vector<graph::SchemaObject> objects = reader.catalog().objects();
    std::sort(objects.begin(), objects.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
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
        auto props = names_of(o);
        rows.push_back({Value::Int(o.id), Value::String(o.name), Value::String("ONLINE"),
                        Value::Float(100.0), Value::String("RANGE"), entity_of(o),
                        Strings({token_of(o)}), Strings(props), Value::String("range-1.0"),
                        o.is_constraint() ? Value::String(o.name) : Value(), Value(), Value::Int(0),
                        Value(), IndexOptions(), Value::String(""),
                        Value::String(CreateStatementOf(o, token_of(o), props))});
      }
    } else if (show.show == ShowKind::kConstraints) {
      columns = {"id",         "name",       "type",         "entityType", "labelsOrTypes",
                 "properties", "ownedIndex", "propertyType", "options",    "createStatement"};
      defaults = {"id",         "name",       "type",        "entityType", "labelsOrTypes",
                  "properties", "ownedIndex", "propertyType"};
      for (const graph::SchemaObject& o : objects) {
        if (!o.is_constraint() || !ShowFilterAccepts(show.filter, o)) continue;
        auto props = names_of(o);
        rows.push_back({Value::Int(o.id), Value::String(o.name), Value::String(ConstraintType(o)),
                        entity_of(o), Strings({token_of(o)}), Strings(props), Value::String(o.name),
                        Value(), IndexOptions(),
                        Value::String(CreateStatementOf(o, token_of(o), props))});
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
      if (show.return_clause == nullptr && show.yield->star) {
        // YIELD * keeps the columns in the command's documented order (RETURN * would sort).
        std::vector<std::string> ordered;
        std::vector<int> ordered_slots;
        for (const std::string& c : columns) {
          auto at = std::find(cols.begin(), cols.end(), c);
          if (at == cols.end()) continue;
          ordered.push_back(c);
          ordered_slots.push_back(col_slots[at - cols.begin()]);
        }
        cols = std::move(ordered);
        col_slots = std::move(ordered_slots);
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
    plan.parameters.assign(planner.parameters_.begin(), planner.parameters_.end());
    return plan;
  } catch (const exec::CypherError& e) {
    return e.status();
  }
}

}  // namespace smith::cypher
