// smith backup PATH DEST
#include <iostream>

#include "cli_util.h"
#include "commands.h"
#include "graph/graph.h"
#include "graph/storage_layout.h"
#include "graph_dump.h"
#include "storage/checkpoint.h"

namespace smith::cli {

int RunBackupCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {});
  if (!parsed.ok()) return UsageError(err, "backup", std::string(parsed.status().message()));
  if (parsed->positional.size() != 2) {
    return UsageError(err, "backup", "expected the database PATH and a new directory DEST");
  }
  const std::string& path = parsed->positional[0];
  const std::string& dest = parsed->positional[1];
  storage::StorageOptions options = graph::GraphStorageOptions();
  options.create_if_missing = false;
  Status s = storage::CreateCheckpoint(path, dest, options);
  if (!s.ok()) {
    if (s.IsNotFound()) s = Status::NotFound("no smith database at '" + path + "'");
    PrintError(err, "backup", s);
    return kExitFailure;
  }
  // Prove the copy opens, and say what it holds.
  auto copy = OpenGraph(dest);
  if (!copy.ok()) {
    PrintError(err, "backup",
               copy.status().WithContext("the backup at '" + dest + "' does not open"));
    return kExitFailure;
  }
  GraphDump dump(**copy);
  auto nodes = dump.NodeCount();
  auto rels = dump.RelCount();
  if (!nodes.ok() || !rels.ok()) {
    PrintError(err, "backup", nodes.ok() ? rels.status() : nodes.status());
    return kExitFailure;
  }
  out << "Backed up " << path << " to " << (*copy)->path() << ": " << *nodes << " nodes, " << *rels
      << " relationships.\n";
  return kExitOk;
}

}  // namespace smith::cli
