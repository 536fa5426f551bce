// Storage-internal: the exclusive lock one process holds on a database directory.
//
// The lock is an flock(LOCK_EX) on <dir>/smith.lock. flock locks belong to an open file
// description, so a second open of the file conflicts even within the same process: two Engines
// of one process exclude each other just as two processes do. The kernel drops the lock when the
// holder exits or is killed, so a crash never leaves a stale lock behind. The file records the
// holder's pid ("<pid>\n") so that a refused opener can name it. The descriptor is close-on-exec.
#ifndef SMITH_STORAGE_PROCESS_LOCK_H_
#define SMITH_STORAGE_PROCESS_LOCK_H_

#include <memory>
#include <string>

#include "common/result.h"

namespace smith::storage::internal {

class ProcessLock {
 public:
  // Creates the lock file if needed and takes the lock without waiting. kLocked (naming the
  // holder's pid) when another open file description holds it; kIOError when the file cannot be
  // created, locked or written.
  static Result<std::unique_ptr<ProcessLock>> Acquire(const std::string& dir);

  // Empties the file and releases the lock.
  ~ProcessLock();
  ProcessLock(const ProcessLock&) = delete;
  ProcessLock& operator=(const ProcessLock&) = delete;

 private:
  explicit ProcessLock(int fd) : fd_(fd) {}

  int fd_;
};

}  // namespace smith::storage::internal

#endif  // SMITH_STORAGE_PROCESS_LOCK_H_
