// The main job's example until the nodestream connector exists: ingests a small keyed graph
// into an embedded smith database through the graph layer, the way the connector will (keyed
// upserts in batches, one commit per batch), then reads back what landed.
//
//   example_ingest DATABASE_DIRECTORY
#include <cstdio>
#include <string>

#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/graph_writer.h"

namespace {

using namespace smith;         // NOLINT(google-build-using-namespace): example program
using namespace smith::graph;  // NOLINT(google-build-using-namespace)

int Fail(const Status& status) {
  std::fprintf(stderr, "example_ingest: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DATABASE_DIRECTORY\n", argv[0]);
    return 2;
  }
  auto opened = Graph::Open(argv[1], {});
  if (!opened.ok()) return Fail(opened.status());
  std::unique_ptr<Graph> graph = std::move(opened).value();

  constexpr int kPeople = 5000;
  constexpr int kBatch = 1000;
  {
    auto w = graph->BeginWrite();
    TokenId person = w->GetOrCreateToken(TokenKind::kLabel, "Person").value();
    TokenId name = w->GetOrCreateToken(TokenKind::kPropertyKey, "name").value();
    auto made = w->CreateSchemaObject(SchemaKind::kNodeKeyConstraint, EntityKind::kNode,
                                      "Person_node_key", person, {name});
    if (!made.ok() && !made.status().IsAlreadyExists()) return Fail(made.status());
    if (Status s = w->Commit(); !s.ok()) return Fail(s);
  }
  // Two passes over the same keys: the second finds every person and updates it in place.
  for (int pass = 0; pass < 2; ++pass) {
    for (int start = 0; start < kPeople; start += kBatch) {
      auto w = graph->BeginWrite();
      TokenId person = *w->FindToken(TokenKind::kLabel, "Person");
      TokenId name = *w->FindToken(TokenKind::kPropertyKey, "name");
      TokenId visits = w->GetOrCreateToken(TokenKind::kPropertyKey, "visits").value();
      TokenId knows = w->GetOrCreateToken(TokenKind::kRelType, "KNOWS").value();
      const SchemaObject* key = w->catalog().FindByName("Person_node_key");
      for (int i = start; i < start + kBatch; ++i) {
        Value k = Value::String("person-" + std::to_string(i));
        auto found = w->FindByKey(*key, {&k, 1});
        if (!found.ok()) return Fail(found.status());
        if (*found) {
          Status s =
              w->UpdateNode(**found, RecordPatch{{}, {}, {{visits, Value::Int(pass + 1)}}, {}});
          if (!s.ok()) return Fail(s);
        } else {
          auto id = w->CreateNode({person}, {{name, k}, {visits, Value::Int(pass + 1)}});
          if (!id.ok()) return Fail(id.status());
          if (i > 0) {
            Value prev = Value::String("person-" + std::to_string(i - 1));
            auto friend_id = w->FindByKey(*key, {&prev, 1});
            if (!friend_id.ok()) return Fail(friend_id.status());
            auto rel = w->CreateRel(knows, *id, **friend_id, {});
            if (!rel.ok()) return Fail(rel.status());
          }
        }
      }
      if (Status s = w->Commit(); !s.ok()) return Fail(s);
    }
  }

  auto r = graph->BeginRead();
  TokenId person = *r->FindToken(TokenKind::kLabel, "Person");
  TokenId knows = *r->FindToken(TokenKind::kRelType, "KNOWS");
  size_t nodes = 0;
  size_t rels = 0;
  uint64_t id;
  for (auto c = r->ScanLabel(person); c->Next(&id);) ++nodes;
  for (auto c = r->ScanRelType(knows); c->Next(&id);) ++rels;
  std::printf("database: %s\n", graph->path().c_str());
  std::printf("(:Person) nodes: %zu\n[:KNOWS] relationships: %zu\n", nodes, rels);
  std::printf("\nname          | visits | knows\n--------------+--------+--------------\n");
  const SchemaObject* key = r->catalog().FindByName("Person_node_key");
  TokenId name = *r->FindToken(TokenKind::kPropertyKey, "name");
  TokenId visits = *r->FindToken(TokenKind::kPropertyKey, "visits");
  for (int i : {1, 2, 4999}) {
    Value k = Value::String("person-" + std::to_string(i));
    auto found = r->SeekUnique(*key, {&k, 1});
    if (!found.ok() || !*found)
      return Fail(found.ok() ? Status::NotFound("person") : found.status());
    NodeRecord node;
    if (!r->GetNode(**found, &node).value()) return Fail(Status::NotFound("node record"));
    keys::AdjEntry e;
    auto adj = r->Expand(**found, Direction::kOutgoing, knows);
    std::string other = "-";
    NodeRecord friend_node;
    if (adj->Next(&e) && r->GetNode(e.other, &friend_node).value()) {
      other = std::string(friend_node.Find(name)->AsString());
    }
    std::printf("%-13s | %6lld | %s\n", std::string(node.Find(name)->AsString()).c_str(),
                static_cast<long long>(node.Find(visits)->AsInt()), other.c_str());
  }
  return 0;
}
