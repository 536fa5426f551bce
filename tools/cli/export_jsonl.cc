// `smith export --format jsonl` (docs/cli.md, "jsonl").
#include <ostream>

#include "exporters.h"
#include "graph_dump.h"
#include "nlohmann/json.hpp"
#include "value_json.h"

namespace smith::cli {

namespace {

void WriteLine(const Json& line, std::ostream& out) {
  out << line.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json Properties(const NamedProperties& properties) {
  Json object = Json::object();
  for (const auto& [name, value] : properties) object[name] = ValueToJson(value);
  return object;
}

}  // namespace

Status ExportJsonl(GraphDump& dump, std::ostream& out, ExportStats* stats) {
  Json header = Json::object();
  header["type"] = "header";
  header["format"] = "smith-jsonl";
  header["version"] = 1;
  WriteLine(header, out);
  for (const DumpSchemaObject& o : dump.Schema()) {
    Json line = Json::object();
    const bool index = o.kind == DumpSchemaObject::Kind::kIndex;
    line["type"] = index ? "index" : "constraint";
    line["name"] = o.name;
    if (!index) line["kind"] = o.kind == DumpSchemaObject::Kind::kKey ? "NODE_KEY" : "UNIQUE";
    line["entity"] = o.on_nodes ? "NODE" : "RELATIONSHIP";
    line["label"] = o.token;
    line["properties"] = o.properties;
    WriteLine(line, out);
    ++stats->schema_objects;
  }
  SMITH_RETURN_IF_ERROR(dump.ForEachNode([&](const DumpNode& node) {
    Json line = Json::object();
    line["type"] = "node";
    line["id"] = node.id;
    line["labels"] = node.labels;
    line["properties"] = Properties(node.properties);
    WriteLine(line, out);
    ++stats->nodes;
    return Status::OK();
  }));
  SMITH_RETURN_IF_ERROR(dump.ForEachRel([&](const DumpRel& rel) {
    Json line = Json::object();
    line["type"] = "relationship";
    line["id"] = rel.id;
    line["label"] = rel.type;
    line["start"] = rel.start;
    line["end"] = rel.end;
    line["properties"] = Properties(rel.properties);
    WriteLine(line, out);
    ++stats->relationships;
    return Status::OK();
  }));
  if (!out) return Status::IOError("cannot write the export");
  return Status::OK();
}

}  // namespace smith::cli
