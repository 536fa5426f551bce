// The open database behind one or more Python drivers, and the cursors and transactions that
// depend on it. Pure C++: nothing here touches the Python C API, so every method may (and
// should) be called with the GIL released.
//
// Lifetime. smith::Database requires its results and transactions to be destroyed first. Python
// objects die in any order (and a cursor may outlive the driver that made it), so:
//   (1) every CursorState and TransactionState holds a shared_ptr to the Database: whatever the
//       destruction order, the Database is destroyed after the last of them;
//   (2) SharedDatabase::Close() ends every registered cursor and transaction early (rolls back,
//       frees snapshots) and drops its own reference, so that closing the last driver closes
//       the database and releases the directory lock at once. A cursor or transaction used
//       after that raises "closed".
// If another thread is inside an engine call when Close() runs, that call finishes first (it
// holds the resource's mutex) and the database closes when it returns.
//
// Thread safety: every class here is thread-safe. Lock order: SharedDatabase::mu_ is never held
// while a resource's mutex is taken (Close collects the resources first), and no mutex here is
// held while the GIL is acquired.
#ifndef SMITH_PYTHON_SHARED_DATABASE_H_
#define SMITH_PYTHON_SHARED_DATABASE_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "smith/database.h"

namespace smith::python {

// Something Close() must end early.
class Closeable {
 public:
  virtual ~Closeable() = default;
  // Releases the engine objects held. Idempotent; takes the resource's own mutex.
  virtual void CloseForShutdown() = 0;
};

class SharedDatabase {
 public:
  // Opens the database in `path` (see Database::Open for the errors).
  static Result<std::shared_ptr<SharedDatabase>> Open(const std::string& path,
                                                      const DatabaseOptions& options);

  // The database, or null once Close() has run.
  std::shared_ptr<Database> Get() const;
  // Records `resource` so that Close() ends it. Returns false (and registers nothing) if the
  // database is already closed; the caller then ends the resource itself.
  bool Register(const std::shared_ptr<Closeable>& resource);
  // Ends every registered resource and drops this object's reference to the database. Idempotent.
  void Close();
  bool closed() const;
  // The absolute path of the database directory (kept after Close()).
  const std::string& path() const { return path_; }

 private:
  SharedDatabase(std::shared_ptr<Database> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  mutable std::mutex mu_;
  std::shared_ptr<Database> db_;                     // guarded by mu_; null after Close()
  std::vector<std::weak_ptr<Closeable>> resources_;  // guarded by mu_
  size_t prune_threshold_ = 64;                      // guarded by mu_
  const std::string path_;
};

// A query result being read: the engine's QueryResult plus what outlives it (columns, summary,
// an error met while reading ahead).
class CursorState final : public Closeable {
 public:
  CursorState(std::shared_ptr<Database> db, std::unique_ptr<QueryResult> result);

  // Column names, fixed at construction.
  const std::vector<std::string>& columns() const { return columns_; }

  // Appends up to `max_rows` records to `*rows`. At the end of the records the summary is taken
  // and the engine result released (freeing its snapshot). An error met after some records
  // were read is returned by the next call, so that those records are delivered first.
  // InvalidState(kClosedMessage) if the database was closed.
  Status Fetch(size_t max_rows, std::vector<std::vector<Value>>* rows);
  // Discards the remaining records and returns the summary (cached: repeat calls return it).
  Result<QuerySummary> Consume();
  // Discards the remaining records without reporting errors; idempotent.
  void Discard();
  void CloseForShutdown() override;
  // True if CloseForShutdown ended this cursor before its records were all read.
  bool closed_by_shutdown() const;

 private:
  mutable std::mutex mu_;
  const std::vector<std::string> columns_;
  // Declared before result_ so that the result is destroyed first.
  std::shared_ptr<Database> db_;         // guarded by mu_
  std::unique_ptr<QueryResult> result_;  // guarded by mu_; null at the end
  std::optional<QuerySummary> summary_;  // guarded by mu_
  Status pending_error_;                 // guarded by mu_
  bool closed_by_shutdown_ = false;      // guarded by mu_
};

// An explicit transaction.
class TransactionState final : public Closeable {
 public:
  TransactionState(std::shared_ptr<Database> db, std::unique_ptr<Transaction> txn);

  // Runs a statement in the transaction. Closed: see closed_by_shutdown().
  Result<std::unique_ptr<QueryResult>> Run(std::string_view query, const ValueMap& parameters,
                                           std::shared_ptr<Database>* db);
  Status Commit();
  // Rolls back unless finished; idempotent.
  void Rollback();
  void CloseForShutdown() override;
  bool closed_by_shutdown() const;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<Database> db_;      // guarded by mu_
  std::unique_ptr<Transaction> txn_;  // guarded by mu_; null once finished
  bool closed_by_shutdown_ = false;   // guarded by mu_
};

// The message of the InvalidState status a closed cursor or transaction returns.
inline constexpr char kClosedMessage[] = "the database was closed (its last driver was closed)";

}  // namespace smith::python

#endif  // SMITH_PYTHON_SHARED_DATABASE_H_
