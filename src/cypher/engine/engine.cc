#include "cypher/engine/engine.h"

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/parser/parser.h"
#include "cypher/planner/planner.h"
#include "graph/graph_writer.h"

namespace smith::engine {

namespace {

QueryCounters ToCounters(const graph::WriteCounters& c) {
  QueryCounters out;
  out.nodes_created = c.nodes_created;
  out.nodes_deleted = c.nodes_deleted;
  out.relationships_created = c.relationships_created;
  out.relationships_deleted = c.relationships_deleted;
  out.properties_set = c.properties_set;
  out.labels_added = c.labels_added;
  out.labels_removed = c.labels_removed;
  out.indexes_added = c.indexes_added;
  out.indexes_removed = c.indexes_removed;
  out.constraints_added = c.constraints_added;
  out.constraints_removed = c.constraints_removed;
  return out;
}

QueryCounters Difference(const QueryCounters& after, const QueryCounters& before) {
  QueryCounters d;
  d.nodes_created = after.nodes_created - before.nodes_created;
  d.nodes_deleted = after.nodes_deleted - before.nodes_deleted;
  d.relationships_created = after.relationships_created - before.relationships_created;
  d.relationships_deleted = after.relationships_deleted - before.relationships_deleted;
  d.properties_set = after.properties_set - before.properties_set;
  d.labels_added = after.labels_added - before.labels_added;
  d.labels_removed = after.labels_removed - before.labels_removed;
  d.indexes_added = after.indexes_added - before.indexes_added;
  d.indexes_removed = after.indexes_removed - before.indexes_removed;
  d.constraints_added = after.constraints_added - before.constraints_added;
  d.constraints_removed = after.constraints_removed - before.constraints_removed;
  return d;
}

// All rows computed up front.
class BufferedResult final : public ResultState {
 public:
  std::vector<std::vector<Value>> rows;
  size_t next = 0;
  Result<bool> Next(std::vector<Value>* record) override {
    if (next >= rows.size()) return false;
    *record = std::move(rows[next++]);
    return true;
  }
};

// A read-only query pulled row by row from its plan; owns its snapshot.
class StreamingResult final : public ResultState {
 public:
  std::shared_ptr<const cypher::Statement> statement;
  std::unique_ptr<graph::GraphReader> reader;
  ValueMap parameters;
  cypher::Plan plan;
  std::unique_ptr<exec::ExecContext> ctx;
  exec::Row row;
  bool done = false;
  bool profile = false;

