// smith._smith.Database, Transaction and Cursor: the private native API that smith/_driver.py
// builds the neo4j-shaped driver on. Every engine call runs with the GIL released; Python
// values are converted before and after, with the GIL held.
#include <nanobind/nanobind.h>
#include <nanobind/stl/string.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bindings.h"
#include "errors.h"
#include "shared_database.h"
#include "to_python.h"
#include "to_value.h"

namespace nb = nanobind;

namespace smith::python {
namespace {

nb::dict SummaryToPython(const QuerySummary& summary) {
  const QueryCounters& c = summary.counters;
  nb::dict counters;
  counters["nodes_created"] = c.nodes_created;
  counters["nodes_deleted"] = c.nodes_deleted;
  counters["relationships_created"] = c.relationships_created;
  counters["relationships_deleted"] = c.relationships_deleted;
  counters["properties_set"] = c.properties_set;
  counters["labels_added"] = c.labels_added;
  counters["labels_removed"] = c.labels_removed;
  counters["indexes_added"] = c.indexes_added;
  counters["indexes_removed"] = c.indexes_removed;
  counters["constraints_added"] = c.constraints_added;
  counters["constraints_removed"] = c.constraints_removed;
  nb::dict out;
  out["counters"] = counters;
  out["query_type"] = summary.query_type;
  out["plan"] = summary.plan;
  return out;
}

class PyCursor {
 public:
  explicit PyCursor(std::shared_ptr<CursorState> state) : state_(std::move(state)) {
    const std::vector<std::string>& columns = state_->columns();
    nb::list keys;
    for (const std::string& c : columns) keys.append(nb::str(c.data(), c.size()));
    keys_ = nb::tuple(keys);
  }

  nb::tuple keys() const { return keys_; }

  nb::list Fetch(size_t max_rows) {
    std::vector<std::vector<Value>> rows;
    Status status;
    {
      nb::gil_scoped_release release;
      status = state_->Fetch(max_rows, &rows);
    }
    if (!status.ok()) Raise(status);
    return RecordsToPython(rows);
  }

  nb::dict Consume() {
    Result<QuerySummary> summary = Status::Internal("not consumed");
    {
      nb::gil_scoped_release release;
      summary = state_->Consume();
    }
    if (!summary.ok()) Raise(summary.status());
    return SummaryToPython(*summary);
  }

  void Discard() {
    nb::gil_scoped_release release;
    state_->Discard();
  }

 private:
  [[noreturn]] void Raise(const Status& status) {
    if (state_->closed_by_shutdown()) RaiseClosed(kClosedMessage);
    RaiseStatus(status);
  }

  std::shared_ptr<CursorState> state_;
  nb::tuple keys_;
};

PyCursor MakeCursor(SharedDatabase& shared, std::shared_ptr<Database> db,
                    std::unique_ptr<QueryResult> result) {
  auto state = std::make_shared<CursorState>(std::move(db), std::move(result));
  if (!shared.Register(state)) state->CloseForShutdown();
  return PyCursor(std::move(state));
}

class PyTransaction {
 public:
  PyTransaction(std::shared_ptr<SharedDatabase> shared, std::shared_ptr<TransactionState> state)
      : shared_(std::move(shared)), state_(std::move(state)) {}

  PyCursor Run(const std::string& query, nb::handle parameters) {
    ValueMap params = ParametersFromPython(parameters);
    std::shared_ptr<Database> db;
    Result<std::unique_ptr<QueryResult>> result = Status::Internal("not run");
    {
      nb::gil_scoped_release release;
      result = state_->Run(query, params, &db);
    }
    if (!result.ok()) Raise(result.status());
    return MakeCursor(*shared_, std::move(db), std::move(result).value());
  }

  void Commit() {
    Status status;
    {
      nb::gil_scoped_release release;
      status = state_->Commit();
    }
    if (!status.ok()) Raise(status);
  }

  void Rollback() {
    nb::gil_scoped_release release;
    state_->Rollback();
  }

 private:
  [[noreturn]] void Raise(const Status& status) {
    if (state_->closed_by_shutdown()) RaiseClosed(kClosedMessage);
    RaiseStatus(status);
  }

