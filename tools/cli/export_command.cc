// smith export PATH --format cypher|jsonl|csv [--output DIR]
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_util.h"
#include "commands.h"
#include "exporters.h"
#include "graph/graph.h"
#include "graph_dump.h"

namespace smith::cli {

int RunExportCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"format", "output"}, {});
  if (!parsed.ok()) return UsageError(err, "export", std::string(parsed.status().message()));
  if (parsed->positional.size() != 1)
    return UsageError(err, "export", "expected one database PATH");
  const std::optional<std::string> format = parsed->Option("format");
  if (!format) return UsageError(err, "export", "--format is required (cypher, jsonl or csv)");
  if (*format != "cypher" && *format != "jsonl" && *format != "csv") {
    return UsageError(err, "export", "unknown format '" + *format + "' (cypher, jsonl or csv)");
  }
  const std::optional<std::string> dir = parsed->Option("output");
  if (*format == "csv" && !dir) {
    return UsageError(err, "export", "--format csv writes several files: give --output DIR");
  }

  auto graph = OpenGraph(parsed->positional[0]);
  if (!graph.ok()) {
    PrintError(err, "export", graph.status());
    return kExitFailure;
  }
  if (dir) {
    std::error_code ec;
    std::filesystem::create_directories(*dir, ec);
    if (ec) {
      PrintError(err, "export", Status::IOError("cannot create '" + *dir + "': " + ec.message()));
      return kExitFailure;
    }
  }

  GraphDump dump(**graph);
  ExportStats stats;
  Status status;
  std::string target = "standard output";
  if (*format == "csv") {
    status = ExportCsv(dump, *dir, &stats);
    target = *dir;
  } else {
    std::ofstream file;
    std::ostream* sink = &out;
    if (dir) {
      target = (std::filesystem::path(*dir) / ("graph." + *format)).string();
      file.open(target, std::ios::binary | std::ios::trunc);
      if (!file) status = Status::IOError("cannot write '" + target + "'");
      sink = &file;
    }
    if (status.ok()) {
      status =
          *format == "jsonl" ? ExportJsonl(dump, *sink, &stats) : ExportCypher(dump, *sink, &stats);
    }
    if (status.ok()) {
      sink->flush();
      if (!*sink) status = Status::IOError("cannot write " + target);
    }
  }
  if (!status.ok()) {
    PrintError(err, "export", status);
    return kExitFailure;
  }
  // The summary goes to stderr so that `smith export ... > file` captures only the export.
  err << "Exported " << stats.nodes << " nodes, " << stats.relationships << " relationships and "
      << stats.schema_objects << " constraints and indexes to " << target << ".\n";
  return kExitOk;
}

}  // namespace smith::cli
