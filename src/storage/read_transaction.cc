#include "storage/read_transaction.h"

#include <vector>

#include "rocksdb/db.h"
#include "rocksdb/snapshot.h"
#include "storage/engine_state.h"
#include "storage/iterator_rep.h"
#include "storage/read_support.h"

namespace smith::storage {

ReadTransaction::ReadTransaction(internal::EngineState& state)
    : state_(state), snapshot_(std::make_unique<rocksdb::ManagedSnapshot>(state.db.get())) {
  ++state_.open_transactions;
}

ReadTransaction::~ReadTransaction() {
  snapshot_.reset();
  --state_.open_transactions;
}

Result<bool> ReadTransaction::Get(Family f, std::string_view key, std::string* value) {
  SMITH_RETURN_IF_ERROR(state_.CheckKey(f, key));
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  rocksdb::PinnableSlice found;
  rocksdb::Status s = state_.db->Get(ro, state_.handle(f), internal::ToSlice(key), &found);
  return internal::GetOutcome(f, s, found, value);
}

Status ReadTransaction::MultiGet(Family f, std::span<const std::string_view> keys,
                                 std::vector<std::optional<std::string>>* values) {
  for (std::string_view key : keys) SMITH_RETURN_IF_ERROR(state_.CheckKey(f, key));
  rocksdb::ReadOptions ro;
  ro.snapshot = snapshot_->snapshot();
  std::vector<rocksdb::Slice> slices = internal::ToSlices(keys);
  std::vector<rocksdb::PinnableSlice> found(keys.size());
  std::vector<rocksdb::Status> statuses(keys.size());
  state_.db->MultiGet(ro, state_.handle(f), keys.size(), slices.data(), found.data(),
                      statuses.data(), /*sorted_input=*/false);
  return internal::MultiGetOutcome(f, keys.size(), found.data(), statuses.data(), values);
}

std::unique_ptr<Iterator> ReadTransaction::NewIterator(Family f, std::string_view lower,
                                                       std::string_view upper) {
  auto rep = internal::NewIteratorRep(lower, upper, snapshot_->snapshot(),
                                      state_.scan_prefix_bytes[FamilyIndex(f)]);
  rep->iter.reset(state_.db->NewIterator(rep->read_options, state_.handle(f)));
  return std::make_unique<Iterator>(std::move(rep));
}

}  // namespace smith::storage
