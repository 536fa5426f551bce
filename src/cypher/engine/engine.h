// engine::Engine: the implementation behind smith::Database (include/smith/database.h).
//
// It owns the open Graph, caches parsed statements by text (so repeated batches are not
// re-parsed), plans every execution against the current schema, and runs statements in
// auto-commit or explicit transactions.
//
// Thread safety: Engine is thread-safe (the statement cache has its own mutex; the Graph
// serialises writers). TransactionState and ResultState belong to one thread at a time.
#ifndef SMITH_CYPHER_ENGINE_ENGINE_H_
#define SMITH_CYPHER_ENGINE_ENGINE_H_

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "cypher/ast/statement.h"
#include "cypher/execution/procedures.h"
#include "graph/graph.h"
#include "smith/database.h"

namespace smith::engine {

class TransactionState;

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Open(const std::string& path,
                                              const DatabaseOptions& options);
  ~Engine();

  const std::string& path() const { return graph_->path(); }
  graph::Graph& graph() { return *graph_; }

  // Runs `query` in its own transaction.
  Result<std::unique_ptr<QueryResult>> Run(std::string_view query, const ValueMap& parameters);
  Result<std::unique_ptr<Transaction>> BeginTransaction(AccessMode mode);
  // Runs `query` inside `txn`.
  Result<std::unique_ptr<QueryResult>> RunIn(TransactionState& txn, std::string_view query,
                                             const ValueMap& parameters);

  // The parsed statement for `query`, from the cache when possible.
  Result<std::shared_ptr<const cypher::Statement>> Parse(std::string_view query);

  // See Database::RegisterProcedure.
  Status RegisterProcedure(ProcedureSignature signature, ProcedureFunction function);

 private:
  explicit Engine(std::unique_ptr<graph::Graph> graph) : graph_(std::move(graph)) {}
  // Runs one parsed statement; `writer` is null for read-only execution. Read-only results
  // stream when `reader_owner` is given (the result keeps the snapshot alive). `auto_commit`
  // says the statement is its own transaction (CALL { } IN TRANSACTIONS needs that).
  Result<std::unique_ptr<ResultState>> Execute(const cypher::Statement& statement,
                                               std::shared_ptr<const cypher::Statement> keep,
                                               std::string_view source, graph::GraphReader& reader,
                                               graph::GraphWriter* writer,
                                               const ValueMap& parameters,
                                               std::unique_ptr<graph::GraphReader> reader_owner,
                                               bool auto_commit);
  Result<std::unique_ptr<ResultState>> ExecuteSchema(const cypher::Statement& statement,
                                                     std::string_view source,
                                                     graph::GraphWriter& writer);
  static std::unique_ptr<QueryResult> Wrap(std::unique_ptr<ResultState> state);

  std::unique_ptr<graph::Graph> graph_;
  exec::ProcedureRegistry procedures_;  // thread-safe

  static constexpr size_t kStatementCacheEntries = 512;
  std::mutex cache_mutex_;
  std::list<std::string> cache_order_;  // most recently used first; guarded by cache_mutex_
  std::unordered_map<std::string, std::pair<std::shared_ptr<const cypher::Statement>,
                                            std::list<std::string>::iterator>>
      cache_;  // guarded by cache_mutex_
};

// An explicit transaction's state.
class TransactionState {
 public:
  TransactionState(Engine& engine, AccessMode mode);
  Engine& engine;
  AccessMode mode;
  std::unique_ptr<graph::GraphReader> reader;  // kRead
  std::unique_ptr<graph::GraphWriter> writer;  // kWrite
  bool failed = false;
  bool finished = false;
  QueryCounters counters_at_last_statement;
};

// A result: either buffered rows, or a streaming read-only execution.
class ResultState {
 public:
  virtual ~ResultState() = default;
  std::vector<std::string> columns;
  QuerySummary summary;
  virtual Result<bool> Next(std::vector<Value>* record) = 0;
};

}  // namespace smith::engine

#endif  // SMITH_CYPHER_ENGINE_ENGINE_H_
