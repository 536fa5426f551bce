#include "cli_util.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "commands.h"
#include "graph/graph.h"

namespace smith::cli {

bool ParsedArgs::HasFlag(const std::string& name) const {
  return std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::optional<std::string> ParsedArgs::Option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

const std::vector<std::string>& ParsedArgs::Values(const std::string& name) const {
  static const std::vector<std::string> kNone;
  auto it = options.find(name);
  return it == options.end() ? kNone : it->second;
}

Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::vector<std::string>& value_options,
                             const std::vector<std::string>& flag_options) {
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  ParsedArgs parsed;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_done || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (contains(flag_options, name)) {
      if (value) return Status::InvalidArgument("option --" + name + " takes no value");
      parsed.flags.push_back(name);
    } else if (contains(value_options, name)) {
      if (!value) {
        if (i + 1 >= args.size())
          return Status::InvalidArgument("option --" + name + " needs a value");
        value = args[++i];
      }
      parsed.options[name].push_back(*value);
    } else {
      return Status::InvalidArgument("unknown option --" + name);
    }
  }
  return parsed;
}

namespace {

std::string Hint(StatusCode code) {
  switch (code) {
    case StatusCode::kLocked:
      return "another process has this database open (a `smith shell`, a nodestream run or an "
             "application). Close it and try again; only one process can use an embedded "
             "database at a time.";
    case StatusCode::kIncompatibleFormat:
      return "the directory is not a smith database of a format this build reads. Check the "
             "path; `smith --version` prints the supported storage format.";
    case StatusCode::kNotFound:
      return "";
    case StatusCode::kCorruption:
      return "the database is damaged; `smith check PATH` reports what is wrong, and a backup "
             "(`smith backup`) taken earlier can replace it.";
    default:
      return "";
  }
}

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path, bool create) {
  DatabaseOptions options;
  options.create_if_missing = create;
  auto db = Database::Open(path, options);
  if (!db.ok() && db.status().IsNotFound()) {
    return Status::NotFound("no smith database at '" + path + "'");
  }
  return db;
}

Result<std::unique_ptr<graph::Graph>> OpenGraph(const std::string& path) {
  graph::GraphOptions options;
  options.create_if_missing = false;
  options.sync_commit = false;  // these commands never write
  auto graph = graph::Graph::Open(path, options);
  if (!graph.ok() && graph.status().IsNotFound()) {
    return Status::NotFound("no smith database at '" + path + "'");
  }
  return graph;
}

void PrintError(std::ostream& err, const std::string& command, const Status& status) {
  err << "smith " << command << ": " << status.message() << "\n";
  std::string hint = Hint(status.code());
  if (!hint.empty()) err << "hint: " << hint << "\n";
}

int UsageError(std::ostream& err, const std::string& command, const std::string& message) {
  err << "smith " << command << ": " << message << "\n"
      << "usage: " << Synopsis(command) << "\n"
      << "Run `smith help " << command << "` for details.\n";
  return kExitUsage;
}

std::string FormatDuration(double seconds) {
  char buf[64];
  if (seconds < 1e-3) {
    std::snprintf(buf, sizeof(buf), "%.0f us", seconds * 1e6);
  } else if (seconds < 1) {
    std::snprintf(buf, sizeof(buf), "%.1f ms", seconds * 1e3);
  } else {
    std::snprintf(buf, sizeof(buf), "%.2f s", seconds);
  }
  return buf;
}

std::string FormatBytes(uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  char buf[64];
  if (unit == 0) {
    std::snprintf(buf, sizeof(buf), "%llu B", static_cast<unsigned long long>(bytes));
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f %s", value, kUnits[unit]);
  }
  return buf;
}

}  // namespace smith::cli
