// Graph: an open smith database as a labeled property graph. Entry point of the graph layer.
//
// A Graph owns the storage Engine, the token dictionary, the schema catalog and the writer's
// in-memory state. Work happens in transactions:
//   - GraphReader (BeginRead): a consistent snapshot; any number at once, from any threads.
//   - GraphWriter (BeginWrite): the single writer. Sees its own writes. Commit() makes all of
//     them durable and visible atomically; Rollback() (or destroying it uncommitted) leaves no
//     trace. BeginWrite blocks while another writer is active.
//
// Lifetime: every reader and writer must be destroyed before the Graph.
// Thread safety: Graph's methods are thread-safe. A reader or writer object is used by one
// thread at a time.
#ifndef SMITH_GRAPH_GRAPH_H_
#define SMITH_GRAPH_GRAPH_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/result.h"
#include "graph/catalog.h"
#include "graph/ids.h"
#include "graph/token_dictionary.h"
#include "graph/writer_state.h"

namespace smith::storage {
class Engine;
}

namespace smith::graph {

class GraphReader;
class GraphWriter;

struct GraphOptions {
  // Create the database directory if it does not exist. Default: true.
  bool create_if_missing = true;
  // fsync the write-ahead log at every commit. Default: true. With false a killed process still
  // loses nothing that was acknowledged; a power loss may lose the last commits.
  bool sync_commit = true;
  // RocksDB block cache size in bytes; 0 keeps the storage layer's default.
  size_t block_cache_bytes = 0;
};

class Graph {
 public:
  // Opens (or creates) the database in directory `path`. Errors: see storage::Engine::Open
  // (kLocked, kIncompatibleFormat, kIOError) and kCorruption for damaged metadata.
  static Result<std::unique_ptr<Graph>> Open(const std::string& path, const GraphOptions& options);

  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;
  ~Graph();

  std::unique_ptr<GraphReader> BeginRead();
  // Waits for the writer slot.
  std::unique_ptr<GraphWriter> BeginWrite();

  const std::string& path() const;
  const TokenDictionary& tokens() const { return tokens_; }
  std::shared_ptr<const CatalogSnapshot> catalog() const { return catalog_.Current(); }
  storage::Engine& engine() { return *engine_; }

 private:
  friend class GraphWriter;
  Graph() = default;
  Status LoadMetadata();

  std::unique_ptr<storage::Engine> engine_;
  TokenDictionary tokens_;
  Catalog catalog_;

  // Held by the active GraphWriter from BeginWrite until its state is applied (or dropped) at
  // Commit/Rollback. The storage layer's writer slot is released inside the storage commit,
  // before the writer state below is updated, so it alone cannot protect that state.
  std::mutex writer_mutex_;

  // Writer state: touched only by the GraphWriter that holds writer_mutex_.
  NodeId next_node_id_ = 0;
  RelId next_rel_id_ = 0;
  SchemaId next_schema_id_ = 0;
  std::unordered_map<SchemaId, KeyIndexCache> key_caches_;
  std::optional<NodeLabelTable> label_table_;  // built on first use
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_GRAPH_H_
