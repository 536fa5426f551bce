#include "storage/write_transaction.h"

#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "storage/engine_state.h"
#include "storage/iterator_rep.h"
#include "storage/read_support.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {

using internal::ToSlice;

WriteTransaction::WriteTransaction(internal::EngineState& state)
    : state_(state),
      snapshot_(std::make_unique<rocksdb::ManagedSnapshot>(state.db.get())),
      // overwrite_key: a key written twice keeps only its latest Put/Delete in the index (merge
      // operands still accumulate), which NewIteratorWithBase requires.
      batch_(std::make_unique<rocksdb::WriteBatchWithIndex>(rocksdb::BytewiseComparator(),
                                                            /*reserved_bytes=*/0,
                                                            /*overwrite_key=*/true)) {
  ++state_.open_transactions;
}

WriteTransaction::~WriteTransaction() {
  Rollback();
  --state_.open_transactions;
}

Result<bool> WriteTransaction::Get(Family f, std::string_view key, std::string* value) {
  if (!active_) return internal::FinishedTransactionError();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  rocksdb::PinnableSlice found;
  rocksdb::Status s =
      batch_->GetFromBatchAndDB(state_.db.get(), ro, state_.handle(f), ToSlice(key), &found);
  return internal::GetOutcome(f, s, found, value);
}

Status WriteTransaction::MultiGet(Family f, std::span<const std::string_view> keys,
                                  std::vector<std::optional<std::string>>* values) {
  if (!active_) return internal::FinishedTransactionError();
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  std::vector<rocksdb::Slice> slices = internal::ToSlices(keys);
  std::vector<rocksdb::PinnableSlice> found(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  batch_->MultiGetFromBatchAndDB(state_.db.get(), ro, state_.handle(f), keys.size(), slices.data(),
                                 found.data(), statuses.data(), /*sorted_input=*/false);
  return internal::MultiGetOutcome(f, keys.size(), found.data(), statuses.data(), values);
}

std::unique_ptr<Iterator> WriteTransaction::NewIterator(Family f, std::string_view lower,
                                                        std::string_view upper) {
  auto rep = internal::NewIteratorRep(lower, upper, active_ ? snapshot_->snapshot() : nullptr,
                                      state_.scan_prefix_bytes[FamilyIndex(f)]);
  if (!active_) {
    rep->error = internal::FinishedTransactionError();
    return std::make_unique<Iterator>(std::move(rep));
  }
  rocksdb::ColumnFamilyHandle* cf = state_.handle(f);
  // The returned iterator owns the base iterator. It merges the batch's entries (including
  // merge operands, resolved with the family's merge operator) over the snapshot.
  rep->iter.reset(batch_->NewIteratorWithBase(
      cf, state_.db->NewIterator(rep->read_options, cf), &rep->read_options));
  return std::make_unique<Iterator>(std::move(rep));
}

void WriteTransaction::NoteError(Status status) {
  if (deferred_error_.ok()) deferred_error_ = std::move(status);
}

void WriteTransaction::Put(Family f, std::string_view key, std::string_view value) {
  assert(active_ && "Put on a finished write transaction");
  if (!active_) return;
  rocksdb::Status s = batch_->Put(state_.handle(f), ToSlice(key), ToSlice(value));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Put"));
}

void WriteTransaction::Delete(Family f, std::string_view key) {
  assert(active_ && "Delete on a finished write transaction");
  if (!active_) return;
  rocksdb::Status s = batch_->Delete(state_.handle(f), ToSlice(key));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Delete"));
}

void WriteTransaction::Merge(Family f, std::string_view key, std::string_view operand) {
  assert(active_ && "Merge on a finished write transaction");
  if (!active_) return;
  if (!state_.has_merge[FamilyIndex(f)]) {
    NoteError(Status::InvalidArgument("Merge on column family '" + std::string(FamilyName(f)) +
                                      "', which has no MergeFunction in StorageOptions"));
    return;
  }
  rocksdb::Status s = batch_->Merge(state_.handle(f), ToSlice(key), ToSlice(operand));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Merge"));
}

size_t WriteTransaction::ApproximateBytes() const { return batch_->GetDataSize(); }

size_t WriteTransaction::PendingCount() const { return batch_->GetWriteBatch()->Count(); }

Status WriteTransaction::WriteBatchToDb() {
  if (!deferred_error_.ok()) {
    return deferred_error_.WithContext("write transaction not committed");
  }
  rocksdb::WriteBatch* batch = batch_->GetWriteBatch();
  if (batch->Count() == 0) return Status::OK();
  return internal::FromRocksDb(state_.db->Write(state_.commit_options, batch),
                               "commit of a write transaction failed");
}

Status WriteTransaction::Commit() {
  if (!active_) return internal::FinishedTransactionError();
  Status status = WriteBatchToDb();
  Finish();
  return status;
}

Status WriteTransaction::CommitChunk() {
  if (!active_) return internal::FinishedTransactionError();
  Status status = WriteBatchToDb();
  if (!status.ok()) {
    Finish();
    return status;
  }
  batch_->Clear();
  snapshot_.reset();
  snapshot_ = std::make_unique<rocksdb::ManagedSnapshot>(state_.db.get());
  return Status::OK();
}

void WriteTransaction::Rollback() {
  if (active_) Finish();
}

void WriteTransaction::Finish() {
  batch_->Clear();
  snapshot_.reset();
  active_ = false;
  state_.ReleaseWriter();
}

}  // namespace smith::storage
