// A parsed `.test` file: the blocks of one topic, in file order (the format is specified in
// docs/cypher-tests.md).
//
// Thread safety: plain data; ParseTestFile is a pure function.
#ifndef SMITH_TESTS_CYPHER_RUNNER_TEST_FILE_H_
#define SMITH_TESTS_CYPHER_RUNNER_TEST_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"

namespace smith::cypher_test {

enum class BlockKind {
  kStatementOk,     // statement ok: the statement succeeds (and matches listed counters)
  kStatementError,  // statement error [code]: it fails with that code and message text
  kQuery,           // query [unordered]: it succeeds with exactly these columns and rows
  kPlan,            // plan: EXPLAIN/PROFILE whose plan text holds the listed lines in order
  kReopen,          // reopen: close the database and open the same directory again
};

// One case of a file. `line` is the 1-based line of its directive; statement text keeps its
// line breaks (syntax errors report lines and columns).
struct TestBlock {
  BlockKind kind = BlockKind::kStatementOk;
  int line = 0;
  std::string query;
  // query: results compared as a bag rather than a sequence.
  bool unordered = false;
  // statement error: the Neo4j status code required, or several separated by `|` (any of them
  // passes); empty accepts any error.
  std::string error_code;
  // The lines after `----`: header and rows (query), message text (statement error),
  // `counter: value` pairs (statement ok), plan fragments (plan). Trailing blanks are removed.
  std::vector<std::string> expected;
  // Parameters given by a `params` directive right before this block; empty otherwise.
  ValueMap params;
};

struct TestFile {
  std::string path;
  std::vector<TestBlock> blocks;
};

// Parses `text` (the contents of the file at `path`, used in messages). InvalidArgument naming
// path:line for a malformed file: unknown directive, missing statement, bad params map,
// `params` not followed by a block, expectations where none are allowed.
Result<TestFile> ParseTestFile(std::string_view path, std::string_view text);

}  // namespace smith::cypher_test

#endif  // SMITH_TESTS_CYPHER_RUNNER_TEST_FILE_H_
