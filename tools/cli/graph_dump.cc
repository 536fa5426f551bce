#include "graph_dump.h"

#include <algorithm>

#include "cypher_literal.h"
#include "graph/graph.h"
#include "graph/graph_reader.h"

namespace smith::cli {

namespace {

using graph::TokenKind;

Result<uint64_t> CountIds(graph::IdCursor& cursor) {
  uint64_t n = 0;
  uint64_t id;
  while (cursor.Next(&id)) ++n;
  SMITH_RETURN_IF_ERROR(cursor.status());
  return n;
}

}  // namespace

GraphDump::GraphDump(graph::Graph& graph) : graph_(graph), reader_(graph.BeginRead()) {}

GraphDump::~GraphDump() = default;

std::vector<DumpSchemaObject> GraphDump::Schema() const {
  std::vector<DumpSchemaObject> out;
  for (const graph::SchemaObject& o : reader_->catalog().objects()) {
    DumpSchemaObject d;
    d.kind = o.kind == graph::SchemaKind::kRangeIndex          ? DumpSchemaObject::Kind::kIndex
             : o.kind == graph::SchemaKind::kNodeKeyConstraint ? DumpSchemaObject::Kind::kKey
                                                               : DumpSchemaObject::Kind::kUnique;
    d.on_nodes = o.entity == graph::EntityKind::kNode;
    d.name = o.name;
    d.token = std::string(
        reader_->TokenName(d.on_nodes ? TokenKind::kLabel : TokenKind::kRelType, o.token));
    for (graph::TokenId p : o.properties) {
      d.properties.emplace_back(reader_->TokenName(TokenKind::kPropertyKey, p));
    }
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const DumpSchemaObject& a, const DumpSchemaObject& b) {
    const bool ai = a.kind == DumpSchemaObject::Kind::kIndex;
    const bool bi = b.kind == DumpSchemaObject::Kind::kIndex;
    return ai != bi ? !ai : a.name < b.name;
  });
  return out;
}

Status GraphDump::ForEachNode(const std::function<Status(const DumpNode&)>& fn) {
  auto cursor = reader_->ScanAllNodes();
  uint64_t id;
  graph::NodeRecord record;
  DumpNode node;
  while (cursor->Next(&id)) {
    SMITH_ASSIGN_OR_RETURN(bool found, reader_->GetNode(id, &record));
    if (!found) continue;
    node.id = id;
    node.labels.clear();
    for (graph::TokenId l : record.labels) {
      node.labels.emplace_back(reader_->TokenName(TokenKind::kLabel, l));
    }
    std::sort(node.labels.begin(), node.labels.end());
    node.properties.clear();
    for (auto& [key, value] : record.properties) {
      node.properties.emplace_back(std::string(reader_->TokenName(TokenKind::kPropertyKey, key)),
                                   value);
    }
    std::sort(node.properties.begin(), node.properties.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    SMITH_RETURN_IF_ERROR(fn(node));
  }
  return cursor->status();
}

Status GraphDump::ForEachRel(const std::function<Status(const DumpRel&)>& fn) {
  auto cursor = reader_->ScanAllRels();
  uint64_t id;
  graph::RelRecord record;
  DumpRel rel;
  while (cursor->Next(&id)) {
    SMITH_ASSIGN_OR_RETURN(bool found, reader_->GetRel(id, &record));
    if (!found) continue;
    rel.id = id;
    rel.type = std::string(reader_->TokenName(TokenKind::kRelType, record.type));
    rel.start = record.start;
    rel.end = record.end;
    rel.properties.clear();
    for (auto& [key, value] : record.properties) {
      rel.properties.emplace_back(std::string(reader_->TokenName(TokenKind::kPropertyKey, key)),
                                  value);
    }
    std::sort(rel.properties.begin(), rel.properties.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    SMITH_RETURN_IF_ERROR(fn(rel));
  }
  return cursor->status();
}

Result<std::vector<std::pair<std::string, uint64_t>>> GraphDump::LabelCounts() {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const std::string& name : graph_.tokens().Names(TokenKind::kLabel)) {
    auto token = reader_->FindToken(TokenKind::kLabel, name);
    if (!token) continue;
    SMITH_ASSIGN_OR_RETURN(uint64_t n, CountIds(*reader_->ScanLabel(*token)));
    if (n > 0) out.emplace_back(name, n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<std::vector<std::pair<std::string, uint64_t>>> GraphDump::TypeCounts() {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const std::string& name : graph_.tokens().Names(TokenKind::kRelType)) {
    auto token = reader_->FindToken(TokenKind::kRelType, name);
    if (!token) continue;
    SMITH_ASSIGN_OR_RETURN(uint64_t n, CountIds(*reader_->ScanRelType(*token)));
    if (n > 0) out.emplace_back(name, n);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<uint64_t> GraphDump::NodeCount() { return CountIds(*reader_->ScanAllNodes()); }
Result<uint64_t> GraphDump::RelCount() { return CountIds(*reader_->ScanAllRels()); }

std::string SchemaStatement(const DumpSchemaObject& o) {
  const bool index = o.kind == DumpSchemaObject::Kind::kIndex;
  std::string out = index ? "CREATE INDEX " : "CREATE CONSTRAINT ";
  out += CypherName(o.name) + " IF NOT EXISTS FOR ";
  const std::string var = o.on_nodes ? "n" : "r";
  out += o.on_nodes ? "(n:" + CypherName(o.token) + ")" : "()-[r:" + CypherName(o.token) + "]-()";
  out += index ? " ON (" : " REQUIRE (";
  for (size_t i = 0; i < o.properties.size(); ++i) {
    if (i > 0) out += ", ";
    out += var + "." + CypherName(o.properties[i]);
  }
  out += ")";
  if (o.kind == DumpSchemaObject::Kind::kUnique) out += " IS UNIQUE";
  if (o.kind == DumpSchemaObject::Kind::kKey) {
    out += o.on_nodes ? " IS NODE KEY" : " IS RELATIONSHIP KEY";
  }
  return out;
}

}  // namespace smith::cli
