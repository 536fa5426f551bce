// The `smith` subcommands. Each takes its arguments (without the command name), writes results
// to `out` and diagnostics to `err`, and returns the exit code (cli_util.h). The shell also
// reads standard input.
#ifndef SMITH_TOOLS_CLI_COMMANDS_H_
#define SMITH_TOOLS_CLI_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace smith::cli {

using Args = std::vector<std::string>;

int RunShellCommand(const Args& args, std::ostream& out, std::ostream& err);
int RunQueryCommand(const Args& args, std::ostream& out, std::ostream& err);
int RunExportCommand(const Args& args, std::ostream& out, std::ostream& err);
int RunInfoCommand(const Args& args, std::ostream& out, std::ostream& err);
int RunCheckCommand(const Args& args, std::ostream& out, std::ostream& err);
int RunBackupCommand(const Args& args, std::ostream& out, std::ostream& err);

// Help texts (help.cc). Commands are "shell", "query", "import", "export", "info", "check",
// "backup", "help".
bool IsCommand(const std::string& name);
// The one-line synopsis of `command` ("smith query PATH \"CYPHER\" [options]").
std::string Synopsis(const std::string& command);
// The full help of `command`; false when there is no such command.
bool PrintCommandHelp(std::ostream& out, const std::string& command);
void PrintOverview(std::ostream& out);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_COMMANDS_H_
