// GraphDump: one consistent snapshot of a database as names and values, for the exporters and
// `smith info`. Reads through the graph layer (no Cypher), so every property keeps its exact type.
//
// Lifetime: borrows the Graph; destroy before it. Thread safety: one thread.
#ifndef SMITH_TOOLS_CLI_GRAPH_DUMP_H_
#define SMITH_TOOLS_CLI_GRAPH_DUMP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/value.h"

namespace smith::graph {
class Graph;
class GraphReader;
}  // namespace smith::graph

namespace smith::cli {

using NamedProperties = std::vector<std::pair<std::string, Value>>;  // sorted by name

struct DumpNode {
  uint64_t id = 0;
  std::vector<std::string> labels;  // sorted by name
  NamedProperties properties;
};

struct DumpRel {
  uint64_t id = 0;
  std::string type;
  uint64_t start = 0;
  uint64_t end = 0;
  NamedProperties properties;
};

struct DumpSchemaObject {
  enum class Kind { kUnique, kKey, kIndex };
  Kind kind = Kind::kIndex;
  bool on_nodes = true;
  std::string name;
  std::string token;                    // label or relationship type
  std::vector<std::string> properties;  // declaration order
};

class GraphDump {
 public:
  explicit GraphDump(graph::Graph& graph);
  ~GraphDump();

  // Constraints first (by name), then indexes (by name).
  std::vector<DumpSchemaObject> Schema() const;
  // Every node / relationship in ascending id order; stops at the first error `fn` returns.
  Status ForEachNode(const std::function<Status(const DumpNode&)>& fn);
  Status ForEachRel(const std::function<Status(const DumpRel&)>& fn);

  // Labels and relationship types that have at least one element, with their counts, by name.
  Result<std::vector<std::pair<std::string, uint64_t>>> LabelCounts();
  Result<std::vector<std::pair<std::string, uint64_t>>> TypeCounts();
  Result<uint64_t> NodeCount();
  Result<uint64_t> RelCount();

 private:
  graph::Graph& graph_;
  std::unique_ptr<graph::GraphReader> reader_;
};

// "CREATE CONSTRAINT `name` IF NOT EXISTS FOR (n:`L`) REQUIRE (n.`a`) IS UNIQUE" and the like:
// the statement that recreates `object` in smith and Neo4j 5 (without the trailing ';').
std::string SchemaStatement(const DumpSchemaObject& object);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_GRAPH_DUMP_H_
