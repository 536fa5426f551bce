// smith: the command-line tool. Dispatches to the subcommands of commands.h.
#include <iostream>
#include <string>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "storage/format.h"

#ifdef SMITH_CLI_HAVE_IMPORT
#include "import/import_command.h"
#endif

namespace smith::cli {
namespace {

int RunImport(const Args& args, std::ostream& out, std::ostream& err) {
#ifdef SMITH_CLI_HAVE_IMPORT
  return RunImportCommand(args, out, err);
#else
  (void)args;
  (void)out;
  err << "smith import: not built (this build has no tools/cli/import)\n";
  return kExitFailure;
#endif
}

int Dispatch(const std::vector<std::string>& argv) {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  if (argv.empty()) {
    PrintOverview(err);
    return kExitUsage;
  }
  const std::string& command = argv[0];
  const Args args(argv.begin() + 1, argv.end());
  if (command == "--version" || command == "-V" || command == "version") {
    out << "smith " << SMITH_VERSION_STRING << " (storage format " << storage::kFormatVersion
        << ")\n";
    return kExitOk;
  }
  if (command == "--help" || command == "-h" || command == "help") {
    if (args.empty()) {
      PrintOverview(out);
      return kExitOk;
    }
    // The import command documents its own options (they are many).
    if (args[0] == "import") return RunImport({"--help"}, out, err);
    if (!PrintCommandHelp(out, args[0])) {
      err << "smith help: unknown command '" << args[0] << "'\n";
      return kExitUsage;
    }
    return kExitOk;
  }
  if (!IsCommand(command)) {
    err << "smith: unknown command '" << command << "'\n\n";
    PrintOverview(err);
    return kExitUsage;
  }
  for (const std::string& a : args) {
    if (command == "import") break;  // handles --help itself
    if (a == "--help" || a == "-h") {
      PrintCommandHelp(out, command);
      return kExitOk;
    }
    if (a == "--") break;
  }
  if (command == "shell") return RunShellCommand(args, out, err);
  if (command == "query") return RunQueryCommand(args, out, err);
  if (command == "import") return RunImport(args, out, err);
  if (command == "export") return RunExportCommand(args, out, err);
  if (command == "info") return RunInfoCommand(args, out, err);
  if (command == "check") return RunCheckCommand(args, out, err);
  if (command == "backup") return RunBackupCommand(args, out, err);
  return kExitUsage;
}

}  // namespace
}  // namespace smith::cli

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const int code = smith::cli::Dispatch(args);
  std::cout.flush();
  return code;
}
