// ReadTransaction: reads of one consistent snapshot of the database.
//
// The snapshot is taken when Engine::BeginRead returns; commits after that are invisible to it.
// Any number of read transactions may be open at once, alongside the writer. Holding one open for
// long keeps RocksDB from discarding versions it still shows, so release it when done.
//
// Lifetime: must be destroyed before its Engine; its iterators must be destroyed before it.
// Thread safety: one thread at a time per transaction; different transactions may be used from
// different threads concurrently.
#ifndef SMITH_STORAGE_READ_TRANSACTION_H_
#define SMITH_STORAGE_READ_TRANSACTION_H_

#include <memory>

#include "storage/read_view.h"

namespace rocksdb {
class ManagedSnapshot;
}  // namespace rocksdb

namespace smith::storage {

namespace internal {
struct EngineState;
}  // namespace internal

class ReadTransaction final : public ReadView {
 public:
  // Storage-internal; use Engine::BeginRead.
  explicit ReadTransaction(internal::EngineState& state);
  ~ReadTransaction() override;
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

  Result<bool> Get(Family f, std::string_view key, std::string* value) override;
  Status MultiGet(Family f, std::span<const std::string_view> keys,
                  std::vector<std::optional<std::string>>* values) override;
  std::unique_ptr<Iterator> NewIterator(Family f, std::string_view lower,
                                        std::string_view upper) override;

 private:
  internal::EngineState& state_;
  std::unique_ptr<rocksdb::ManagedSnapshot> snapshot_;
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_READ_TRANSACTION_H_
