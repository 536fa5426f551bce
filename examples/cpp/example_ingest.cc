// The main job's example until the nodestream connector exists: ingests a small keyed graph into
// an embedded smith database the way the connector will (one `UNWIND $rows` statement per batch
// of keyed upserts, MERGE planned through the key constraint), then shows what landed with a
// Cypher query.
//
//   example_ingest DATABASE_DIRECTORY
#include <cstdio>
#include <string>
#include <vector>

#include "smith/database.h"

namespace {

int Fail(const smith::Status& status) {
  std::fprintf(stderr, "example_ingest: %s\n", status.ToString().c_str());
  return 1;
}

// Runs a statement to completion, printing its records as a table when it returns any.
smith::Status RunAndPrint(smith::Database& db, const std::string& query,
                          const smith::ValueMap& params = {}) {
  auto result = db.Run(query, params);
  if (!result.ok()) return result.status();
  const auto& columns = (*result)->columns();
  if (!columns.empty()) {
    std::string header;
    for (const auto& c : columns) header += (header.empty() ? "" : " | ") + c;
    std::printf("%s\n%s\n", header.c_str(), std::string(header.size(), '-').c_str());
  }
  std::vector<smith::Value> record;
  size_t rows = 0;
  while (true) {
    auto more = (*result)->Next(&record);
    if (!more.ok()) return more.status();
    if (!*more) break;
    std::string line;
    for (const auto& v : record) line += (line.empty() ? "" : " | ") + v.ToString();
    std::printf("%s\n", line.c_str());
    ++rows;
  }
  if (!columns.empty()) std::printf("(%zu rows)\n\n", rows);
  return smith::Status::OK();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s DATABASE_DIRECTORY\n", argv[0]);
    return 2;
  }
  auto opened = smith::Database::Open(argv[1]);
  if (!opened.ok()) return Fail(opened.status());
  smith::Database& db = **opened;

  smith::Status s = RunAndPrint(
      db,
      "CREATE CONSTRAINT Person_node_key IF NOT EXISTS FOR (n:Person) REQUIRE n.name IS UNIQUE");
  if (!s.ok()) return Fail(s);

  constexpr int kPeople = 5000;
  constexpr int kBatch = 1000;
  // Two passes over the same keys: the second finds every person and updates it in place.
  for (int pass = 1; pass <= 2; ++pass) {
    for (int start = 0; start < kPeople; start += kBatch) {
      std::vector<smith::Value> people;
      std::vector<smith::Value> friendships;
      for (int i = start; i < start + kBatch; ++i) {
        std::string name = "person-" + std::to_string(i);
        people.push_back(smith::Value::Map(smith::ValueMap::FromEntries(
            {{"name", smith::Value::String(name)},
             {"props", smith::Value::Map(smith::ValueMap::FromEntries(
                           {{"visits", smith::Value::Int(pass)}}))}})));
        if (i > 0) {
          friendships.push_back(smith::Value::Map(smith::ValueMap::FromEntries(
              {{"from", smith::Value::String(name)},
               {"to", smith::Value::String("person-" + std::to_string(i - 1))}})));
        }
      }
      s = RunAndPrint(db,
                      "UNWIND $rows AS row MERGE (p:Person {name: row.name}) SET p += row.props",
                      smith::ValueMap::FromEntries({{"rows", smith::Value::List(people)}}));
      if (!s.ok()) return Fail(s);
      s = RunAndPrint(db,
                      "UNWIND $rows AS row MATCH (a:Person {name: row.from}) "
                      "MATCH (b:Person {name: row.to}) MERGE (a)-[:KNOWS]->(b)",
                      smith::ValueMap::FromEntries({{"rows", smith::Value::List(friendships)}}));
      if (!s.ok()) return Fail(s);
    }
  }

  std::printf("database: %s\n\n", db.path().c_str());
  s = RunAndPrint(db,
                  "MATCH (p:Person) OPTIONAL MATCH (p)-[k:KNOWS]->() "
                  "RETURN count(DISTINCT p) AS people, count(k) AS knows");
  if (!s.ok()) return Fail(s);
  s = RunAndPrint(db,
                  "MATCH (p:Person)-[:KNOWS]->(f:Person) WHERE p.name IN $names "
                  "RETURN p.name AS name, p.visits AS visits, f.name AS knows ORDER BY name",
                  smith::ValueMap::FromEntries(
                      {{"names", smith::Value::List({smith::Value::String("person-1"),
                                                     smith::Value::String("person-2"),
                                                     smith::Value::String("person-4999")})}}));
  if (!s.ok()) return Fail(s);
  return 0;
}
