// GraphReader: read operations on one consistent view of the graph.
//
// A reader created by Graph::BeginRead() sees the snapshot taken when it began. GraphWriter
// derives from GraphReader; through it the same operations see the writer's own pending writes.
//
// Cursors returned by a reader borrow it: destroy them before the reader. Cursor errors (I/O,
// corruption) end the iteration; check status() afterwards.
#ifndef SMITH_GRAPH_GRAPH_READER_H_
#define SMITH_GRAPH_GRAPH_READER_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/value.h"
#include "graph/catalog.h"
#include "graph/ids.h"
#include "graph/keys.h"
#include "graph/record.h"

namespace smith::storage {
class ReadView;
class Iterator;
}  // namespace smith::storage

namespace smith::graph {

class Graph;
class NodeRecordReader;
class NodeWalker;

// Ids of nodes or relationships, in ascending id order unless stated otherwise.
class IdCursor {
 public:
  virtual ~IdCursor() = default;
  // Advances; false at the end or on error.
  virtual bool Next(uint64_t* id) = 0;
  virtual Status status() const = 0;
};

// Relationship records in id order, read along with their keys.
class RelRecordCursor {
 public:
  virtual ~RelRecordCursor() = default;
  // Advances; false at the end or on error. On true, `*id` and `*record` (overwritten whole) hold
  // the next relationship.
  virtual bool Next(RelId* id, RelRecord* record) = 0;
  virtual Status status() const = 0;
};

// Adjacency entries of one node, ordered by (direction, type, other node, relationship).
class AdjCursor {
 public:
  virtual ~AdjCursor() = default;
  virtual bool Next(keys::AdjEntry* entry) = 0;
  virtual Status status() const = 0;
};

// One end of an index range; nullopt bound = unbounded.
struct IndexBound {
  Value value;
  bool inclusive = true;
};

// Snapshot iterators over the adjacency family left by finished cursors, rebound by the next
// cursor instead of creating a RocksDB iterator (over every memtable and file of the family) per
// Expand: a relationship MERGE expands once per row, a 2-hop query or a scan of all relationships
// once per node it meets. A reader's snapshot never changes; a writer resets the pool whenever
// its snapshot does (each commit, chunk or rollback). Reset too when the reader is destroyed: a
// cursor still open then drops its iterator instead of returning it. Shared with the cursors, so
// that a writer's cursor destroyed after its writer stays safe (a plain reader's cursors must
// still be destroyed first, see above). Thread safety: that of its reader.
struct AdjIteratorPool {
  AdjIteratorPool();
  ~AdjIteratorPool();
  void Reset();
  // A pooled iterator rebound to [lower, upper), or null when the pool has none. An iterator that
  // cannot take these bounds (the other prefix mode) is dropped, not kept: the pool never holds
  // more iterators than cursors were open at once.
  std::unique_ptr<storage::Iterator> Take(std::string_view lower, std::string_view upper);
  // Keeps `it` for the next cursor, unless the pool was reset since `taken_generation` (the
  // pool's generation when the cursor took it) or `it` failed.
  void Give(std::unique_ptr<storage::Iterator> it, uint64_t taken_generation);

  std::vector<std::unique_ptr<storage::Iterator>> free;
  uint64_t generation = 0;
};

class GraphReader {
 public:
  // Created by Graph::BeginRead (and by GraphWriter for its own view); takes ownership of `view`.
  GraphReader(Graph& graph, std::unique_ptr<storage::ReadView> view);
  GraphReader(const GraphReader&) = delete;
  GraphReader& operator=(const GraphReader&) = delete;
  virtual ~GraphReader();

  Graph& graph() const { return graph_; }
  const CatalogSnapshot& catalog() const { return *catalog_; }

  // true and `*out` filled when the node exists.
  Result<bool> GetNode(NodeId id, NodeRecord* out);
  Result<bool> GetRel(RelId id, RelRecord* out);