  std::shared_ptr<SharedDatabase> shared_;
  std::shared_ptr<TransactionState> state_;
};

class PyDatabase {
 public:
  static PyDatabase Open(const std::string& path, bool create_if_missing, bool sync_commit,
                         size_t block_cache_bytes) {
    DatabaseOptions options;
    options.create_if_missing = create_if_missing;
    options.sync_commit = sync_commit;
    options.block_cache_bytes = block_cache_bytes;
    Result<std::shared_ptr<SharedDatabase>> shared = Status::Internal("not opened");
    {
      nb::gil_scoped_release release;
      shared = SharedDatabase::Open(path, options);
    }
    RaiseIfError(shared.status());
    return PyDatabase(std::move(shared).value());
  }

  PyCursor Run(const std::string& query, nb::handle parameters) {
    ValueMap params = ParametersFromPython(parameters);
    std::shared_ptr<Database> db = shared_->Get();
    if (db == nullptr) RaiseClosed(ClosedMessage());
    Result<std::unique_ptr<QueryResult>> result = Status::Internal("not run");
    {
      nb::gil_scoped_release release;
      result = db->Run(query, params);
    }
    RaiseIfError(result.status());
    return MakeCursor(*shared_, std::move(db), std::move(result).value());
  }

  PyTransaction BeginTransaction(bool write) {
    std::shared_ptr<Database> db = shared_->Get();
    if (db == nullptr) RaiseClosed(ClosedMessage());
    Result<std::unique_ptr<Transaction>> txn = Status::Internal("not begun");
    {
      nb::gil_scoped_release release;
      txn = db->BeginTransaction(write ? AccessMode::kWrite : AccessMode::kRead);
    }
    RaiseIfError(txn.status());
    auto state = std::make_shared<TransactionState>(std::move(db), std::move(txn).value());
    if (!shared_->Register(state)) {
      nb::gil_scoped_release release;
      state->CloseForShutdown();
    }
    return PyTransaction(shared_, std::move(state));
  }

  void Close() {
    nb::gil_scoped_release release;
    shared_->Close();
  }

  bool closed() const { return shared_->closed(); }
  const std::string& path() const { return shared_->path(); }

 private:
  explicit PyDatabase(std::shared_ptr<SharedDatabase> shared) : shared_(std::move(shared)) {}

  std::string ClosedMessage() const {
    return "the database '" + shared_->path() + "' was closed (its last driver was closed)";
  }

  std::shared_ptr<SharedDatabase> shared_;
};

}  // namespace

void BindDatabase(nb::module_& m) {
  nb::class_<PyCursor>(m, "Cursor", "The records of one statement, read in batches.")
      .def_prop_ro("keys", &PyCursor::keys, "The column names.")
      .def("fetch", &PyCursor::Fetch, nb::arg("max_rows"),
           "Up to max_rows records as tuples; an empty list at the end.")
      .def("consume", &PyCursor::Consume,
           "Discards the remaining records; returns the summary as a dict.")
      .def("discard", &PyCursor::Discard, "Drops the remaining records; never raises.");

  nb::class_<PyTransaction>(m, "Transaction", "An explicit transaction.")
      .def("run", &PyTransaction::Run, nb::arg("query"), nb::arg("parameters").none())
      .def("commit", &PyTransaction::Commit)
      .def("rollback", &PyTransaction::Rollback);

  nb::class_<PyDatabase>(m, "Database", "An open database directory, shared by drivers.")
      .def_static("open", &PyDatabase::Open, nb::arg("path"), nb::arg("create_if_missing") = true,
                  nb::arg("sync_commit") = true, nb::arg("block_cache_bytes") = 0)
      .def("run", &PyDatabase::Run, nb::arg("query"), nb::arg("parameters").none())
      .def("begin_transaction", &PyDatabase::BeginTransaction, nb::arg("write"))
      .def("close", &PyDatabase::Close)
      .def_prop_ro("closed", &PyDatabase::closed)
      .def_prop_ro("path", &PyDatabase::path);
}

}  // namespace smith::python
