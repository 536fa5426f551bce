// Helpers for the storage tests: temporary directories, directory snapshots, child processes.
#ifndef SMITH_TESTS_CPP_STORAGE_TEST_UTIL_H_
#define SMITH_TESTS_CPP_STORAGE_TEST_UTIL_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smith::storage::testing {

// A fresh directory under $TMPDIR (or /tmp), removed recursively on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Sub(std::string_view name) const;

 private:
  std::string path_;
};

// Name -> contents of every regular file in `dir` (not recursive): equal snapshots mean the
// directory was left unchanged.
std::map<std::string, std::string> SnapshotFiles(const std::string& dir);

void WriteFile(const std::string& path, std::string_view contents);

std::string BigEndian32(uint32_t v);

// The helper binary built from crash_writer.cc.
const char* CrashWriterPath();

// A child process running a program, with its stdout (and optionally stdin) on pipes. The
// destructor kills (SIGKILL) and reaps it if it is still running.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, bool pipe_stdin);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // The next line of stdout without its newline; nullopt at end of file, or when `timeout`
  // passes first (timed_out() then tells which).
  std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
  bool timed_out() const { return timed_out_; }
  // Closes the child's stdin (it sees end of file).
  void CloseStdin();
  void Kill(int signal);
  // Waits for exit; returns the raw wait status.
  int Wait();

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int in_fd_ = -1;
  bool reaped_ = false;
  int wait_status_ = 0;
  bool timed_out_ = false;
  std::string buffer_;
};

}  // namespace smith::storage::testing

#endif  // SMITH_TESTS_CPP_STORAGE_TEST_UTIL_H_
