// The TCK suite: finds feature files, runs every expanded scenario and collects the outcomes.
//
// Isolation. With SuiteOptions::isolate (the default for tck_runner), scenarios run in forked
// worker processes: the parent never touches the engine; it hands each worker a share of the
// scenarios and reads one outcome per scenario from a pipe. A scenario that produces no outcome
// within `timeout_seconds` is recorded as failed ("timed out") and its worker is killed; a worker
// that dies (crash, abort, sanitizer report) fails the scenario it was running. Either way a new
// worker continues with the next scenario, so one runaway or crashing query cannot hang or end
// the run. Without isolation everything runs in-process, in order, with no timeout (for tests
// and debuggers).
//
// Each worker creates its engine with the factory, in its own scratch directory under
// `scratch_dir`, and destroys it before exiting. The parent removes the scratch directories.
//
// Thread safety: RunSuite forks; call it from a single-threaded process (or at least one with no
// other threads holding locks), as tck_runner and the unit tests do.
#ifndef SMITH_TESTS_TCK_TCK_SUITE_H_
#define SMITH_TESTS_TCK_TCK_SUITE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "gherkin.h"
#include "scenario_runner.h"
#include "tck_engine.h"

namespace smith::tck {

// Creates an engine that keeps its files under `scratch_dir` (an existing, empty directory).
using EngineFactory =
    std::function<Result<std::unique_ptr<TckEngine>>(const std::string& scratch_dir)>;

struct SuiteOptions {
  // Feature files are reported (and grouped into folders) relative to this directory.
  std::string features_root;
  ScenarioOptions scenario;
  bool isolate = true;
  // Worker processes when isolated (at least 1).
  int jobs = 1;
  double timeout_seconds = 10;
  // Parent of the per-worker scratch directories; created if missing.
  std::string scratch_dir = "/tmp";
};

// One expanded scenario and what became of it.
struct ScenarioRecord {
  std::string folder;    // feature file's directory relative to features_root ("clauses/match")
  std::string location;  // "clauses/match/Match5.feature:48"
  std::string title;     // "Match5 - ...: [1] Handling ... (example 2)"
  ScenarioOutcome outcome;
};

struct SuiteResult {
  std::vector<ScenarioRecord> records;  // in file and scenario order
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

// The feature files named by `paths` (files, or directories searched recursively for
// *.feature), sorted and without duplicates. A relative path that does not exist is also tried
// relative to `features_root`. No paths means the whole root. NotFound for a path that exists in
// neither place.
Result<std::vector<std::string>> CollectFeatureFiles(const std::vector<std::string>& paths,
                                                     const std::string& features_root);

// Parses `files` and runs all their scenarios. A file that does not parse counts as one failed
// record whose reason is the parse error.
SuiteResult RunSuite(const std::vector<std::string>& files, const SuiteOptions& options,
                     const EngineFactory& factory);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_SUITE_H_
