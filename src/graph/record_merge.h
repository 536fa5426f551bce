// RocksDB merge functions for the node and rel families: they fold RecordPatch operands into
// the base record (see record.h). Deterministic and stateless, hence thread-safe.
#ifndef SMITH_GRAPH_RECORD_MERGE_H_
#define SMITH_GRAPH_RECORD_MERGE_H_

#include <memory>

#include "storage/engine.h"

namespace smith::graph {

// For the node family; a patch without a base record yields a node built from the patch.
std::shared_ptr<const storage::MergeFunction> NewNodeMergeFunction();
// For the rel family; a patch without a base record is corruption (a relationship's type and
// endpoints cannot come from a patch).
std::shared_ptr<const storage::MergeFunction> NewRelMergeFunction();

}  // namespace smith::graph

#endif  // SMITH_GRAPH_RECORD_MERGE_H_
