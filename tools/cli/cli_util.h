// Shared plumbing of the `smith` commands: argument parsing, opening a database with messages a
// person can act on, and error reporting.
//
// Every command is a function `int Run...Command(args, out, err)` (commands.h) that writes
// results to `out`, diagnostics to `err`, and returns the process exit code: 0 success, 1 a
// failure of the operation (a query error, an inconsistent database), 2 a usage error.
#ifndef SMITH_TOOLS_CLI_CLI_UTIL_H_
#define SMITH_TOOLS_CLI_CLI_UTIL_H_

#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "smith/database.h"

namespace smith::graph {
class Graph;
}

namespace smith::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The database a command uses when no PATH is given: `.smith/graph` under the working directory
// (the nodestream connector's default).
inline constexpr const char* kDefaultDatabasePath = ".smith/graph";

// Command-line arguments split into positionals and options. Options are `--name value`,
// `--name=value` or (for names listed as flags) `--name`; a repeated option keeps every value.
// `--` ends option parsing.
struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> options;
  std::vector<std::string> flags;

  bool HasFlag(const std::string& name) const;
  // The last value of `name`, if given.
  std::optional<std::string> Option(const std::string& name) const;
  const std::vector<std::string>& Values(const std::string& name) const;
};

// Parses `args` (without the command name). `value_options` take a value, `flag_options` do not;
// anything else starting with `--` is a usage error (returned as InvalidArgument naming it).
Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                             const std::vector<std::string>& value_options,
                             const std::vector<std::string>& flag_options);

// Opens the database for a command. With `create` false a missing database is an error
// ("no smith database at ..."). Locked, incompatible and I/O errors get a hint on what to do.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& path, bool create);
// Opens the graph layer directly (read-only use by info, check and export); never creates.
Result<std::unique_ptr<graph::Graph>> OpenGraph(const std::string& path);

// Prints "smith <command>: <message>" (and the hint for the status code) to `err`.
void PrintError(std::ostream& err, const std::string& command, const Status& status);
// Prints a usage error and the command's synopsis; returns kExitUsage.
int UsageError(std::ostream& err, const std::string& command, const std::string& message);

// "12 ms", "1.3 s": a human-readable duration.
std::string FormatDuration(double seconds);
// "1.2 MiB": a human-readable byte count.
std::string FormatBytes(uint64_t bytes);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_CLI_UTIL_H_
