// smith query PATH "CYPHER" [--param name=value ...] [--format table|csv|json|jsonl]
#include <chrono>
#include <iostream>

#include "cli_util.h"
#include "commands.h"
#include "params.h"
#include "result_printer.h"

namespace smith::cli {

int RunQueryCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"param", "format"}, {"stats"});
  if (!parsed.ok()) return UsageError(err, "query", std::string(parsed.status().message()));
  if (parsed->positional.size() != 2) {
    return UsageError(err, "query", "expected a database PATH and one Cypher statement");
  }
  OutputFormat format = OutputFormat::kTable;
  if (auto name = parsed->Option("format")) {
    auto f = ParseOutputFormat(*name);
    if (!f.ok()) return UsageError(err, "query", std::string(f.status().message()));
    format = *f;
  }
  const std::string& path = parsed->positional[0];
  const std::string& query = parsed->positional[1];

  auto db = OpenDatabase(path, /*create=*/true);
  if (!db.ok()) {
    PrintError(err, "query", db.status());
    return kExitFailure;
  }
  ValueMap params;
  for (const std::string& assignment : parsed->Values("param")) {
    auto split = SplitParamAssignment(assignment);
    if (!split.ok()) return UsageError(err, "query", std::string(split.status().message()));
    auto value = EvaluateParamValue(**db, split->second, params);
    if (!value.ok()) {
      PrintError(err, "query", value.status().WithContext("parameter $" + split->first));
      return kExitUsage;
    }
    params.Assign(split->first, std::move(value).value());
  }

  const auto start = std::chrono::steady_clock::now();
  auto result = (*db)->Run(query, params);
  if (!result.ok()) {
    err << "smith query: " << result.status().ToString() << "\n";
    return kExitFailure;
  }
  auto printed = PrintResult(**result, format, out);
  if (!printed.ok()) {
    err << "smith query: " << printed.status().ToString() << "\n";
    return kExitFailure;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!printed->summary.plan.empty() && format == OutputFormat::kTable) {
    out << printed->summary.plan;
    if (printed->summary.plan.back() != '\n') out << "\n";
  }
  // A table ends with the status line (rows, effects, time) as in the shell; machine formats
  // keep stdout parseable and print it to stderr only with --stats.
  if (format == OutputFormat::kTable) {
    out << DescribeOutcome(*printed, seconds) << "\n";
  } else if (parsed->HasFlag("stats")) {
    err << DescribeOutcome(*printed, seconds) << "\n";
  }
  return kExitOk;
}

}  // namespace smith::cli
