#include "worker_pool.h"

#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <utility>

namespace smith::tck {
namespace {

using Clock = std::chrono::steady_clock;

bool WriteAll(int fd, const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// true when all `n` bytes were read; false on EOF or error.
bool ReadAll(int fd, void* data, size_t n) {
  char* p = static_cast<char*>(data);
  while (n > 0) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

void CloseFd(int* fd) {
  if (*fd >= 0) ::close(*fd);
  *fd = -1;
}

struct Worker {
  pid_t pid = -1;
  int command_fd = -1;  // the parent writes task indices
  int result_fd = -1;   // the parent reads outcome frames
  int64_t task = -1;    // in flight, or -1
  bool quitting = false;
  Clock::time_point deadline;
  std::string scratch;
};

[[noreturn]] void WorkerMain(int command_fd, int result_fd, const std::string& scratch,
                             const EngineFactory& factory,
                             const std::function<ScenarioOutcome(TckEngine&, size_t)>& task) {
  std::unique_ptr<TckEngine> engine;
  std::string engine_error;
  int64_t index = -1;
  while (ReadAll(command_fd, &index, sizeof(index)) && index >= 0) {
    if (!engine && engine_error.empty()) {
      Result<std::unique_ptr<TckEngine>> created = factory(scratch);
      if (created.ok()) {
        engine = std::move(created).value();
      } else {
        engine_error = "creating the engine failed: " + created.status().ToString();
      }
    }
    ScenarioOutcome outcome = engine ? task(*engine, static_cast<size_t>(index))
                                     : ScenarioOutcome{Outcome::kFailed, engine_error};
    int32_t kind = static_cast<int32_t>(outcome.outcome);
    uint32_t length = static_cast<uint32_t>(outcome.reason.size());
    if (!WriteAll(result_fd, &index, sizeof(index)) || !WriteAll(result_fd, &kind, sizeof(kind)) ||
        !WriteAll(result_fd, &length, sizeof(length)) ||
        !WriteAll(result_fd, outcome.reason.data(), length)) {
      break;
    }
  }
  engine.reset();
  std::fflush(nullptr);
  _exit(0);
}

class Pool {
 public:
  Pool(size_t count, const WorkerPoolOptions& options, const EngineFactory& factory,
       const std::function<ScenarioOutcome(TckEngine&, size_t)>& task)
      : count_(count), options_(options), factory_(factory), task_(task), outcomes_(count) {}

  std::vector<ScenarioOutcome> Run() {
    int jobs = std::max(1, options_.jobs);
    while (true) {
      size_t idle =
          static_cast<size_t>(std::count_if(workers_.begin(), workers_.end(), [](const Worker& w) {
            return w.task < 0 && !w.quitting;
          }));
      while (static_cast<int>(workers_.size()) < jobs && idle < count_ - next_) {
        std::string error = Spawn();
        if (!error.empty()) {
          if (workers_.empty()) FailRemaining(error);
          break;
        }
        ++idle;
      }
      if (workers_.empty()) break;
      for (Worker& w : workers_) {
        if (w.task < 0 && !w.quitting) Assign(w);
      }
      Poll();
    }
    return std::move(outcomes_);
  }

 private:
  void FailRemaining(const std::string& reason) {
    for (; next_ < count_; ++next_) outcomes_[next_] = {Outcome::kFailed, reason};
  }

  // Starts a worker; returns an error message on failure.
  std::string Spawn() {
    int command[2];
    int result[2];
    if (::pipe(command) != 0) return std::string("pipe: ") + std::strerror(errno);
    if (::pipe(result) != 0) {
      ::close(command[0]);
      ::close(command[1]);
      return std::string("pipe: ") + std::strerror(errno);
    }
    Worker w;
    w.scratch = options_.scratch_dir + "/w" + std::to_string(spawned_++);
    std::error_code ec;
    std::filesystem::create_directories(w.scratch, ec);
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
      for (int fd : {command[0], command[1], result[0], result[1]}) ::close(fd);
      return std::string("fork: ") + std::strerror(errno);
    }
    if (pid == 0) {
      for (Worker& other : workers_) {
        CloseFd(&other.command_fd);
        CloseFd(&other.result_fd);
      }
      ::close(command[1]);
      ::close(result[0]);
      WorkerMain(command[0], result[1], w.scratch, factory_, task_);
    }
    ::close(command[0]);
    ::close(result[1]);
    w.pid = pid;
    w.command_fd = command[1];
    w.result_fd = result[0];
    workers_.push_back(std::move(w));
    return "";
  }

  void Assign(Worker& w) {
    int64_t index = next_ < count_ ? static_cast<int64_t>(next_) : -1;
    if (!WriteAll(w.command_fd, &index, sizeof(index)) || index < 0) {
      // The worker quits (or already died: its EOF is seen by Poll).
      w.quitting = true;
      CloseFd(&w.command_fd);
      return;
    }
    ++next_;
    w.task = index;
    w.deadline = Clock::now() +
                 std::chrono::microseconds(static_cast<int64_t>(options_.timeout_seconds * 1e6));
  }

  // Waits for the worker to end and records `reason` for its task in flight, if any.
  void Reap(Worker& w, const std::string& reason) {
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (w.task >= 0) {
      std::string why = reason;
      if (why.empty()) {
        if (WIFSIGNALED(status)) {
          why = "the worker process died of signal " + std::to_string(WTERMSIG(status)) + " (" +
                strsignal(WTERMSIG(status)) + ")";
        } else {
          why = "the worker process exited with code " +
                std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        }
      }
      outcomes_[static_cast<size_t>(w.task)] = {Outcome::kFailed, why};
    }
    CloseFd(&w.command_fd);
    CloseFd(&w.result_fd);
    std::error_code ec;
    std::filesystem::remove_all(w.scratch, ec);
  }

  void Poll() {
    std::vector<pollfd> fds;
    Clock::time_point now = Clock::now();
    int timeout_ms = -1;
    for (const Worker& w : workers_) {
      fds.push_back({w.result_fd, POLLIN, 0});
      if (w.task >= 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(w.deadline - now);
        int ms = static_cast<int>(std::max<int64_t>(0, left.count() + 1));
        timeout_ms = timeout_ms < 0 ? ms : std::min(timeout_ms, ms);
      }
    }
    int ready = ::poll(fds.data(), fds.size(), timeout_ms);
    if (ready < 0 && errno != EINTR) {
      std::perror("tck: poll");
      for (Worker& w : workers_) {
        ::kill(w.pid, SIGKILL);
        Reap(w, "poll failed");
      }
      workers_.clear();
      FailRemaining("poll failed");
      return;
    }
    now = Clock::now();
    std::vector<Worker> alive;
    for (size_t i = 0; i < workers_.size(); ++i) {
      Worker& w = workers_[i];
      if (ready > 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
        if (ReadFrame(w)) {
          alive.push_back(std::move(w));
        } else {
          // EOF: the worker ended (normally only after a quit command). A malformed frame
          // leaves it running, so make sure it is gone before waiting for it.
          ::kill(w.pid, SIGKILL);
          Reap(w, "");
        }
      } else if (w.task >= 0 && now >= w.deadline) {
        ::kill(w.pid, SIGKILL);
        char seconds[32];
        std::snprintf(seconds, sizeof(seconds), "%g", options_.timeout_seconds);
        Reap(w, std::string("timed out after ") + seconds + " s");
      } else {
        alive.push_back(std::move(w));
      }
    }
    workers_ = std::move(alive);
  }

  // Reads one outcome frame; false on EOF (the worker ended) or a malformed frame.
  bool ReadFrame(Worker& w) {
    int64_t index = -1;
    int32_t kind = 0;
    uint32_t length = 0;
    if (!ReadAll(w.result_fd, &index, sizeof(index)) ||
        !ReadAll(w.result_fd, &kind, sizeof(kind)) ||
        !ReadAll(w.result_fd, &length, sizeof(length)) || index != w.task) {
      return false;
    }
    std::string reason(length, '\0');
    if (length > 0 && !ReadAll(w.result_fd, reason.data(), length)) return false;
    outcomes_[static_cast<size_t>(index)] = {static_cast<Outcome>(kind), std::move(reason)};
    w.task = -1;
    return true;
  }

  const size_t count_;
  const WorkerPoolOptions& options_;
  const EngineFactory& factory_;
  const std::function<ScenarioOutcome(TckEngine&, size_t)>& task_;
  std::vector<ScenarioOutcome> outcomes_;
  std::vector<Worker> workers_;
  size_t next_ = 0;
  int spawned_ = 0;
};

}  // namespace

std::vector<ScenarioOutcome> RunInWorkers(
    size_t count, const WorkerPoolOptions& options, const EngineFactory& factory,
    const std::function<ScenarioOutcome(TckEngine&, size_t)>& task) {
  // A worker that dies while the parent writes its next command must not kill the parent.
  struct sigaction ignore = {};
  ignore.sa_handler = SIG_IGN;
  struct sigaction previous = {};
  ::sigaction(SIGPIPE, &ignore, &previous);
  std::vector<ScenarioOutcome> outcomes = Pool(count, options, factory, task).Run();
  ::sigaction(SIGPIPE, &previous, nullptr);
  return outcomes;
}

}  // namespace smith::tck
