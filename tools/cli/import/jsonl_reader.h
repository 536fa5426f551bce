// Reading `smith export --format jsonl` files (docs/cli.md, "Export formats") into a
// BulkImporter.
//
// A file is read twice: the first pass takes the header, constraint, index and node lines, the
// second the relationship lines, so that relationships may refer to nodes that come later in the
// file (and, with several inputs, all nodes exist before the first relationship). Node ids form
// one ID space per file. Lines with an unknown "type" or malformed members are row errors (see
// BulkImporter); a bad header, invalid JSON schema lines or an unsupported version end the
// import.
#ifndef SMITH_TOOLS_CLI_IMPORT_JSONL_READER_H_
#define SMITH_TOOLS_CLI_IMPORT_JSONL_READER_H_

#include <string>

#include "common/status.h"
#include "graph/bulk_import.h"

namespace smith::cli {

enum class JsonlPass { kSchemaAndNodes, kRelationships };

// Reads one pass of the jsonl file `path` into `importer`.
Status ImportJsonl(const std::string& path, JsonlPass pass, graph::BulkImporter& importer);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_IMPORT_JSONL_READER_H_