  Result<bool> Next(std::vector<Value>* record) override {
    if (done) return false;
    try {
      if (!plan.root->Next(*ctx, row)) {
        done = true;
        if (profile) summary.plan = exec::DescribePlan(*plan.root, true);
        return false;
      }
      record->clear();
      for (int slot : plan.column_slots) record->push_back(ctx->Materialize(row[slot]));
      return true;
    } catch (const exec::CypherError& e) {
      done = true;
      return e.status();
    }
  }
};

std::string QueryType(bool reads, const QueryCounters& c, bool updates) {
  if (!updates && !c.contains_updates()) return "r";
  return reads ? "rw" : "w";
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& path,
                                             const DatabaseOptions& options) {
  graph::GraphOptions graph_options;
  graph_options.create_if_missing = options.create_if_missing;
  graph_options.sync_commit = options.sync_commit;
  graph_options.block_cache_bytes = options.block_cache_bytes;
  SMITH_ASSIGN_OR_RETURN(auto graph, graph::Graph::Open(path, graph_options));
  return std::unique_ptr<Engine>(new Engine(std::move(graph)));
}

Engine::~Engine() = default;

std::unique_ptr<QueryResult> Engine::Wrap(std::unique_ptr<ResultState> state) {
  return std::unique_ptr<QueryResult>(new QueryResult(std::move(state)));
}

Status Engine::RegisterProcedure(ProcedureSignature signature, ProcedureFunction function) {
  if (!function) {
    return Status::InvalidArgument("procedure " + signature.name + " has no function");
  }
  exec::Procedure procedure;
  procedure.name = std::move(signature.name);
  auto convert = [&](std::vector<ProcedureSignature::Field>& from,
                     std::vector<exec::ProcedureField>* to) -> Status {
    for (ProcedureSignature::Field& f : from) {
      Result<exec::ProcedureType> type = exec::ProcedureType::Parse(f.type);
      if (!type.ok()) {
        return type.status().WithContext("procedure " + procedure.name + ", field " + f.name);
      }
      to->push_back(exec::ProcedureField{std::move(f.name), std::move(type).value()});
    }
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(convert(signature.inputs, &procedure.inputs));
  SMITH_RETURN_IF_ERROR(convert(signature.outputs, &procedure.outputs));
  procedure.run = [function = std::move(function), name = procedure.name](
                      exec::ExecContext&, const std::vector<Value>& args) {
    Result<std::vector<std::vector<Value>>> rows = std::vector<std::vector<Value>>{};
    try {
      rows = function(args);
    } catch (const std::exception& e) {
      throw exec::CypherError(StatusCode::kProcedureCallFailed,
                              "procedure " + name + " threw: " + e.what());
    } catch (...) {
      throw exec::CypherError(StatusCode::kProcedureCallFailed,
                              "procedure " + name + " threw an exception");
    }
    if (!rows.ok()) {
      // The application's code keeps its status code; its message names the procedure.
      throw exec::CypherError(rows.status().WithContext("procedure " + name));
    }
    return std::move(rows).value();
  };
  return procedures_.Register(std::move(procedure));
}

Result<std::shared_ptr<const cypher::Statement>> Engine::Parse(std::string_view query) {
  std::string key(query);
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      cache_order_.splice(cache_order_.begin(), cache_order_, it->second.second);
      return it->second.first;
    }
  }
  SMITH_ASSIGN_OR_RETURN(cypher::StatementPtr parsed, cypher::ParseStatement(query));
  std::shared_ptr<const cypher::Statement> statement(std::move(parsed));
  std::lock_guard lock(cache_mutex_);
  if (cache_.count(key) == 0) {
    cache_order_.push_front(key);
    cache_.emplace(key, std::make_pair(statement, cache_order_.begin()));
    if (cache_.size() > kStatementCacheEntries) {
      cache_.erase(cache_order_.back());
      cache_order_.pop_back();
    }
  }
  return statement;
}

Result<std::unique_ptr<ResultState>> Engine::Execute(
    const cypher::Statement& statement, std::shared_ptr<const cypher::Statement> keep,
    std::string_view source, graph::GraphReader& reader, graph::GraphWriter* writer,
    const ValueMap& parameters, std::unique_ptr<graph::GraphReader> reader_owner,
    bool auto_commit) {
  if (statement.kind != cypher::StatementKind::kQuery &&
      statement.kind != cypher::StatementKind::kShow) {
    if (writer == nullptr) {
      return Status::InvalidState("Schema operations are not allowed in a read transaction");
    }
    return ExecuteSchema(statement, source, *writer);
  }
  const bool explain = statement.explain == cypher::ExplainMode::kExplain;
  const bool profile = statement.explain == cypher::ExplainMode::kProfile;
  Result<cypher::Plan> planned =
      statement.kind == cypher::StatementKind::kQuery
          ? cypher::PlanQuery(statement.As<cypher::QueryStatement>().query, reader, source,
                              procedures_)
          : cypher::PlanShow(statement.As<cypher::ShowStatement>(), reader, source);
  if (!planned.ok()) return planned.status();
  cypher::Plan plan = std::move(planned).value();
  if (plan.updates && writer == nullptr) {
    return Status(StatusCode::kInvalidState,
                  "Writing in read access mode not allowed. Attempted write to the database");
  }
  if (plan.in_transactions && !auto_commit) {
    return Status(StatusCode::kInvalidState,
                  "A query with 'CALL { ... } IN TRANSACTIONS' can only be executed in an "
                  "implicit transaction, but tried to execute in an explicit transaction.");
  }
  if (!explain) {
    std::string missing;
    for (const std::string& name : plan.parameters) {
      if (parameters.Find(name) == nullptr) missing += (missing.empty() ? "" : ", ") + name;
    }
    if (!missing.empty()) {
      return Status(StatusCode::kParameterMissing, "Expected parameter(s): " + missing);
    }
  }
  if (explain) {
    auto result = std::make_unique<BufferedResult>();
    result->columns = plan.columns;
    result->summary.plan = exec::DescribePlan(*plan.root, false);
    result->summary.query_type = plan.updates ? "rw" : "r";
    return std::unique_ptr<ResultState>(std::move(result));
  }
  if (writer == nullptr && reader_owner != nullptr) {
    auto result = std::make_unique<StreamingResult>();
    result->columns = plan.columns;
    result->statement = std::move(keep);
    result->reader = std::move(reader_owner);
    result->parameters = parameters;
    result->ctx = std::make_unique<exec::ExecContext>(*result->reader, nullptr, result->parameters);
    result->row.assign(plan.slot_count, Value());
    result->profile = profile;
    result->summary.query_type = "r";
    try {
      plan.root->Open(*result->ctx, result->row);
    } catch (const exec::CypherError& e) {
      return e.status();
    }
    result->plan = std::move(plan);
    return std::unique_ptr<ResultState>(std::move(result));
  }
  auto result = std::make_unique<BufferedResult>();
  result->columns = plan.columns;
  QueryCounters before = writer ? ToCounters(writer->counters()) : QueryCounters{};
  exec::ExecContext ctx(reader, writer, parameters);
  ctx.set_chunk_commits_allowed(auto_commit);
  exec::Row row(plan.slot_count);
  try {
    exec::Row argument(plan.slot_count);
    plan.root->Open(ctx, argument);
    while (plan.root->Next(ctx, row)) {
      // A query without RETURN yields no records, however many rows its updates ran on.
      if (plan.column_slots.empty()) continue;
      std::vector<Value> record;
      record.reserve(plan.column_slots.size());
      for (int slot : plan.column_slots) record.push_back(ctx.Materialize(row[slot]));
      result->rows.push_back(std::move(record));
    }
  } catch (const exec::CypherError& e) {
    return e.status();
  }
  if (writer != nullptr)
    result->summary.counters = Difference(ToCounters(writer->counters()), before);
  result->summary.query_type = QueryType(true, result->summary.counters, plan.updates);
  if (profile) result->summary.plan = exec::DescribePlan(*plan.root, true);
  return std::unique_ptr<ResultState>(std::move(result));
}

Result<std::unique_ptr<QueryResult>> Engine::Run(std::string_view query,
                                                 const ValueMap& parameters) {
  SMITH_ASSIGN_OR_RETURN(auto statement, Parse(query));
  bool writes = statement->kind != cypher::StatementKind::kQuery &&
                statement->kind != cypher::StatementKind::kShow;
  if (statement->kind == cypher::StatementKind::kQuery) {
    writes = cypher::QueryUpdates(statement->As<cypher::QueryStatement>().query);
  }
  if (!writes) {
    std::unique_ptr<graph::GraphReader> reader = graph_->BeginRead();
    graph::GraphReader& r = *reader;
    SMITH_ASSIGN_OR_RETURN(auto state, Execute(*statement, statement, query, r, nullptr, parameters,
                                               std::move(reader), true));
    return Wrap(std::move(state));
  }
  std::unique_ptr<graph::GraphWriter> writer = graph_->BeginWrite();
  SMITH_ASSIGN_OR_RETURN(auto state, Execute(*statement, statement, query, *writer, writer.get(),
                                             parameters, nullptr, true));
  SMITH_RETURN_IF_ERROR(writer->Commit());
  return Wrap(std::move(state));
}

TransactionState::TransactionState(Engine& e, AccessMode m) : engine(e), mode(m) {
  if (mode == AccessMode::kWrite) {
    writer = e.graph().BeginWrite();
  } else {
    reader = e.graph().BeginRead();
  }
}

Result<std::unique_ptr<Transaction>> Engine::BeginTransaction(AccessMode mode) {
  auto state = std::make_unique<TransactionState>(*this, mode);
  return std::unique_ptr<Transaction>(new Transaction(std::move(state)));
}

Result<std::unique_ptr<QueryResult>> Engine::RunIn(TransactionState& txn, std::string_view query,
                                                   const ValueMap& parameters) {
  if (txn.finished) return Status::InvalidState("the transaction has already finished");
  if (txn.failed) {
    return Status::InvalidState("the transaction failed earlier and can only be rolled back");
  }
  SMITH_ASSIGN_OR_RETURN(auto statement, Parse(query));
  graph::GraphReader& reader =
      txn.writer ? static_cast<graph::GraphReader&>(*txn.writer) : *txn.reader;
  auto state =
      Execute(*statement, statement, query, reader, txn.writer.get(), parameters, nullptr, false);
  if (!state.ok()) {
    txn.failed = true;
    return state.status();
  }
  return Wrap(std::move(state).value());
}

}  // namespace smith::engine
