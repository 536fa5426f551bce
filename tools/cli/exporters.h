// The three export formats of `smith export` (docs/cli.md, "Export formats", is the contract that
// `smith import` reads back).
#ifndef SMITH_TOOLS_CLI_EXPORTERS_H_
#define SMITH_TOOLS_CLI_EXPORTERS_H_

#include <cstdint>
#include <iosfwd>
#include <string>

#include "common/status.h"

namespace smith::cli {

class GraphDump;

struct ExportStats {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t schema_objects = 0;
  uint64_t files = 0;
};

// JSON lines to `out`.
Status ExportJsonl(GraphDump& dump, std::ostream& out, ExportStats* stats);
// A Cypher script to `out`. NotSupported (naming the element) for byte-array properties.
Status ExportCypher(GraphDump& dump, std::ostream& out, ExportStats* stats);
// Neo4j bulk-import CSV files, schema.cypher and neo4j-admin-import.sh into the existing
// directory `dir`. NotSupported (naming the element) for values the format cannot hold.
Status ExportCsv(GraphDump& dump, const std::string& dir, ExportStats* stats);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_EXPORTERS_H_
