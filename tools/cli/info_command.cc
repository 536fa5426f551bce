// smith info PATH [--json]
#include <iostream>

#include "cli_util.h"
#include "commands.h"
#include "graph/graph.h"
#include "graph_dump.h"
#include "nlohmann/json.hpp"
#include "storage/engine.h"
#include "table_printer.h"
#include "value_json.h"

namespace smith::cli {

namespace {

const char* KindName(const DumpSchemaObject& o) {
  switch (o.kind) {
    case DumpSchemaObject::Kind::kUnique:
      return "UNIQUE";
    case DumpSchemaObject::Kind::kKey:
      return o.on_nodes ? "NODE KEY" : "RELATIONSHIP KEY";
    case DumpSchemaObject::Kind::kIndex:
      return "RANGE INDEX";
  }
  return "";
}

std::string Target(const DumpSchemaObject& o) {
  std::string props;
  for (const std::string& p : o.properties) props += (props.empty() ? "" : ", ") + p;
  return (o.on_nodes ? "(:" + o.token + ")" : "[:" + o.token + "]") + " (" + props + ")";
}

}  // namespace

int RunInfoCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {"json"});
  if (!parsed.ok()) return UsageError(err, "info", std::string(parsed.status().message()));
  if (parsed->positional.size() != 1) return UsageError(err, "info", "expected one database PATH");
  auto graph = OpenGraph(parsed->positional[0]);
  if (!graph.ok()) {
    PrintError(err, "info", graph.status());
    return kExitFailure;
  }
  storage::Engine& engine = (*graph)->engine();
  GraphDump dump(**graph);
  auto nodes = dump.NodeCount();
  auto rels = dump.RelCount();
  auto labels = dump.LabelCounts();
  auto types = dump.TypeCounts();
  auto bytes = engine.ApproximateDiskBytes();
  for (const Status& s :
       {nodes.status(), rels.status(), labels.status(), types.status(), bytes.status()}) {
    if (!s.ok()) {
      PrintError(err, "info", s);
      return kExitFailure;
    }
  }
  const std::vector<DumpSchemaObject> schema = dump.Schema();
  const size_t property_keys = (*graph)->tokens().size(graph::TokenKind::kPropertyKey);

  if (parsed->HasFlag("json")) {
    Json info = Json::object();
    info["path"] = engine.path();
    info["format_version"] = engine.format_version();
    info["size_bytes"] = *bytes;
    info["nodes"] = *nodes;
    info["relationships"] = *rels;
    info["labels"] = Json::object();
    for (const auto& [name, n] : *labels) info["labels"][name] = n;
    info["relationship_types"] = Json::object();
    for (const auto& [name, n] : *types) info["relationship_types"][name] = n;
    info["property_keys"] = property_keys;
    info["constraints"] = Json::array();
    info["indexes"] = Json::array();
    for (const DumpSchemaObject& o : schema) {
      Json entry = Json::object();
      entry["name"] = o.name;
      entry["type"] = KindName(o);
      entry["entity"] = o.on_nodes ? "NODE" : "RELATIONSHIP";
      entry["label"] = o.token;
      entry["properties"] = o.properties;
      info[o.kind == DumpSchemaObject::Kind::kIndex ? "indexes" : "constraints"].push_back(entry);
    }
    out << info.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return kExitOk;
  }

  out << "Database:        " << engine.path() << "\n"
      << "Storage format:  " << engine.format_version() << "\n"
      << "Size on disk:    " << FormatBytes(*bytes) << "\n"
      << "Nodes:           " << *nodes << "\n"
      << "Relationships:   " << *rels << "\n"
      << "Property keys:   " << property_keys << "\n";
  if (!labels->empty()) {
    TablePrinter table(out, {"label", "nodes"});
    for (const auto& [name, n] : *labels) table.AddRow({name, std::to_string(n)});
    table.Finish();
  }
  if (!types->empty()) {
    TablePrinter table(out, {"relationship type", "relationships"});
    for (const auto& [name, n] : *types) table.AddRow({name, std::to_string(n)});
    table.Finish();
  }
  if (schema.empty()) {
    out << "No constraints or indexes.\n";
  } else {
    TablePrinter table(out, {"constraint / index", "type", "on"});
    for (const DumpSchemaObject& o : schema) table.AddRow({o.name, KindName(o), Target(o)});
    table.Finish();
  }
  return kExitOk;
}

}  // namespace smith::cli
