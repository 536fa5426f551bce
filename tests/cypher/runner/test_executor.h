// Runs the blocks of one parsed `.test` file against a database of its own.
//
// The database lives in a fresh directory under `scratch_dir` that RunTestFile creates and
// removes; every block runs in auto-commit mode (Database::Run), draining all records and the
// summary, so an error raised while streaming counts as the statement's error. A failing block
// is reported and the run goes on with the next one: later blocks see whatever the database
// holds at that point.
//
// Thread safety: none; one file at a time per call.
#ifndef SMITH_TESTS_CYPHER_RUNNER_TEST_EXECUTOR_H_
#define SMITH_TESTS_CYPHER_RUNNER_TEST_EXECUTOR_H_

#include <ostream>
#include <string>

#include "common/result.h"
#include "test_file.h"

namespace smith::cypher_test {

struct FileOutcome {
  int cases = 0;   // blocks other than reopen
  int passed = 0;  // of `cases`
  int failed = 0;  // cases - passed
};

// Runs `file`, writing one report per failing block to `out` (path:line, the statement, what
// was expected and what happened). An error Status only when the database cannot be created,
// opened or reopened.
Result<FileOutcome> RunTestFile(const TestFile& file, const std::string& scratch_dir,
                                std::ostream& out);

}  // namespace smith::cypher_test

#endif  // SMITH_TESTS_CYPHER_RUNNER_TEST_EXECUTOR_H_
