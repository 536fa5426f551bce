// Forked worker processes with a per-task timeout, for running TCK scenarios in isolation from
// the parent (see tck_suite.h for why).
//
// Protocol: the parent writes a task index (int64, -1 = quit) to a worker's command pipe; the
// worker answers on its result pipe with one frame per task: index (int64), outcome (int32),
// reason length (uint32), reason bytes. The parent hands out tasks one at a time, so the pool
// balances itself, and knows which task a worker was running when it timed out or died.
//
// Thread safety: RunInWorkers forks and must be called from a single-threaded process.
#ifndef SMITH_TESTS_TCK_WORKER_POOL_H_
#define SMITH_TESTS_TCK_WORKER_POOL_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "scenario_runner.h"
#include "tck_suite.h"

namespace smith::tck {

struct WorkerPoolOptions {
  int jobs = 1;
  double timeout_seconds = 10;
  // An existing directory; each worker gets a fresh subdirectory, removed when it ends.
  std::string scratch_dir;
};

// Runs task(engine, i) for every i in [0, count) in forked workers, each of which creates one
// engine with `factory` before its first task. Returns the outcomes by index. A task that times
// out or whose worker dies is recorded as failed with the reason.
std::vector<ScenarioOutcome> RunInWorkers(
    size_t count, const WorkerPoolOptions& options, const EngineFactory& factory,
    const std::function<ScenarioOutcome(TckEngine&, size_t)>& task);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_WORKER_POOL_H_
