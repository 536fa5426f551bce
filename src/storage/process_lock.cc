#include "storage/process_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "storage/format.h"

namespace smith::storage::internal {
namespace {

std::string ErrnoText(int err) { return std::strerror(err); }

// The pid recorded in the lock file, or "" when the file holds none (the holder may not have
// written it yet).
std::string ReadHolderPid(int fd) {
  char buffer[32];
  ssize_t n = ::pread(fd, buffer, sizeof(buffer) - 1, 0);
  if (n <= 0) return "";
  std::string_view text(buffer, static_cast<size_t>(n));
  size_t end = text.find_first_not_of("0123456789");
  return std::string(text.substr(0, end));
}

Status LockedError(const std::string& dir, const std::string& pid) {
  std::string message = "cannot open database directory '" + dir + "': it is in use by ";
  if (pid.empty()) {
    message += "another process (its pid is not recorded yet)";
  } else {
    message += "process " + pid;
    if (pid == std::to_string(::getpid())) message += " (this process, which already has it open)";
  }
  message +=
      ". Only one process may open a smith database directory at a time; other processes must go "
      "through the process that has it open (for example a smith server).";
  return Status::Locked(message);
}

}  // namespace

Result<std::unique_ptr<ProcessLock>> ProcessLock::Acquire(const std::string& dir) {
  const std::string file = dir + "/" + std::string(kLockFileName);
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError("cannot create lock file '" + file + "' of database directory '" + dir +
                           "': " + ErrnoText(errno));
  }
  int rc;
  do {
    rc = ::flock(fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    int err = errno;
    Status status = err == EWOULDBLOCK
                        ? LockedError(dir, ReadHolderPid(fd))
                        : Status::IOError("cannot lock '" + file + "': " + ErrnoText(err));
    ::close(fd);
    return status;
  }
  // From here on the lock is ours; record our pid for anyone refused.
  std::unique_ptr<ProcessLock> lock(new ProcessLock(fd));
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 ||
      ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    return Status::IOError("cannot write lock file '" + file + "': " + ErrnoText(errno));
  }
  return lock;
}

ProcessLock::~ProcessLock() {
  if (fd_ < 0) return;
  // Emptied so that a stale pid is never mistaken for a holder; failure is harmless (the pid is
  // only read while the lock is held).
  [[maybe_unused]] int rc = ::ftruncate(fd_, 0);
  ::close(fd_);
}

}  // namespace smith::storage::internal
