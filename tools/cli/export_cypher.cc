// `smith export --format cypher` (docs/cli.md, "cypher"): the APOC cypher-shell export scheme.
// Nodes get a temporary label and id property (with a uniqueness constraint, so that the
// relationship batches find their endpoints by index seek), both removed at the end.
#include <ostream>

#include "cypher_literal.h"
#include "exporters.h"
#include "graph_dump.h"

namespace smith::cli {

namespace {

constexpr size_t kBatchRows = 500;
constexpr const char* kImportLabel = "`UNIQUE IMPORT LABEL`";
constexpr const char* kImportId = "`UNIQUE IMPORT ID`";
constexpr const char* kImportConstraint = "UNIQUE_IMPORT_NAME";

Status AppendProperties(const NamedProperties& properties, const std::string& element,
                        std::string* out) {
  out->push_back('{');
  for (size_t i = 0; i < properties.size(); ++i) {
    if (i > 0) out->append(", ");
    out->append(CypherName(properties[i].first));
    out->append(": ");
    Status s = AppendCypherLiteral(properties[i].second, out);
    if (!s.ok()) {
      return Status::NotSupported("cannot export property `" + properties[i].first + "` of " +
                                  element + " as Cypher: " + std::string(s.message()) +
                                  "; use --format jsonl");
    }
  }
  out->push_back('}');
  return Status::OK();
}

// Collects rows of one kind (same label set or type) and writes them as one UNWIND statement.
class Batch {
 public:
  Batch(std::ostream& out) : out_(out) {}

  // Starts a new batch when `key` differs from the current one or the batch is full.
  void Add(const std::string& key, const std::string& tail, std::string row) {
    if (!rows_.empty() && (key != key_ || rows_.size() >= kBatchRows)) Flush();
    key_ = key;
    tail_ = tail;
    rows_.push_back(std::move(row));
  }

  void Flush() {
    if (rows_.empty()) return;
    out_ << "UNWIND [\n";
    for (size_t i = 0; i < rows_.size(); ++i)
      out_ << rows_[i] << (i + 1 < rows_.size() ? ",\n" : "\n");
    out_ << "] AS row\n" << tail_ << ";\n";
    rows_.clear();
  }

 private:
  std::ostream& out_;
  std::string key_;
  std::string tail_;
  std::vector<std::string> rows_;
};

}  // namespace

Status ExportCypher(GraphDump& dump, std::ostream& out, ExportStats* stats) {
  out << "// smith export: run in an empty database (smith shell DB < FILE, or cypher-shell -f "
         "FILE).\n";
  for (const DumpSchemaObject& o : dump.Schema()) {
    out << SchemaStatement(o) << ";\n";
    ++stats->schema_objects;
  }
  out << "CREATE CONSTRAINT " << kImportConstraint << " IF NOT EXISTS FOR (n:" << kImportLabel
      << ") REQUIRE (n." << kImportId << ") IS UNIQUE;\n";

  Batch nodes(out);
  auto write_node = [&](const DumpNode& node) {
    std::string row = "{_id: " + std::to_string(node.id) + ", properties: ";
    SMITH_RETURN_IF_ERROR(
        AppendProperties(node.properties, "node " + std::to_string(node.id), &row));
    row += "}";
    std::string labels;
    for (const std::string& l : node.labels) labels += ":" + CypherName(l);
    std::string tail = std::string("CREATE (n:") + kImportLabel + " {" + kImportId +
                       ": row._id}) SET n += row.properties";
    if (!labels.empty()) tail += " SET n" + labels;
    nodes.Add(labels, tail, std::move(row));
    ++stats->nodes;
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachNode(write_node));
  nodes.Flush();

  Batch rels(out);
  auto write_rel = [&](const DumpRel& rel) {
    std::string row = "{_start: " + std::to_string(rel.start) +
                      ", _end: " + std::to_string(rel.end) + ", properties: ";
    SMITH_RETURN_IF_ERROR(
        AppendProperties(rel.properties, "relationship " + std::to_string(rel.id), &row));
    row += "}";
    std::string tail = std::string("MATCH (a:") + kImportLabel + " {" + kImportId +
                       ": row._start})\nMATCH (b:" + kImportLabel + " {" + kImportId +
                       ": row._end})\nCREATE (a)-[r:" + CypherName(rel.type) +
                       "]->(b) SET r += row.properties";
    rels.Add(rel.type, tail, std::move(row));
    ++stats->relationships;
    return Status::OK();
  };
  SMITH_RETURN_IF_ERROR(dump.ForEachRel(write_rel));
  rels.Flush();

  out << "DROP CONSTRAINT " << kImportConstraint << " IF EXISTS;\n"
      << "MATCH (n:" << kImportLabel << ") REMOVE n:" << kImportLabel << ", n." << kImportId
      << ";\n";
  if (!out) return Status::IOError("cannot write the export");
  return Status::OK();
}

}  // namespace smith::cli
