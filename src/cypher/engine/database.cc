// The public API (include/smith/database.h) over engine::Engine.
#include "smith/database.h"

#include "cypher/engine/engine.h"
#include "graph/graph_writer.h"

namespace smith {

bool QueryCounters::contains_updates() const {
  return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
         properties_set || labels_added || labels_removed || indexes_added || indexes_removed ||
         constraints_added || constraints_removed;
}

QueryResult::QueryResult(std::unique_ptr<engine::ResultState> state) : state_(std::move(state)) {}
QueryResult::~QueryResult() = default;

const std::vector<std::string>& QueryResult::columns() const { return state_->columns; }

Result<bool> QueryResult::Next(std::vector<Value>* record) { return state_->Next(record); }

Result<QuerySummary> QueryResult::Consume() {
  std::vector<Value> record;
  while (true) {
    SMITH_ASSIGN_OR_RETURN(bool more, state_->Next(&record));
    if (!more) break;
  }
  return state_->summary;
}

Transaction::Transaction(std::unique_ptr<engine::TransactionState> state)
    : state_(std::move(state)) {}

Transaction::~Transaction() { Rollback(); }

Result<std::unique_ptr<QueryResult>> Transaction::Run(std::string_view query,
                                                      const ValueMap& parameters) {
  return state_->engine.RunIn(*state_, query, parameters);
}

Status Transaction::Commit() {
  if (state_->finished) return Status::InvalidState("the transaction has already finished");
  if (state_->failed) {
    Rollback();
    return Status::InvalidState("the transaction failed earlier and was rolled back");
  }
  state_->finished = true;
  if (state_->writer) return state_->writer->Commit();
  state_->reader.reset();
  return Status::OK();
}

void Transaction::Rollback() {
  if (state_->finished) return;
  state_->finished = true;
  if (state_->writer) state_->writer->Rollback();
  state_->writer.reset();
  state_->reader.reset();
}

Database::Database(std::unique_ptr<engine::Engine> engine) : engine_(std::move(engine)) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& path,
                                                 const DatabaseOptions& options) {
  SMITH_ASSIGN_OR_RETURN(auto engine, engine::Engine::Open(path, options));
  return std::unique_ptr<Database>(new Database(std::move(engine)));
}

Result<std::unique_ptr<QueryResult>> Database::Run(std::string_view query,
                                                   const ValueMap& parameters) {
  return engine_->Run(query, parameters);
}

Result<std::unique_ptr<Transaction>> Database::BeginTransaction(AccessMode mode) {
  return engine_->BeginTransaction(mode);
}

Status Database::RegisterProcedure(ProcedureSignature signature, ProcedureFunction function) {
  return engine_->RegisterProcedure(std::move(signature), std::move(function));
}

const std::string& Database::path() const { return engine_->path(); }

}  // namespace smith
