#include "shared_database.h"

#include <algorithm>
#include <utility>

namespace smith::python {

Result<std::shared_ptr<SharedDatabase>> SharedDatabase::Open(const std::string& path,
                                                             const DatabaseOptions& options) {
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, options));
  std::string absolute = db->path();
  return std::shared_ptr<SharedDatabase>(
      new SharedDatabase(std::shared_ptr<Database>(std::move(db)), std::move(absolute)));
}

std::shared_ptr<Database> SharedDatabase::Get() const {
  std::lock_guard lock(mu_);
  return db_;
}

bool SharedDatabase::Register(const std::shared_ptr<Closeable>& resource) {
  std::lock_guard lock(mu_);
  if (db_ == nullptr) return false;
  if (resources_.size() >= prune_threshold_) {
    std::erase_if(resources_, [](const std::weak_ptr<Closeable>& r) { return r.expired(); });
    prune_threshold_ = std::max<size_t>(64, resources_.size() * 2);
  }
  resources_.push_back(resource);
  return true;
}

void SharedDatabase::Close() {
  std::shared_ptr<Database> db;
  std::vector<std::weak_ptr<Closeable>> resources;
  {
    std::lock_guard lock(mu_);
    db = std::move(db_);
    resources = std::move(resources_);
    resources_.clear();
  }
  for (const std::weak_ptr<Closeable>& weak : resources) {
    if (std::shared_ptr<Closeable> resource = weak.lock()) resource->CloseForShutdown();
  }
  // `db` is destroyed here unless a call running on another thread still holds it.
}

bool SharedDatabase::closed() const {
  std::lock_guard lock(mu_);
  return db_ == nullptr;
}

CursorState::CursorState(std::shared_ptr<Database> db, std::unique_ptr<QueryResult> result)
    : columns_(result->columns()), db_(std::move(db)), result_(std::move(result)) {}

Status CursorState::Fetch(size_t max_rows, std::vector<std::vector<Value>>* rows) {
  std::lock_guard lock(mu_);
  if (!pending_error_.ok()) {
    Status error = std::move(pending_error_);
    pending_error_ = Status::OK();
    return error;
  }
  if (closed_by_shutdown_) return Status::InvalidState(kClosedMessage);
  if (result_ == nullptr) return Status::OK();
  std::vector<Value> record;
  size_t read = 0;
  while (read < max_rows) {
    Result<bool> more = result_->Next(&record);
    if (!more.ok()) {
      result_.reset();
      db_.reset();
      if (read == 0) return more.status();
      pending_error_ = more.status();
      return Status::OK();
    }
    if (!*more) {
      Result<QuerySummary> summary = result_->Consume();
      result_.reset();
      db_.reset();
      if (!summary.ok()) {
        if (read == 0) return summary.status();
        pending_error_ = summary.status();
        return Status::OK();
      }
      summary_ = std::move(summary).value();
      break;
    }
    rows->push_back(std::move(record));
    record = {};
    ++read;
  }
  return Status::OK();
}

Result<QuerySummary> CursorState::Consume() {
  std::lock_guard lock(mu_);
  if (!pending_error_.ok()) {
    Status error = std::move(pending_error_);
    pending_error_ = Status::OK();
    return error;
  }
  if (summary_.has_value()) return *summary_;
  if (closed_by_shutdown_ || result_ == nullptr) return Status::InvalidState(kClosedMessage);
  Result<QuerySummary> summary = result_->Consume();
  result_.reset();
  db_.reset();
  if (!summary.ok()) return summary.status();
  summary_ = *summary;
  return summary;
}

void CursorState::Discard() {
  std::lock_guard lock(mu_);
  result_.reset();
  db_.reset();
  pending_error_ = Status::OK();
}

void CursorState::CloseForShutdown() {
  std::lock_guard lock(mu_);
  if (result_ != nullptr) closed_by_shutdown_ = true;
  result_.reset();
  db_.reset();
}

bool CursorState::closed_by_shutdown() const {
  std::lock_guard lock(mu_);
  return closed_by_shutdown_;
}

TransactionState::TransactionState(std::shared_ptr<Database> db, std::unique_ptr<Transaction> txn)
    : db_(std::move(db)), txn_(std::move(txn)) {}

Result<std::unique_ptr<QueryResult>> TransactionState::Run(std::string_view query,
                                                           const ValueMap& parameters,
                                                           std::shared_ptr<Database>* db) {
  std::lock_guard lock(mu_);
  if (closed_by_shutdown_) return Status::InvalidState(kClosedMessage);
  if (txn_ == nullptr) return Status::InvalidState("the transaction has already finished");
  *db = db_;
  return txn_->Run(query, parameters);
}

Status TransactionState::Commit() {
  std::lock_guard lock(mu_);
  if (closed_by_shutdown_) return Status::InvalidState(kClosedMessage);
  if (txn_ == nullptr) return Status::InvalidState("the transaction has already finished");
  Status status = txn_->Commit();
  txn_.reset();
  db_.reset();
  return status;
}

void TransactionState::Rollback() {
  std::lock_guard lock(mu_);
  if (txn_ != nullptr) txn_->Rollback();
  txn_.reset();
  db_.reset();
}

void TransactionState::CloseForShutdown() {
  std::lock_guard lock(mu_);
  if (txn_ != nullptr) {
    closed_by_shutdown_ = true;
    txn_->Rollback();
  }
  txn_.reset();
  db_.reset();
}

bool TransactionState::closed_by_shutdown() const {
  std::lock_guard lock(mu_);
  return closed_by_shutdown_;
}

}  // namespace smith::python
