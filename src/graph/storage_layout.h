// How the graph layer lays its data out on the storage engine: the storage options every opener
// of a graph database uses (Graph::Open, the bulk loader, smith backup), so that files written
// by any of them are filtered and merged alike.
#ifndef SMITH_GRAPH_STORAGE_LAYOUT_H_
#define SMITH_GRAPH_STORAGE_LAYOUT_H_

#include "storage/storage_options.h"

namespace smith::graph {

// Storage options with the graph's merge functions (node and relationship record patches),
// memtable insert hints and hashed memtables set; the caller adds what the user chose
// (create_if_missing, sync_commit, cache size).
storage::StorageOptions GraphStorageOptions();

}  // namespace smith::graph

#endif  // SMITH_GRAPH_STORAGE_LAYOUT_H_
