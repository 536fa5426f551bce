#include "storage/write_transaction.h"

#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "rocksdb/write_batch.h"
#include "storage/engine_state.h"
#include "storage/iterator_rep.h"
#include "storage/read_support.h"
#include "storage/rocksdb_status.h"

namespace smith::storage {

using internal::ToSlice;

namespace {

// Replays a WriteBatch into a WriteBatchWithIndex, mapping column family ids back to handles.
class IndexBuilder final : public rocksdb::WriteBatch::Handler {
 public:
  IndexBuilder(const internal::EngineState& state, rocksdb::WriteBatchWithIndex& index)
      : state_(state), index_(index) {}

  rocksdb::Status PutCF(uint32_t id, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    rocksdb::ColumnFamilyHandle* h = Handle(id);
    return h != nullptr ? index_.Put(h, key, value) : UnknownFamily(id);
  }
  rocksdb::Status DeleteCF(uint32_t id, const rocksdb::Slice& key) override {
    rocksdb::ColumnFamilyHandle* h = Handle(id);
    return h != nullptr ? index_.Delete(h, key) : UnknownFamily(id);
  }
  rocksdb::Status MergeCF(uint32_t id, const rocksdb::Slice& key,
                          const rocksdb::Slice& value) override {
    rocksdb::ColumnFamilyHandle* h = Handle(id);
    return h != nullptr ? index_.Merge(h, key, value) : UnknownFamily(id);
  }

 private:
  rocksdb::ColumnFamilyHandle* Handle(uint32_t id) const {
    for (rocksdb::ColumnFamilyHandle* h : state_.families) {
      if (h->GetID() == id) return h;
    }
    return nullptr;
  }
  static rocksdb::Status UnknownFamily(uint32_t id) {
    return rocksdb::Status::Corruption("pending write to unknown column family id " +
                                       std::to_string(id));
  }

