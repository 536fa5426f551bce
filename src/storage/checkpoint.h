// CreateCheckpoint: a consistent, openable copy of a smith database (for `smith backup`).
//
// The copy is a RocksDB checkpoint: SST files are hard-linked when the destination is on the same
// file system (copied otherwise; they are immutable either way), the manifest and options files
// are copied, and memtables are flushed first so that the copy needs no write-ahead log. The
// result is a complete database directory that Engine::Open accepts like the original.
//
// The source database must not be open anywhere, this process included: CreateCheckpoint opens
// it itself (taking the directory's process lock, so kLocked names the holder otherwise) and
// closes it before returning. An online backup of an open database would need a checkpoint
// taken through its Engine; the storage layer does not offer that yet.
//
// Thread safety: a free function; concurrent calls for different destinations are safe.
#ifndef SMITH_STORAGE_CHECKPOINT_H_
#define SMITH_STORAGE_CHECKPOINT_H_

#include <string>

#include "common/status.h"
#include "storage/storage_options.h"

namespace smith::storage {

// Copies the database in `db_dir` to the new directory `dest_dir`, which must not exist yet
// (its parent directories are created). `options` must carry the merge functions the database is
// always opened with (flushing resolves nothing, but RocksDB may compact while it is open);
// create_if_missing is ignored (the source must exist).
//
// Errors: kNotFound (no database at db_dir), kIncompatibleFormat (not a smith database, or of
// another format version), kLocked (open elsewhere), kAlreadyExists (dest_dir exists), kIOError.
// On error nothing is left at dest_dir.
Status CreateCheckpoint(const std::string& db_dir, const std::string& dest_dir,
                        const StorageOptions& options);

}  // namespace smith::storage

#endif  // SMITH_STORAGE_CHECKPOINT_H_