  std::unique_ptr<IdCursor> ScanAllNodes();
  // The node records of this view in id order (see node_walker.h), including a writer's records
  // of nodes it created.
  std::unique_ptr<NodeWalker> NewNodeWalker();
  // For reading the records of scanned nodes (see node_record_reader.h). Not for writers.
  std::unique_ptr<NodeRecordReader> NewNodeRecordReader();
  std::unique_ptr<IdCursor> ScanLabel(TokenId label);
  std::unique_ptr<IdCursor> ScanAllRels();
  // The records of ScanAllRels in one pass (no lookup per relationship).
  std::unique_ptr<RelRecordCursor> ScanAllRelRecords();
  std::unique_ptr<IdCursor> ScanRelType(TokenId type);

  // Adjacency of `node`, optionally restricted to one direction, one type and one other node.
  // An undirected expansion passes no direction and sees self-loops twice (once per direction).
  std::unique_ptr<AdjCursor> Expand(NodeId node, std::optional<Direction> dir = std::nullopt,
                                    std::optional<TokenId> type = std::nullopt,
                                    std::optional<NodeId> other = std::nullopt);

  // The element holding `key` (values in the constraint's property order) under a uniqueness or
  // node-key constraint, if any.
  Result<std::optional<uint64_t>> SeekUnique(const SchemaObject& constraint,
                                             std::span<const Value> key);

  // Elements whose indexed values equal `key` (all of the index's properties).
  std::unique_ptr<IdCursor> SeekIndexEqual(const SchemaObject& index, std::span<const Value> key);
  // Elements whose (single) indexed value lies between the bounds in index key order. The range
  // may include values of other types than the bounds (e.g. strings after numbers when the upper
  // bound is open), so callers keep the predicate as a filter.
  std::unique_ptr<IdCursor> SeekIndexRange(const SchemaObject& index,
                                           const std::optional<IndexBound>& lower,
                                           const std::optional<IndexBound>& upper);

  // Name lookups through the dictionary (nullopt when the token was never created).
  std::optional<TokenId> FindToken(TokenKind kind, std::string_view name) const;
  std::string_view TokenName(TokenKind kind, TokenId id) const;

 protected:
  // Whether an index entry (schema id + encoded values + element id) still describes the element.
  // Entries are maintained lazily (docs/adr/0006): a stale entry is skipped, and a writer deletes
  // it (OnStaleIndexEntry).
  Result<bool> IndexEntryIsLive(const SchemaObject& index, std::string_view entry_key,
                                uint64_t element);
  virtual void OnStaleIndexEntry(std::string_view /*entry_key*/) {}
  // A writer keeps the records of the elements it created in memory until it commits (see
  // GraphWriter::unwritten_nodes_); GetNode/GetRel consult these first. A plain reader has none.
  virtual const NodeRecord* UnwrittenNode(NodeId /*id*/) const { return nullptr; }
  virtual const RelRecord* UnwrittenRel(RelId /*id*/) const { return nullptr; }
  // Called before a scan of the node or relationship records themselves; a writer then moves its
  // unwritten records into its transaction so that the scan sees them.
  virtual void BeforeRecordScan() {}
  // Every node id of this view is below it: the view's node id counter (a writer's includes the
  // ids it allocated).
  virtual Result<NodeId> NodeIdBound();
  // A cursor over the adjacency entries whose keys start with `prefix`. A writer overrides it to
  // add its own pending entries without indexing all of its pending writes.
  virtual std::unique_ptr<AdjCursor> NewAdjCursor(const std::string& prefix);

  Graph& graph_;
  std::unique_ptr<storage::ReadView> view_;
  std::shared_ptr<AdjIteratorPool> adj_iterators_;  // never null
  // The catalog this view reads by; a writer replaces it when it changes the schema.
  std::shared_ptr<const CatalogSnapshot> catalog_;

 private:
  class IndexCursor;
  std::unique_ptr<IdCursor> NewIndexCursor(const SchemaObject& index, std::string lower,
                                           std::string upper);
};

// Encodes the values of the object's properties found in `props` as the object's key tuple
// (canonical for constraints, lossless for indexes); false if any is missing or null.
bool EncodeSchemaTuple(const SchemaObject& object, const PropertyList& props, std::string* out);

}  // namespace smith::graph

#endif  // SMITH_GRAPH_GRAPH_READER_H_