  const internal::EngineState& state_;
  rocksdb::WriteBatchWithIndex& index_;
};

}  // namespace

WriteTransaction::WriteTransaction(internal::EngineState& state)
    : state_(state),
      snapshot_(std::make_unique<rocksdb::ManagedSnapshot>(state.db.get())),
      plain_(std::make_unique<rocksdb::WriteBatch>()) {
  ++state_.open_transactions;
}

WriteTransaction::~WriteTransaction() {
  Rollback();
  --state_.open_transactions;
}

rocksdb::WriteBatchBase& WriteTransaction::pending() {
  if (indexed_ != nullptr) return *indexed_;
  return *plain_;
}

const rocksdb::WriteBatch& WriteTransaction::pending_batch() const {
  if (indexed_ != nullptr) return *indexed_->GetWriteBatch();
  return *plain_;
}

Status WriteTransaction::PrepareRead() {
  if (!active_) return internal::FinishedTransactionError();
  if (indexed_ != nullptr || plain_->Count() == 0) return Status::OK();
  // overwrite_key: a key written twice keeps only its latest Put/Delete in the index (merge
  // operands still accumulate); NewIteratorWithBase requires it.
  auto index = std::make_unique<rocksdb::WriteBatchWithIndex>(
      rocksdb::BytewiseComparator(), /*reserved_bytes=*/plain_->GetDataSize(),
      /*overwrite_key=*/true);
  IndexBuilder builder(state_, *index);
  rocksdb::Status s = plain_->Iterate(&builder);
  if (!s.ok()) return internal::FromRocksDb(s, "indexing the pending writes");
  indexed_ = std::move(index);
  plain_->Clear();
  return Status::OK();
}

Result<bool> WriteTransaction::Get(Family f, std::string_view key, std::string* value) {
  SMITH_RETURN_IF_ERROR(PrepareRead());
  SMITH_RETURN_IF_ERROR(state_.CheckKey(f, key));
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  rocksdb::PinnableSlice found;
  rocksdb::Status s =
      indexed_ != nullptr
          ? indexed_->GetFromBatchAndDB(state_.db.get(), ro, state_.handle(f), ToSlice(key), &found)
          : state_.db->Get(ro, state_.handle(f), ToSlice(key), &found);
  return internal::GetOutcome(f, s, found, value);
}

Status WriteTransaction::MultiGet(Family f, std::span<const std::string_view> keys,
                                  std::vector<std::optional<std::string>>* values) {
  SMITH_RETURN_IF_ERROR(PrepareRead());
  for (std::string_view key : keys) SMITH_RETURN_IF_ERROR(state_.CheckKey(f, key));
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  std::vector<rocksdb::Slice> slices = internal::ToSlices(keys);
  std::vector<rocksdb::PinnableSlice> found(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  if (indexed_ != nullptr) {
    indexed_->MultiGetFromBatchAndDB(state_.db.get(), ro, state_.handle(f), keys.size(),
                                     slices.data(), found.data(), statuses.data(),
                                     /*sorted_input=*/false);
  } else {
    state_.db->MultiGet(ro, state_.handle(f), keys.size(), slices.data(), found.data(),
                        statuses.data(), /*sorted_input=*/false);
  }
  return internal::MultiGetOutcome(f, keys.size(), found.data(), statuses.data(), values);
}

std::unique_ptr<Iterator> WriteTransaction::NewIterator(Family f, std::string_view lower,
                                                        std::string_view upper) {
  Status ready = PrepareRead();
  auto rep = internal::NewIteratorRep(lower, upper, active_ ? snapshot_->snapshot() : nullptr,
                                      state_.scan_prefix_bytes[FamilyIndex(f)]);
  if (!ready.ok()) {
    rep->error = std::move(ready);
    return std::make_unique<Iterator>(std::move(rep));
  }
  rocksdb::ColumnFamilyHandle* cf = state_.handle(f);
  rocksdb::Iterator* base = state_.db->NewIterator(rep->read_options, cf);
  // The batch iterator owns `base` and merges the batch's entries (merge operands resolved with
  // the family's merge operator) over it.
  rep->iter.reset(indexed_ != nullptr ? indexed_->NewIteratorWithBase(cf, base, &rep->read_options)
                                      : base);
  return std::make_unique<Iterator>(std::move(rep));
}

std::unique_ptr<Iterator> WriteTransaction::NewSnapshotIterator(Family f, std::string_view lower,
                                                                std::string_view upper) {
  auto rep = internal::NewIteratorRep(lower, upper, active_ ? snapshot_->snapshot() : nullptr,
                                      state_.scan_prefix_bytes[FamilyIndex(f)]);
  if (!active_) {
    rep->error = internal::FinishedTransactionError();
    return std::make_unique<Iterator>(std::move(rep));
  }
  rep->iter.reset(state_.db->NewIterator(rep->read_options, state_.handle(f)));
  return std::make_unique<Iterator>(std::move(rep));
}

void WriteTransaction::NoteError(Status status) {
  if (deferred_error_.ok()) deferred_error_ = std::move(status);
}

void WriteTransaction::Put(Family f, std::string_view key, std::string_view value) {
  assert(active_ && "Put on a finished write transaction");
  if (!active_) return;
  if (Status key_ok = state_.CheckKey(f, key); !key_ok.ok()) return NoteError(std::move(key_ok));
  rocksdb::Status s = pending().Put(state_.handle(f), ToSlice(key), ToSlice(value));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Put"));
}

void WriteTransaction::Delete(Family f, std::string_view key) {
  assert(active_ && "Delete on a finished write transaction");
  if (!active_) return;
  if (Status key_ok = state_.CheckKey(f, key); !key_ok.ok()) return NoteError(std::move(key_ok));
  rocksdb::Status s = pending().Delete(state_.handle(f), ToSlice(key));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Delete"));
}

void WriteTransaction::Merge(Family f, std::string_view key, std::string_view operand) {
  assert(active_ && "Merge on a finished write transaction");
  if (!active_) return;
  if (Status key_ok = state_.CheckKey(f, key); !key_ok.ok()) return NoteError(std::move(key_ok));
  if (!state_.has_merge[FamilyIndex(f)]) {
    NoteError(Status::InvalidArgument("Merge on column family '" + std::string(FamilyName(f)) +
                                      "', which has no MergeFunction in StorageOptions"));
    return;
  }
  rocksdb::Status s = pending().Merge(state_.handle(f), ToSlice(key), ToSlice(operand));
  if (!s.ok()) NoteError(internal::FromRocksDb(s, "Merge"));
}

size_t WriteTransaction::ApproximateBytes() const { return pending_batch().GetDataSize(); }

size_t WriteTransaction::PendingCount() const { return pending_batch().Count(); }

Status WriteTransaction::WriteBatchToDb() {
  if (!deferred_error_.ok()) {
    return deferred_error_.WithContext("write transaction not committed");
  }
  rocksdb::WriteBatch* batch = pending().GetWriteBatch();
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
  ClearPending();
  snapshot_.reset();
  snapshot_ = std::make_unique<rocksdb::ManagedSnapshot>(state_.db.get());
  return Status::OK();
}

void WriteTransaction::Rollback() {
  if (active_) Finish();
}

void WriteTransaction::ClearPending() {
  plain_->Clear();
  indexed_.reset();
}

void WriteTransaction::Finish() {
  ClearPending();
  snapshot_.reset();
  active_ = false;
  state_.ReleaseWriter();
}

}  // namespace smith::storage
