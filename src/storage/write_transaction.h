// WriteTransaction: the single writer's pending writes over a snapshot.
//
// Reads see the snapshot taken at begin plus this transaction's own pending writes
// (read-your-own-writes): a pending Put shows its value, a pending Delete hides the key, pending
// Merge operands are resolved with the family's MergeFunction on top of the snapshot's value.
// Nothing is visible to other transactions until Commit or CommitChunk, and then all of it at
// once: pending writes go to RocksDB as one atomic write batch.
//
// Only one write transaction exists at a time per Engine (the writer slot); since nobody else
// writes meanwhile, the snapshot is also the latest committed state, so there are no write
// conflicts to detect.
//
// Cost model: pending writes are appended to a plain rocksdb::WriteBatch, which is cheap. Only
// when a read happens while writes are pending are they indexed (replayed once into a
// rocksdb::WriteBatchWithIndex, which then takes all further writes until the next commit);
// indexing costs several times more per write than appending. Bulk paths should therefore read
// first and write afterwards within each chunk (e.g. one MultiGet of all keys of a batch, then
// blind writes): such transactions never build the index.
//
// States:
//   ACTIVE   -> ACTIVE    [Put, Delete, Merge, reads, CommitChunk on success]
//   ACTIVE   -> FINISHED  [Commit (success or failure), CommitChunk on failure, Rollback,
//                          destructor]
// FINISHED releases the writer slot. In FINISHED, reads and commits return kInvalidState and
// writes are ignored (and assert in debug builds).
//
// Writes never fail on their own: Put, Delete and Merge record the first problem (for example a
// Merge on a family without a MergeFunction) and Commit/CommitChunk then report it and write
// nothing.
//
// Lifetime: must be destroyed before its Engine; its iterators must be destroyed before it.
// Thread safety: one thread at a time.
#ifndef SMITH_STORAGE_WRITE_TRANSACTION_H_
#define SMITH_STORAGE_WRITE_TRANSACTION_H_

#include <cstddef>
#include <memory>

#include "storage/read_view.h"

namespace rocksdb {
class ManagedSnapshot;
class WriteBatch;
class WriteBatchBase;
class WriteBatchWithIndex;
}  // namespace rocksdb

namespace smith::storage {

namespace internal {
struct EngineState;
}  // namespace internal

class WriteTransaction final : public ReadView {
 public:
  // Storage-internal; use Engine::BeginWrite. Requires that the caller holds the writer slot,
  // which this transaction releases when it finishes.
  explicit WriteTransaction(internal::EngineState& state);
  // Rolls back if still active.
  ~WriteTransaction() override;
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  Result<bool> Get(Family f, std::string_view key, std::string* value) override;
  Status MultiGet(Family f, std::span<const std::string_view> keys,
                  std::vector<std::optional<std::string>>* values) override;
  // The iterator shows the writes made before it was created. Whether it also shows writes made
  // while it is open is unspecified; writing does not invalidate it (see iterator.h).
  std::unique_ptr<Iterator> NewIterator(Family f, std::string_view lower,
                                        std::string_view upper) override;

  // An iterator over the snapshot only: it does not show this transaction's pending writes, and
  // creating it never indexes them. For callers that keep track of their own writes to a family
  // (the graph writer's adjacency overlay) and so avoid the cost of read-your-own-writes.
  std::unique_ptr<Iterator> NewSnapshotIterator(Family f, std::string_view lower,
                                                std::string_view upper);
  // Sets `key` to `value`, replacing any pending write of the key.
  void Put(Family f, std::string_view key, std::string_view value);
  // Removes `key`, replacing any pending write of the key. Deleting an absent key is fine.
  void Delete(Family f, std::string_view key);
  // Appends a merge operand for `key`; the family must have a MergeFunction.
  void Merge(Family f, std::string_view key, std::string_view operand);

  // Bytes of the pending write batch (keys, values and framing).
  size_t ApproximateBytes() const;
  // Number of pending write operations (each Put, Delete and Merge counts once).
  size_t PendingCount() const;

  // Writes everything pending as one atomic RocksDB write (WAL synced if
  // StorageOptions::sync_commit) and finishes the transaction. OK means the writes are durable
  // as promised by sync_commit. On error nothing of this transaction is visible, now or after
  // reopening. Either way the writer slot is released.
  Status Commit();

  // Commits what is pending as Commit does, then continues as an empty transaction on a fresh
  // snapshot, keeping the writer slot (for imports and CALL {...} IN TRANSACTIONS). Earlier chunks
  // stay committed whatever happens later. On error the transaction finishes as after Commit.
  // Iterators opened before the call must be destroyed before it.
  Status CommitChunk();

  // Drops pending writes and finishes the transaction. No effect when already finished.
  void Rollback();

  // True until Commit, Rollback or a failed CommitChunk.
  bool active() const { return active_; }

 private:
  // Where writes go: indexed_ once it exists, plain_ before.
  rocksdb::WriteBatchBase& pending();
  const rocksdb::WriteBatch& pending_batch() const;
  // Makes pending writes readable: builds indexed_ from plain_ when plain_ holds writes.
  Status PrepareRead();
  Status WriteBatchToDb();
  void ClearPending();
  void Finish();
  void NoteError(Status status);

  internal::EngineState& state_;
  std::unique_ptr<rocksdb::ManagedSnapshot> snapshot_;
  // Invariant: when indexed_ is non-null, plain_ is empty. Reads go to the database (on the
  // snapshot) directly while indexed_ is null, through indexed_ otherwise.
  std::unique_ptr<rocksdb::WriteBatch> plain_;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> indexed_;
  // The first error recorded by a write; reported by the next commit.
  Status deferred_error_;
  bool active_ = true;
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_WRITE_TRANSACTION_H_
