#include "import/import_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "graph/bulk_import.h"
#include "import/jsonl_reader.h"
#include "import/progress_bar.h"

namespace smith::cli {

namespace {

constexpr int kOk = 0;
constexpr int kFailure = 1;
constexpr int kUsage = 2;

constexpr const char* kSynopsis =
    "smith import PATH [--nodes[=Label[:Label...]] FILE[,FILE...] ...]...\n"
    "                  [--relationships[=TYPE] FILE[,FILE...] ...]... [--jsonl FILE ...]...\n"
    "                  [--delimiter C] [--array-delimiter C] [--id-type string|integer]\n"
    "                  [--skip-bad-rows] [--report-file FILE]";

constexpr const char* kHelp =
    "Bulk-loads Neo4j bulk-import CSV files and smith jsonl exports into the database at PATH,\n"
    "which must be new or empty (it may already hold constraints and indexes, which the import\n"
    "fills and checks). Every input is read and checked before anything is written; then all\n"
    "data becomes visible at once. On any error nothing is imported.\n"
    "\n"
    "  --nodes[=L1:L2] FILES      node CSV files; every node also gets labels L1, L2\n"
    "  --relationships[=T] FILES  relationship CSV files; T is the type of rows without :TYPE\n"
    "  --jsonl FILES              smith jsonl exports (`smith export --format jsonl`)\n"
    "  FILES                      the arguments after the option up to the next option; "
    "a.csv,b.csv\n"
    "                             is one input whose header is the first line of a.csv\n"
    "  --delimiter C              field delimiter (default ','; '\\t' or TAB for tabs)\n"
    "  --array-delimiter C        array element and label delimiter (default ';')\n"
    "  --id-type string|integer   compare :ID values as text (default) or as integers\n"
    "  --skip-bad-rows            leave out rows that cannot be imported instead of failing\n"
    "  --report-file FILE         where --skip-bad-rows lists them (default import.report)\n"
    "\n"
    "CSV headers: id:ID(Space), :LABEL, :START_ID(Space), :END_ID(Space), :TYPE, :IGNORE and\n"
    "name:type with type string, int, long, short, byte, float, double, boolean, date,\n"
    "localtime, time, localdatetime, datetime, duration, optionally followed by [] (arrays).\n"
    "Node inputs are read before relationship inputs.\n";

enum class InputKind { kNodes, kRelationships, kJsonl };

struct Input {
  InputKind kind;
  graph::CsvGroup group;
};

struct Plan {
  std::string path;
  std::vector<Input> inputs;
  graph::ImportOptions options;
  std::string report_file = "import.report";
  bool help = false;
};

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t cut = text.find(sep, start);
    std::string part = text.substr(start, cut == std::string::npos ? cut : cut - start);
    if (!part.empty()) out.push_back(part);
    if (cut == std::string::npos) break;
    start = cut + 1;
  }
  return out;
}

Result<char> ParseChar(const std::string& option, const std::string& value) {
  if (value == "\\t" || value == "TAB" || value == "tab" || value == "\t") return '\t';
  if (value.size() != 1 || static_cast<unsigned char>(value[0]) >= 0x80 || value[0] == '\n' ||
      value[0] == '\r') {
    return Status::InvalidArgument(option + " takes one ASCII character (or '\\t'), not '" + value +
                                   "'");
  }
  return value[0];
}

