// smith check PATH
#include <cstdlib>
#include <iostream>

#include "cli_util.h"
#include "commands.h"
#include "graph/consistency_check.h"
#include "graph/graph.h"

namespace smith::cli {

int RunCheckCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"max-problems"}, {});
  if (!parsed.ok()) return UsageError(err, "check", std::string(parsed.status().message()));
  if (parsed->positional.size() != 1) return UsageError(err, "check", "expected one database PATH");
  graph::ConsistencyCheckOptions options;
  if (auto max = parsed->Option("max-problems")) {
    char* end = nullptr;
    const unsigned long long n = std::strtoull(max->c_str(), &end, 10);
    if (max->empty() || *end != '\0') {
      return UsageError(err, "check", "--max-problems needs a number");
    }
    options.max_reported_problems = static_cast<size_t>(n);
  }
  auto graph = OpenGraph(parsed->positional[0]);
  if (!graph.ok()) {
    PrintError(err, "check", graph.status());
    return kExitFailure;
  }
  auto report = graph::CheckConsistency(**graph, options);
  if (!report.ok()) {
    PrintError(err, "check", report.status());
    return kExitFailure;
  }
  out << "Checked " << (*graph)->path() << ": " << report->nodes << " nodes, "
      << report->relationships << " relationships, " << report->adjacency_entries
      << " adjacency entries, " << report->label_entries << " label entries, "
      << report->type_entries << " type entries, " << report->unique_entries
      << " constraint entries, " << report->index_entries << " index entries";
  if (report->stale_index_entries > 0) {
    out << " (" << report->stale_index_entries
        << " stale index entries, which are allowed and cleaned up by later writes)";
  }
  out << ".\n";
  if (report->ok()) {
    out << "OK: the database is consistent.\n";
    return kExitOk;
  }
  out << "FAILED: " << report->problem_count
      << (report->problem_count == 1 ? " problem" : " problems") << " found:\n";
  for (const std::string& p : report->problems) out << "  - " << p << "\n";
  if (report->problem_count > report->problems.size()) {
    out << "  ... and " << report->problem_count - report->problems.size()
        << " more (--max-problems N shows more).\n";
  }
  return kExitFailure;
}

}  // namespace smith::cli
