// Rendering a SuiteResult: the console report of tck_runner and the markdown table for
// docs/tck.md.
//
// Console format (the last line is parsed by scripts; keep it exact):
//   FAIL <location> <title>: <reason on one line>      one per failed scenario, in file order
//   SKIP <location> <title>: <reason>                  only with show_skipped
//   <blank line>
//   per-folder summary table (folder, passed, failed, skipped, total, pass rate)
//   tck: N passed, N failed, N skipped
//
// The pass rate of a folder is passed / total, skipped scenarios counting as not passed (the
// conformance target is a share of all expanded scenarios).
//
// Thread safety: pure functions.
#ifndef SMITH_TESTS_TCK_TCK_REPORT_H_
#define SMITH_TESTS_TCK_TCK_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "tck_suite.h"

namespace smith::tck {

struct FolderSummary {
  std::string folder;
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int total() const { return passed + failed + skipped; }
};

// Per-folder counts, sorted by folder name.
std::vector<FolderSummary> SummarizeFolders(const SuiteResult& suite);

// `text` on one line: newlines become " \n " markers, tabs spaces.
std::string OneLine(const std::string& text);

void PrintReport(const SuiteResult& suite, bool show_skipped, std::ostream& out);

// "tck: N passed, N failed, N skipped"
std::string SummaryLine(const SuiteResult& suite);

// A markdown document: a per-folder table with totals, for docs/tck.md.
std::string MarkdownReport(const SuiteResult& suite);

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_TCK_REPORT_H_