Result<Plan> ParsePlan(const std::vector<std::string>& args) {
  Plan plan;
  std::optional<Input> open;  // the input option whose files follow
  bool open_has_files = false;
  auto close = [&]() -> Status {
    if (open && !open_has_files) {
      return Status::InvalidArgument("an input option is not followed by any file");
    }
    open.reset();
    return Status::OK();
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      plan.help = true;
      return plan;
    }
    if (!arg.starts_with("--")) {
      if (!open) {
        if (!plan.path.empty()) {
          return Status::InvalidArgument("unexpected argument '" + arg +
                                         "' (files follow --nodes, --relationships or --jsonl)");
        }
        plan.path = arg;
        continue;
      }
      Input input = *open;
      input.group.files = Split(arg, ',');
      if (input.group.files.empty()) return Status::InvalidArgument("empty file name");
      if (input.kind == InputKind::kJsonl) {
        for (const std::string& f : input.group.files) {
          Input one = input;
          one.group.files = {f};
          plan.inputs.push_back(std::move(one));
        }
      } else {
        plan.inputs.push_back(std::move(input));
      }
      open_has_files = true;
      continue;
    }
    SMITH_RETURN_IF_ERROR(close());
    std::string name = arg;
    std::optional<std::string> value;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    auto take_value = [&]() -> Result<std::string> {
      if (value) return *value;
      if (i + 1 >= args.size()) return Status::InvalidArgument(name + " needs a value");
      return args[++i];
    };
    if (name == "--nodes" || name == "--relationships" || name == "--jsonl") {
      Input input;
      input.kind = name == "--nodes"           ? InputKind::kNodes
                   : name == "--relationships" ? InputKind::kRelationships
                                               : InputKind::kJsonl;
      std::optional<std::string> files;
      if (value) {
        if (input.kind == InputKind::kJsonl) {
          files = *value;
        } else if (size_t eq = value->find('='); eq != std::string::npos) {
          files = value->substr(eq + 1);  // --nodes=Label=file.csv
          value = value->substr(0, eq);
        }
        if (input.kind == InputKind::kNodes) input.group.labels = Split(*value, ':');
        if (input.kind == InputKind::kRelationships) input.group.type = *value;
      }
      open = std::move(input);
      open_has_files = false;
      if (files) {
        Input with = *open;
        with.group.files = Split(*files, ',');
        plan.inputs.push_back(std::move(with));
        open_has_files = true;
      }
    } else if (name == "--delimiter" || name == "--array-delimiter") {
      SMITH_ASSIGN_OR_RETURN(std::string v, take_value());
      SMITH_ASSIGN_OR_RETURN(char c, ParseChar(name, v));
      (name == "--delimiter" ? plan.options.dialect.delimiter
                             : plan.options.dialect.array_delimiter) = c;
    } else if (name == "--id-type") {
      SMITH_ASSIGN_OR_RETURN(std::string v, take_value());
      if (v == "string" || v == "STRING") {
        plan.options.id_type = graph::ImportOptions::IdType::kString;
      } else if (v == "integer" || v == "INTEGER") {
        plan.options.id_type = graph::ImportOptions::IdType::kInteger;
      } else {
        return Status::InvalidArgument("--id-type is string or integer, not '" + v + "'");
      }
    } else if (name == "--skip-bad-rows") {
      if (value) return Status::InvalidArgument("--skip-bad-rows takes no value");
      plan.options.skip_bad_rows = true;
    } else if (name == "--report-file") {
      SMITH_ASSIGN_OR_RETURN(plan.report_file, take_value());
    } else {
      return Status::InvalidArgument("unknown option " + name);
    }
  }
  SMITH_RETURN_IF_ERROR(close());
  if (plan.path.empty()) return Status::InvalidArgument("missing the database PATH");
  if (plan.inputs.empty()) {
    return Status::InvalidArgument("nothing to import: give --nodes, --relationships or --jsonl");
  }
  const auto& d = plan.options.dialect;
  if (d.delimiter == d.array_delimiter || d.delimiter == d.quote || d.array_delimiter == d.quote) {
    return Status::InvalidArgument("the delimiter, array delimiter and quote must differ");
  }
  return plan;
}

uint64_t TotalBytes(const Plan& plan) {
  uint64_t total = 0;
  for (const Input& input : plan.inputs) {
    for (const std::string& f : input.group.files) {
      std::error_code ec;
      uint64_t size = std::filesystem::file_size(f, ec);
      if (!ec) total += input.kind == InputKind::kJsonl ? 2 * size : size;
    }
  }
  return total;
}

std::string Rate(uint64_t count, double seconds) {
  if (count == 0 || seconds <= 0) return "";
  return ", " + Compact(static_cast<double>(count) / seconds) + "/s";
}

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), s < 10 ? "%.2f s" : "%.1f s", s);
  return buf;
}

}  // namespace

int RunImportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Result<Plan> parsed = ParsePlan(args);
  if (!parsed.ok()) {
    err << "smith import: " << parsed.status().message() << "\nusage: " << kSynopsis << "\n";
    return kUsage;
  }
  Plan& plan = *parsed;
  if (plan.help) {
    out << "usage: " << kSynopsis << "\n\n" << kHelp;
    return kOk;
  }
  const auto started = std::chrono::steady_clock::now();
  const bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
  ProgressBar bar(err, terminal);
  const uint64_t total_bytes = TotalBytes(plan);

  std::ofstream report;
  uint64_t reported = 0;
  if (plan.options.skip_bad_rows) {
    report.open(plan.report_file, std::ios::trunc);
    if (!report) {
      err << "smith import: cannot write the report file '" << plan.report_file << "'\n";
      return kFailure;
    }
    plan.options.report = [&](std::string_view line) {
      report << line << '\n';
      ++reported;
    };
  }
  plan.options.progress = [&](const graph::ImportProgress& p) {
    bar.Update("reading", p.bytes_read, total_bytes,
               WithThousands(p.nodes) + " nodes  " + WithThousands(p.relationships) + " rels" +
                   (p.bad_rows ? "  " + WithThousands(p.bad_rows) + " bad" : ""),
               p.nodes + p.relationships, "rows");
  };

  // A database directory this command creates is removed again when the import fails.
  std::error_code ec;
  const bool existed = std::filesystem::exists(plan.path, ec);
  auto fail = [&](const Status& status, bool row) {
    bar.Clear();
    err << "smith import: " << status.message() << "\n";
    err << "smith import: nothing was imported";
    err << (existed ? " (the database is unchanged)" : " (no database was created)");
    if (row) err << "; --skip-bad-rows leaves such rows out and lists them in a report file";
    err << "\n";
    return kFailure;
  };
  struct RemoveOnFailure {
    const std::string& path;
    bool armed;
    ~RemoveOnFailure() {
      std::error_code ignored;
      if (armed) std::filesystem::remove_all(path, ignored);
    }
  } cleanup{plan.path, !existed};

  Result<std::unique_ptr<graph::BulkImporter>> opened =
      graph::BulkImporter::Open(plan.path, plan.options);
  if (!opened.ok()) {
    cleanup.armed = !existed && opened.status().code() != StatusCode::kLocked;
    return fail(opened.status(), false);
  }
  graph::BulkImporter& importer = **opened;

  for (bool relationships : {false, true}) {
    for (const Input& input : plan.inputs) {
      Status s;
      if (input.kind == InputKind::kJsonl) {
        s = ImportJsonl(input.group.files[0],
                        relationships ? JsonlPass::kRelationships : JsonlPass::kSchemaAndNodes,
                        importer);
      } else if (relationships == (input.kind == InputKind::kRelationships)) {
        s = relationships ? importer.ImportRelationshipsCsv(input.group)
                          : importer.ImportNodesCsv(input.group);
      }
      if (!s.ok()) return fail(s, importer.failed_on_row());
    }
  }
  const graph::BulkLoadStats read = importer.loader().stats();
  Result<graph::ImportSummary> summary =
      importer.Commit([&](std::string_view phase, uint64_t done, uint64_t total) {
        bar.Update(phase, done, total, "", phase == "writing" ? done : 0, "entries");
      });
  if (!summary.ok()) {
    // Destroying the importer first releases nothing on disk; only the loader's temporary files.
    return fail(summary.status(), false);
  }
  cleanup.armed = false;
  bar.Clear();
  if (report.is_open()) report.close();
  const double total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const graph::ImportSummary& sum = *summary;
  out << "Imported " << WithThousands(sum.stats.nodes) << " nodes, "
      << WithThousands(sum.stats.relationships) << " relationship"
      << (sum.stats.relationships == 1 ? "" : "s") << " and " << WithThousands(sum.stats.properties)
      << " propert" << (sum.stats.properties == 1 ? "y" : "ies") << " into "
      << importer.loader().path() << " in " << Seconds(total_seconds) << "\n";
  out << "  reading nodes " << Seconds(sum.node_seconds) << Rate(read.nodes, sum.node_seconds)
      << "; reading relationships " << Seconds(sum.relationship_seconds)
      << Rate(read.relationships, sum.relationship_seconds) << "; writing "
      << Seconds(sum.commit_seconds) << "\n";
  if (plan.options.skip_bad_rows) {
    out << "  " << WithThousands(sum.bad_rows) << " bad row" << (sum.bad_rows == 1 ? "" : "s")
        << " skipped" << (sum.bad_rows ? ", listed in " + plan.report_file : std::string()) << "\n";
  }
  return kOk;
}

}  // namespace smith::cli
