// Sorted-file ingestion (used by the graph layer's bulk loader): writes column family contents as
// RocksDB SST files and adds them to a database directory in one atomic step.
//
// It opens the database itself, so the database must not be open anywhere, this process
// included: IngestSortedFiles takes the directory's process lock and fails with kLocked
// otherwise.
//
// Files are written into a private temporary directory beside the database (same file system, so
// ingestion moves them by hard link instead of copying); SstFileSet removes that directory and
// anything left in it when destroyed.
//
// Thread safety: an SstFileSet is used by one thread at a time, except that distinct
// SstFileWriters it handed out may be filled concurrently.
#ifndef SMITH_STORAGE_SST_INGEST_H_
#define SMITH_STORAGE_SST_INGEST_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "storage/format.h"
#include "storage/storage_options.h"

namespace smith::storage {

class ReadView;

// Writes one SST file for one column family. Keys must be added in strictly increasing bytewise
// order. Destroying an unfinished writer leaves a partial file that SstFileSet deletes.
class SstFileWriter {
 public:
  virtual ~SstFileWriter() = default;
  // InvalidArgument when `key` is not greater than the previous key; kIOError on write failure.
  virtual Status Add(std::string_view key, std::string_view value) = 0;
  // Completes and syncs the file. A writer that received no key writes no file (and the family
  // gets nothing). Returns the number of entries.
  virtual Result<uint64_t> Finish() = 0;
};

class SstFileSet {
 public:
  // Creates an empty temporary directory next to `db_dir` (which must be an absolute path).
  static Result<std::unique_ptr<SstFileSet>> Create(const std::string& db_dir,
                                                    const StorageOptions& options);
  ~SstFileSet();
  SstFileSet(const SstFileSet&) = delete;
  SstFileSet& operator=(const SstFileSet&) = delete;

  // A new file for family `f`, formatted with the family's table options (filters, block size,
  // compression) so that ingested files read exactly like flushed ones. The writer must be
  // finished (or destroyed) before IngestSortedFiles.
  Result<std::unique_ptr<SstFileWriter>> NewWriter(Family f);

  const std::string& directory() const { return dir_; }
  // The finished, non-empty files, per family.
  struct File {
    Family family;
    std::string path;
  };
  const std::vector<File>& files() const { return files_; }

 private:
  friend class SstFileWriterImpl;
  SstFileSet(std::string dir, StorageOptions options);
  void AddFinished(Family f, std::string path);

  std::string dir_;
  StorageOptions options_;
  std::mutex mutex_;  // guards files_ and next_file_ (writers may finish on several threads)
  std::vector<File> files_;
  int next_file_ = 0;
};

// A 64-bit fingerprint of the committed meta family, and whether the node and rel families are
// empty: what the bulk loader checks again just before ingesting, so that data written by another
// process between planning and ingesting is never overwritten.
struct DatabaseFingerprint {
  uint64_t meta_hash = 0;
  bool no_elements = true;
  bool operator==(const DatabaseFingerprint&) const = default;
};
Result<DatabaseFingerprint> FingerprintDatabase(ReadView& view);

// Opens the database in `db_dir` (absolute, normalized; a smith database that nobody has open)
// with `options`, checks that its fingerprint still equals `expected` (kInvalidState otherwise,
// before anything is written), and ingests every file of `files` into its family atomically:
// after a crash or failure either all of them are part of the database or none. Closes the
// database again before returning.
Status IngestSortedFiles(const std::string& db_dir, const StorageOptions& options,
                         const DatabaseFingerprint& expected, const SstFileSet& files);

}  // namespace smith::storage

#endif  // SMITH_STORAGE_SST_INGEST_H_
