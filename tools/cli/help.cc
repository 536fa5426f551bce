// Help texts of `smith help [COMMAND]`, `smith COMMAND --help` and usage errors.
#include <ostream>

#include "commands.h"

namespace smith::cli {

namespace {

struct CommandHelp {
  const char* name;
  const char* synopsis;
  const char* summary;
  const char* details;
};

constexpr CommandHelp kCommands[] = {
    {"shell", "smith shell [PATH]", "interactive Cypher shell (reads a script from a pipe)",
     "Opens the database at PATH (default: .smith/graph under the current directory; created if\n"
     "missing) and reads Cypher statements ending with ';'. On a terminal: line editing, history\n"
     "in $SMITH_HISTORY or ~/.smith_history, results as tables with row count and time, and meta\n"
     "commands (:help, :schema, :param name => value, :params, :source FILE, :begin, :commit,\n"
     ":rollback, :quit). From a pipe or file (smith shell DB < script.cypher) it runs the\n"
     "statements in order, prints their results, and stops with exit status 1 at the first\n"
     "error (reported with its line number).\n"},
    {"query",
     "smith query PATH \"CYPHER\" [--param name=value ...] [--format table|csv|json|jsonl]",
     "run one statement and print its result",
     "Runs one Cypher statement on the database at PATH (created if missing) and prints the\n"
     "records. --param name=value sets $name; the value is read as a Cypher expression\n"
     "(42, 'text', [1, 2], {a: 1}, date('2024-01-31')) or, failing that, as JSON\n"
     "({\"a\": 1}). --format: table (default, followed by a status line), csv, json (one array)\n"
     "or jsonl (one object per line); with --stats the status line goes to stderr.\n"},
    {"import", "smith import PATH [options] FILES...", "bulk-load an export (jsonl or csv)",
     "Loads a jsonl or csv export (see `smith export`) into the database at PATH.\n"},
    {"export", "smith export PATH --format cypher|jsonl|csv [--output DIR]",
     "write the whole graph as Cypher, JSON lines or Neo4j bulk-import CSV",
     "Exports one consistent snapshot. cypher: a script that recreates the graph in smith or\n"
     "Neo4j (constraints and indexes first). jsonl: one JSON object per line (schema, nodes,\n"
     "relationships) with exact types. csv: Neo4j bulk-import files (nodes_N.csv,\n"
     "relationships_N.csv, schema.cypher, neo4j-admin-import.sh); needs --output. Without\n"
     "--output, cypher and jsonl go to standard output; with it, to DIR/graph.cypher or\n"
     "DIR/graph.jsonl. docs/cli.md describes every format byte by byte.\n"},
    {"info", "smith info PATH [--json]", "counts, schema, size and format of a database",
     "Prints the node and relationship counts per label and type, the constraints and indexes,\n"
     "the size on disk and the storage format version (--json: as one JSON object).\n"},
    {"check", "smith check PATH [--max-problems N]", "verify the database's internal consistency",
     "Checks that adjacency entries exist in both directions and match their relationships,\n"
     "that label, type, constraint and index entries match their records, and that constraints\n"
     "hold. Exit status 0 when consistent, 1 with a report (the first N problems, default 100)\n"
     "when not.\n"},
    {"backup", "smith backup PATH DEST", "write a consistent, openable copy of a database",
     "Copies the database at PATH into the new directory DEST (hard links where possible) and\n"
     "opens the copy to verify it. The database must not be open in another process.\n"},
    {"help", "smith help [COMMAND]", "show help", "Shows the commands, or one command's help.\n"},
};

const CommandHelp* Find(const std::string& name) {
  for (const CommandHelp& c : kCommands) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

}  // namespace

bool IsCommand(const std::string& name) { return Find(name) != nullptr; }

std::string Synopsis(const std::string& command) {
  const CommandHelp* c = Find(command);
  return c ? c->synopsis : "smith COMMAND [ARGS]";
}

bool PrintCommandHelp(std::ostream& out, const std::string& command) {
  const CommandHelp* c = Find(command);
  if (c == nullptr) return false;
  out << "usage: " << c->synopsis << "\n\n" << c->details;
  return true;
}

void PrintOverview(std::ostream& out) {
  out << "smith: an embedded labeled property graph database.\n\n"
         "usage: smith COMMAND [ARGS]\n\n"
         "Commands:\n";
  for (const CommandHelp& c : kCommands) {
    std::string name = c.name;
    out << "  " << name << std::string(name.size() < 8 ? 8 - name.size() : 1, ' ') << c.summary
        << "\n";
  }
  out << "\nsmith help COMMAND shows a command's options; smith --version the version.\n"
         "Databases are directories; the default for `smith shell` is .smith/graph.\n";
}

}  // namespace smith::cli
