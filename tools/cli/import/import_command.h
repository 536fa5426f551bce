// `smith import`: bulk-loads Neo4j bulk-import CSV files and smith jsonl exports into a new or
// empty database (docs/cli.md, section "Import", has the full reference).
//
//   smith import PATH [--nodes[=Label[:Label...]] FILE[,FILE...] ...]...
//                     [--relationships[=TYPE] FILE[,FILE...] ...]... [--jsonl FILE ...]...
//                     [--delimiter C] [--array-delimiter C] [--id-type string|integer]
//                     [--skip-bad-rows] [--report-file FILE]
#ifndef SMITH_TOOLS_CLI_IMPORT_IMPORT_COMMAND_H_
#define SMITH_TOOLS_CLI_IMPORT_IMPORT_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace smith::cli {

// `args` are the arguments after `import`. Writes the summary to `out`, the progress bar (when
// `err` is the terminal's stderr) and errors to `err`. Returns 0 on success, 1 when the import
// failed (nothing was imported), 2 for a usage error.
int RunImportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_IMPORT_IMPORT_COMMAND_H_
