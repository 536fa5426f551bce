// smith's in-process C++ API: open a database directory and run Cypher on it.
//
//   auto db = smith::Database::Open("/var/lib/app/graph.smith").value();
//   auto result = db->Run("MATCH (p:Person {name: $name}) RETURN p.age AS age",
//                         smith::ValueMap::FromEntries({{"name", smith::Value::String("Ada")}}));
//   if (!result.ok()) { /* result.status().ToString() names the Neo4j status code */ }
//   std::vector<smith::Value> record;
//   while ((*result)->Next(&record).value_or(false)) { ... record[0] ... }
//
// Statements speak the Neo4j 5 dialect of Cypher (docs/cypher.md lists what is supported).
//
// Transactions. Database::Run runs one statement in its own transaction ("auto-commit"). A
// statement that only reads runs on a snapshot and streams its records; a statement that writes
// runs to completion as the database's single writer, commits, and then streams its buffered
// records; if it fails, nothing of it remains. BeginTransaction gives an explicit transaction
// that runs several statements and commits or rolls back all of them; a write transaction holds
// the database's writer slot until it finishes, so keep it short.
//
// Errors. Every failure is a Status whose code maps onto a Neo4j status code (StatusCodeName):
// syntax errors carry line, column and a caret, constraint violations name label, properties and
// values.
//
// Lifetime: results and transactions must be destroyed before the Database.
// Thread safety: Database is thread-safe; any number of threads may call Run and
// BeginTransaction at once (writers take turns). A Transaction or QueryResult is used by one
// thread at a time.
#ifndef SMITH_DATABASE_H_
#define SMITH_DATABASE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"

namespace smith {

namespace engine {
class Engine;
class TransactionState;
class ResultState;
}  // namespace engine

struct DatabaseOptions {
  // Create the directory and an empty database if none exists. Default: true.
  bool create_if_missing = true;
  // fsync the write-ahead log at every commit. Default: true. With false a killed process still
  // loses nothing acknowledged; a power loss may lose the last commits.
  bool sync_commit = true;
  // RocksDB block cache in bytes; 0 keeps the storage default. Default: 0.
  size_t block_cache_bytes = 0;
};

enum class AccessMode { kRead, kWrite };

// The signature of a procedure the application adds to CALL (Database::RegisterProcedure), in
// Neo4j's terms: `my.lib.lookup(name :: STRING?, id :: INTEGER?) :: (city :: STRING?)`.
struct ProcedureSignature {
  struct Field {
    std::string name;
    // INTEGER (or INT), FLOAT, NUMBER, STRING, BOOLEAN (or BOOL), MAP, NODE, RELATIONSHIP, PATH,
    // ANY or LIST OF <type>; a `?` after the type (after LIST for a list) allows null.
    // Arguments are checked against it (an INTEGER passed for a FLOAT becomes a float; a
    // mismatch fails the statement with TypeError; list elements are not checked). Output
    // values are not checked; each record must hold one value per output.
    std::string type;
  };
  std::string name;            // qualified: identifiers separated by dots
  std::vector<Field> inputs;   // in call order
  std::vector<Field> outputs;  // empty: a void procedure (CALL passes its input rows through)
};

// A registered procedure's body: called once per input row with one argument per input (nodes
// and relationships whole, with labels and properties), it returns the records of that call,
// each one Value per output (none for a void procedure). An error status fails the statement
// with that status; a thrown exception fails it with ProcedureCallFailed, as do records of the
// wrong width. It must not call back into the database, and may be called from any thread that
// runs statements (concurrently, too).
using ProcedureFunction =
    std::function<Result<std::vector<std::vector<Value>>>(const std::vector<Value>& args)>;

// Effects of a statement or transaction, named as Neo4j's summary counters.
struct QueryCounters {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t indexes_added = 0;
  int64_t indexes_removed = 0;
  int64_t constraints_added = 0;
  int64_t constraints_removed = 0;

  bool contains_updates() const;
};

struct QuerySummary {
  QueryCounters counters;
  // "r" read only, "rw" read and write, "w" write only, "s" schema (as Neo4j's query type).
  std::string query_type;
  // The plan for EXPLAIN / PROFILE (with row counts for PROFILE); empty otherwise.
  std::string plan;
};

class QueryResult {
 public:
  ~QueryResult();
  QueryResult(const QueryResult&) = delete;
  QueryResult& operator=(const QueryResult&) = delete;

  // Column names, in order.
  const std::vector<std::string>& columns() const;
  // Fills `*record` with the next record (one Value per column) and returns true; false when
  // there are no more. An error ends the result (for a statement in an explicit transaction, the
  // transaction can then only be rolled back).
  Result<bool> Next(std::vector<Value>* record);
  // Discards the remaining records and returns the summary.
  Result<QuerySummary> Consume();

 private:
  friend class engine::Engine;
  explicit QueryResult(std::unique_ptr<engine::ResultState> state);
  std::unique_ptr<engine::ResultState> state_;
};

class Transaction {
 public:
  // Rolls back if neither Commit nor Rollback was called.
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Runs a statement inside this transaction; its records stream. A failed statement leaves the
  // transaction unusable except for Rollback.
  Result<std::unique_ptr<QueryResult>> Run(std::string_view query, const ValueMap& parameters = {});
  Status Commit();
  void Rollback();

 private:
  friend class engine::Engine;
  explicit Transaction(std::unique_ptr<engine::TransactionState> state);
  std::unique_ptr<engine::TransactionState> state_;
};

class Database {
 public:
  // Opens (or creates) the database in directory `path`. kLocked if another process has it
  // open; kIncompatibleFormat for a directory that is not a smith database (or of an unknown
  // format version); kIOError when the directory cannot be created or written.
  static Result<std::unique_ptr<Database>> Open(const std::string& path,
                                                const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one statement in its own transaction (see the file comment).
  Result<std::unique_ptr<QueryResult>> Run(std::string_view query, const ValueMap& parameters = {});
  // Begins an explicit transaction; a kWrite transaction waits for the writer slot.
  Result<std::unique_ptr<Transaction>> BeginTransaction(AccessMode mode = AccessMode::kWrite);

  // Adds a read-only procedure for CALL, for every statement planned from now on (the built-in
  // db.labels(), db.relationshipTypes(), db.propertyKeys() and dbms.components() are always
  // there). kInvalidArgument for a malformed signature (name, field names, types) or a name that
  // is already registered (names compare case-insensitively). Registrations last as long as this
  // Database object; they are not stored in the database.
  Status RegisterProcedure(ProcedureSignature signature, ProcedureFunction function);

  // The absolute path of the database directory.
  const std::string& path() const;

 private:
  explicit Database(std::unique_ptr<engine::Engine> engine);
  std::unique_ptr<engine::Engine> engine_;
};

}  // namespace smith

#endif  // SMITH_DATABASE_H_
