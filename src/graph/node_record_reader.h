// NodeRecordReader: node records by id, fast when the ids ascend in small steps.
//
// A label scan yields node ids in ascending order, and a query that reads a property of every
// scanned node would otherwise pay one point lookup (GetNode) per node: a bloom probe, an index
// search and a block-cache lookup in every level. Node records are stored in id order too, so
// after a few ascending reads this reader switches to one iterator over the node family and
// steps it forward, which costs a pointer step per record inside a block. Any other access
// pattern (descending, large gaps, random ids) falls back to GetNode, so it is never much worse
// than point lookups. The sequential reads go through a NodeWalker (one hash group of the node
// family's memtable at a time, docs/adr/0009).
//
// Reads the view of the GraphReader it was made from; only for readers without pending writes
// (a writer's records change under it). Borrows the reader: destroy it first.
// Thread safety: one thread at a time.
#ifndef SMITH_GRAPH_NODE_RECORD_READER_H_
#define SMITH_GRAPH_NODE_RECORD_READER_H_

#include <cstdint>
#include <memory>

#include "common/result.h"
#include "graph/ids.h"
#include "graph/record.h"

namespace smith::graph {

class GraphReader;
class NodeWalker;

class NodeRecordReader {
 public:
  // `walker` walks the node family of `reader`'s view; not yet positioned.
  NodeRecordReader(GraphReader& reader, std::unique_ptr<NodeWalker> walker);
  ~NodeRecordReader();
  NodeRecordReader(const NodeRecordReader&) = delete;
  NodeRecordReader& operator=(const NodeRecordReader&) = delete;

  // As GraphReader::GetNode: true and `*out` filled when the node exists.
  Result<bool> Read(NodeId id, NodeRecord* out);

 private:
  // Ascending reads in a row (each at most kMaxStep above the previous) before the walker is
  // used; a read that breaks the pattern resets the count.
  static constexpr int kWarmUpReads = 8;
  static constexpr uint64_t kMaxStep = 64;
  // Next() calls tried before a forward Seek.
  static constexpr int kMaxSteps = 16;

  Result<bool> ReadFromWalker(NodeId id, NodeRecord* out);

  GraphReader& reader_;
  std::unique_ptr<NodeWalker> walker_;
  bool positioned_ = false;  // walker_ has been sought at least once
  NodeId last_id_ = 0;
  int ascending_ = 0;  // length of the current run of small ascending steps
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_NODE_RECORD_READER_H_
