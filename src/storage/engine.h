// Engine: one open smith database directory (RocksDB with smith's column families).
//
// The Engine owns the rocksdb::DB, its column family handles and the process lock on the
// directory. It hands out transactions:
//   - ReadTransaction: a consistent snapshot; any number at once, from any threads.
//   - WriteTransaction: the single writer (pending writes in an indexed batch over a snapshot);
//     BeginWrite waits while another write transaction is open.
//
// One process opens a database directory at a time, and within that process one Engine: the
// lock is an flock() on <dir>/smith.lock, which also records the holder's pid (format.h).
//
// Lifetime: every transaction and iterator must be destroyed before the Engine (checked by an
// assertion in debug builds). Destroying the Engine closes RocksDB (it does not flush memtables:
// the WAL already holds every commit) and then releases the lock.
//
// Thread safety: all methods may be called concurrently from any threads.
#ifndef SMITH_STORAGE_ENGINE_H_
#define SMITH_STORAGE_ENGINE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "common/status.h"
#include "storage/format.h"
#include "storage/iterator.h"
#include "storage/merge_function.h"
#include "storage/read_transaction.h"
#include "storage/storage_options.h"
#include "storage/write_transaction.h"

namespace smith::storage {

namespace internal {
struct EngineState;
class ProcessLock;
}  // namespace internal

class Engine {
 public:
  // Opens the database in directory `path`, creating it (and missing parent directories) when
  // it does not exist or is empty and options.create_if_missing is set. A new database gets the
  // meta key "format_version" = kFormatVersion (uint32, big-endian).
  //
  // Errors (every message names the directory):
  //  - kLocked: another process, or another Engine in this process, has the directory open. The
  //    message names the holder's pid.
  //  - kIncompatibleFormat: the directory is not empty but is not a smith database (foreign
  //    files, or a RocksDB database without smith's format marker), or it records a format
  //    version this build does not support (the message gives both versions). The directory's
  //    contents are left unchanged.
  //  - kNotFound: no database there and options.create_if_missing is false.
  //  - kIOError: the directory cannot be created, read or written (names the OS error).
  //  - kCorruption: RocksDB found damaged files.
  static Result<std::unique_ptr<Engine>> Open(const std::string& path,
                                              const StorageOptions& options);

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // The absolute, normalized path of the database directory.
  const std::string& path() const { return path_; }
  // The format version of the open database (kFormatVersion).
  uint32_t format_version() const { return format_version_; }

  // Begins a read transaction on a snapshot of the current committed state. Never blocks on the
  // writer.
  std::unique_ptr<ReadTransaction> BeginRead();

  // Begins the write transaction, waiting as long as needed for the writer slot (held by any
  // active WriteTransaction of this Engine, on any thread). Calling it on a thread that already
  // holds an active WriteTransaction deadlocks.
  std::unique_ptr<WriteTransaction> BeginWrite();

  // As BeginWrite, but gives up after `timeout` with kLocked ("another write transaction is
  // active").
  Result<std::unique_ptr<WriteTransaction>> TryBeginWrite(std::chrono::milliseconds timeout);

  // Flushes all memtables to SST files and waits for it (for tests and backups).
  Status Flush();

  // Total size of the files in the database directory (SST files, WAL, manifest, logs).
  Result<uint64_t> ApproximateDiskBytes();

 private:
  Engine(std::string path, uint32_t format_version, std::unique_ptr<internal::EngineState> state,
         std::unique_ptr<internal::ProcessLock> lock);

  // Constant after construction.
  const std::string path_;
  const uint32_t format_version_;
  // Destroyed (RocksDB closed) before lock_ is released.
  std::unique_ptr<internal::EngineState> state_;
  std::unique_ptr<internal::ProcessLock> lock_;
};

}  // namespace smith::storage

#endif  // SMITH_STORAGE_ENGINE_H_
