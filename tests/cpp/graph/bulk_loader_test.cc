// Bulk loading: the loader writes exactly what GraphWriter writes, the importer reads Neo4j CSV
// groups with ID spaces, and failures (bad values, duplicates, constraint violations) import
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "common/coding.h"
#include "graph/bulk_import.h"
#include "graph/bulk_loader.h"
#include "graph/keys.h"
#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

using storage::Family;

class BulkLoaderTest : public GraphTest {
 protected:
  std::string Db() const { return dir_ + "/db"; }

  std::string WriteFile(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Every key and value of every family, for byte-for-byte comparisons.
  static std::map<std::string, std::string> Dump(Graph& graph) {
    std::map<std::string, std::string> out;
    auto view = graph.engine().BeginRead();
    for (Family f : storage::kAllFamilies) {
      auto it = view->NewIterator(f, "", "");
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        out[std::string(storage::FamilyName(f)) + "/" + std::string(it->key())] =
            std::string(it->value());
      }
      EXPECT_TRUE(it->status().ok());
    }
    return out;
  }

  // Runs an import of node and relationship groups; returns its status.
  Status Import(const std::vector<CsvGroup>& nodes, const std::vector<CsvGroup>& rels,
                ImportOptions options = {}, ImportSummary* summary = nullptr) {
    graph_.reset();
    auto importer = BulkImporter::Open(Db(), std::move(options));
    if (!importer.ok()) return importer.status();
    for (const CsvGroup& g : nodes) SMITH_RETURN_IF_ERROR((*importer)->ImportNodesCsv(g));
    for (const CsvGroup& g : rels) SMITH_RETURN_IF_ERROR((*importer)->ImportRelationshipsCsv(g));
    auto result = (*importer)->Commit();
    if (!result.ok()) return result.status();
    if (summary != nullptr) *summary = *result;
    return Status::OK();
  }

  void ExpectEmpty() {
    Reopen();
    auto reader = graph_->BeginRead();
    EXPECT_EQ(Count(*reader->ScanAllNodes()), 0u);
    EXPECT_EQ(Count(*reader->ScanAllRels()), 0u);
  }

  void CreateSchema(SchemaKind kind, const std::string& label, const std::string& key) {
    auto w = graph_->BeginWrite();
    TokenId l = Label(*w, label);
    TokenId k = Key(*w, key);
    ASSERT_TRUE(w->CreateSchemaObject(kind, EntityKind::kNode, "", l, {k}).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
};

// The same elements through GraphWriter and through BulkLoader give identical databases.
TEST_F(BulkLoaderTest, WritesExactlyWhatTheWriterWrites) {
  const uint32_t seed = 20240611;
  SCOPED_TRACE("seed " + std::to_string(seed));
  struct Op {
    bool node;
    std::vector<int> labels;
    int type, start, end;
    int64_t key;
    std::string name;
  };
  std::mt19937 rng(seed);
  std::vector<Op> ops;
  int nodes = 0;
  for (int i = 0; i < 400; ++i) {
    if (nodes < 2 || rng() % 3 == 0) {
      Op op{true, {}, 0, 0, 0, nodes, "n" + std::to_string(rng() % 50)};
      for (int l = 0; l < 3; ++l) {
        if (rng() % 2) op.labels.push_back(l);
      }
      ops.push_back(op);
      ++nodes;
    } else {
      ops.push_back(Op{false,
                       {},
                       static_cast<int>(rng() % 3),
                       static_cast<int>(rng() % nodes),
                       static_cast<int>(rng() % nodes),
                       static_cast<int64_t>(i),
                       ""});
    }
  }
  const char* kLabels[] = {"A", "B", "C"};
  const char* kTypes[] = {"R", "S", "T"};

  // Database 1: GraphWriter, schema first.
  std::string other = dir_ + "/writer";
  std::map<std::string, std::string> expected;
  {
    auto g = Graph::Open(other, {});
    ASSERT_TRUE(g.ok());
    auto w = (*g)->BeginWrite();
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "key",
                                      *w->GetOrCreateToken(TokenKind::kLabel, "A"),
                                      {*w->GetOrCreateToken(TokenKind::kPropertyKey, "key")})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "name",
                                      *w->GetOrCreateToken(TokenKind::kLabel, "B"),
                                      {*w->GetOrCreateToken(TokenKind::kPropertyKey, "name")})
                    .ok());
    ASSERT_TRUE(w->Commit().ok());
    w = (*g)->BeginWrite();
    std::vector<TokenId> labels, types;
    for (const char* l : kLabels) labels.push_back(*w->GetOrCreateToken(TokenKind::kLabel, l));
    for (const char* t : kTypes) types.push_back(*w->GetOrCreateToken(TokenKind::kRelType, t));
    TokenId key = *w->GetOrCreateToken(TokenKind::kPropertyKey, "key");
    TokenId name = *w->GetOrCreateToken(TokenKind::kPropertyKey, "name");
    for (const Op& op : ops) {
      if (op.node) {
        std::vector<TokenId> ls;
        for (int l : op.labels) ls.push_back(labels[l]);
        ASSERT_TRUE(
            w->CreateNode(ls, {{key, Value::Int(op.key)}, {name, Value::String(op.name)}}).ok());
      } else {
        ASSERT_TRUE(
            w->CreateRel(types[op.type], op.start, op.end, {{key, Value::Int(op.key)}}).ok());
      }
    }
    ASSERT_TRUE(w->Commit().ok());
    expected = Dump(**g);
  }

  // Database 2: the same schema through GraphWriter, the elements through BulkLoader.
  {
    auto w = graph_->BeginWrite();
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "key",
                                      Label(*w, "A"), {Key(*w, "key")})
                    .ok());
    ASSERT_TRUE(w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "name",
                                      Label(*w, "B"), {Key(*w, "name")})
                    .ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  graph_.reset();
  auto loader = BulkLoader::Open(Db());
  ASSERT_TRUE(loader.ok()) << loader.status().ToString();
  BulkLoader& l = **loader;
  std::vector<TokenId> labels, types;
  for (const char* n : kLabels) labels.push_back(*l.Token(TokenKind::kLabel, n));
  for (const char* t : kTypes) types.push_back(*l.Token(TokenKind::kRelType, t));
  TokenId key = *l.Token(TokenKind::kPropertyKey, "key");
  TokenId name = *l.Token(TokenKind::kPropertyKey, "name");
  for (const Op& op : ops) {
    if (op.node) {
      std::vector<TokenId> ls;
      for (int x : op.labels) ls.push_back(labels[x]);
      ASSERT_TRUE(l.AddNode(ls, {{name, Value::String(op.name)}, {key, Value::Int(op.key)}}).ok());
    } else {
      ASSERT_TRUE(
          l.AddRelationship(types[op.type], op.start, op.end, {{key, Value::Int(op.key)}}).ok());
    }
  }
  auto stats = l.Commit();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->nodes, static_cast<uint64_t>(nodes));
  Reopen();
  std::map<std::string, std::string> actual = Dump(*graph_);
  EXPECT_EQ(actual.size(), expected.size());
  for (const auto& [k, v] : expected) {
    auto it = actual.find(k);
    if (it == actual.end()) {
      ADD_FAILURE() << "missing key in family " << k.substr(0, k.find('/'));
      continue;
    }
    EXPECT_EQ(it->second, v) << "value differs in family " << k.substr(0, k.find('/'));
  }
}

TEST_F(BulkLoaderTest, ImportsCsvWithIdSpacesAndWriterStateFollows) {
  CreateSchema(SchemaKind::kUniqueConstraint, "Person", "email");
  CreateSchema(SchemaKind::kRangeIndex, "City", "name");
  std::string persons = WriteFile("persons.csv",
                                  "id:ID(Person),email,age:int,tags:string[],:LABEL\n"
                                  "1,ada@x,36,math;poetry,Person;Author\n"
                                  "2,\"bob,\"\"the\"\" builder\",41,,Person\n");
  std::string cities = WriteFile("cities.csv", "id:ID(City),name\n1,London\n2,\"Paris\nFrance\"\n");
  std::string rels = WriteFile("rels.csv",
                               ":START_ID(Person),:END_ID(City),since:date,:TYPE\n"
                               "1,1,1833-06-05,LIVES_IN\n"
                               "2,2,2000-01-01,\n");
  ImportSummary summary;
  Status s = Import({{{persons}, {}, ""}, {{cities}, {"City"}, ""}}, {{{rels}, {}, "VISITED"}}, {},
                    &summary);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(summary.stats.nodes, 4u);
  EXPECT_EQ(summary.stats.relationships, 2u);
  // id (x4), email, age, tags (x1), name (x2), since (x2); bob has no tags
  EXPECT_EQ(summary.stats.properties, 4u + 2u + 2u + 1u + 2u + 2u);

  Reopen();
  auto reader = graph_->BeginRead();
  TokenId person = *reader->FindToken(TokenKind::kLabel, "Person");
  TokenId city = *reader->FindToken(TokenKind::kLabel, "City");
  EXPECT_EQ(Ids(*reader->ScanLabel(person)), (std::vector<uint64_t>{0, 1}));
  EXPECT_EQ(Ids(*reader->ScanLabel(city)), (std::vector<uint64_t>{2, 3}));
  NodeRecord bob;
  ASSERT_TRUE(*reader->GetNode(1, &bob));
  TokenId email = *reader->FindToken(TokenKind::kPropertyKey, "email");
  EXPECT_EQ(bob.Find(email)->AsString(), "bob,\"the\" builder");
  NodeRecord paris;
  ASSERT_TRUE(*reader->GetNode(3, &paris));
  EXPECT_EQ(paris.Find(*reader->FindToken(TokenKind::kPropertyKey, "name"))->AsString(),
            "Paris\nFrance");
  // Adjacency both ways; the row without :TYPE took the group's type.
  TokenId visited = *reader->FindToken(TokenKind::kRelType, "VISITED");
  std::vector<keys::AdjEntry> out;
  auto cursor = reader->Expand(1, Direction::kOutgoing);
  keys::AdjEntry e;
  while (cursor->Next(&e)) out.push_back(e);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].other, 3u);
  EXPECT_EQ(out[0].type, visited);
  EXPECT_EQ(Count(*reader->ScanRelType(visited)), 1u);
  auto in = reader->Expand(2, Direction::kIncoming);
  ASSERT_TRUE(in->Next(&e));
  EXPECT_EQ(e.other, 0u);
  // Index seek finds imported nodes.
  const SchemaObject* index = nullptr;
  for (const SchemaObject& o : reader->catalog().objects()) {
    if (!o.is_constraint()) index = &o;
  }
  ASSERT_NE(index, nullptr);
  Value london = Value::String("London");
  EXPECT_EQ(Ids(*reader->SeekIndexEqual(*index, std::span<const Value>(&london, 1))),
            (std::vector<uint64_t>{2}));
  reader.reset();

  // The writer continues where the import stopped: key lookups hit, new ids are fresh.
  auto w = graph_->BeginWrite();
  const SchemaObject* unique = nullptr;
  for (const SchemaObject& o : w->catalog().objects()) {
    if (o.is_constraint()) unique = &o;
  }
  Value ada = Value::String("ada@x");
  auto found = w->FindByKey(*unique, std::span<const Value>(&ada, 1));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, std::optional<uint64_t>(0));
  auto dup = w->CreateNode({person}, {{email, Value::String("ada@x")}});
  EXPECT_EQ(dup.status().code(), StatusCode::kConstraintViolation);
  auto fresh = w->CreateNode({person}, {{email, Value::String("new@x")}});
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(*fresh, 4u);
  auto rel = w->CreateRel(visited, 0, *fresh, {});
  ASSERT_TRUE(rel.ok());
  EXPECT_EQ(*rel, 2u);
  ASSERT_EQ(w->NodeLabels(3)->size(), 1u);  // label table rebuilt from imported records
  ASSERT_TRUE(w->Commit().ok());
}

TEST_F(BulkLoaderTest, BadValueNamesFileLineColumnAndImportsNothing) {
  std::string nodes = WriteFile("n.csv", "id:ID,name,age:int\n1,a,3\n2,\"x\ny\",4\n3,c,abc\n");
  Status s = Import({{{nodes}, {"P"}, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("n.csv:5:3 (column 'age:int'): 'abc' is not an integer"),
            std::string::npos)
      << s.ToString();
  ExpectEmpty();
  EXPECT_FALSE(graph_->tokens().Find(TokenKind::kLabel, "P").has_value());
}

TEST_F(BulkLoaderTest, DuplicateIdsAreErrorsPerIdSpace) {
  std::string a = WriteFile("a.csv", "id:ID(A)\n1\n2\n");
  std::string b = WriteFile("b.csv", "id:ID(B)\n1\n");
  ASSERT_TRUE(Import({{{a}, {"A"}, ""}, {{b}, {"B"}, ""}}, {}).ok());  // same id, other space

  std::filesystem::remove_all(Db());
  std::string dup = WriteFile("dup.csv", "id:ID(A)\n1\n2\n1\n");
  Status s = Import({{{dup}, {"A"}, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kConstraintViolation);
  EXPECT_NE(s.message().find("dup.csv:4:1"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("duplicate node id '1' in ID space 'A' (imported from"),
            std::string::npos)
      << s.ToString();
  EXPECT_NE(s.message().find("dup.csv:2)"), std::string::npos) << s.ToString();
  ExpectEmpty();
}

TEST_F(BulkLoaderTest, ConstraintViolationInImportedDataImportsNothing) {
  CreateSchema(SchemaKind::kUniqueConstraint, "P", "email");
  std::string n = WriteFile("n.csv", ":ID,email\n1,a@x\n2,b@x\n3,a@x\n");
  Status s = Import({{{n}, {"P"}, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kConstraintViolation);
  EXPECT_NE(s.message().find("n.csv:4"), std::string::npos) << s.ToString();
  EXPECT_NE(s.message().find("`email` = 'a@x'"), std::string::npos) << s.ToString();
  ExpectEmpty();

  CreateSchema(SchemaKind::kNodeKeyConstraint, "Q", "k");
  std::string q = WriteFile("q.csv", ":ID,k\n1,x\n2,\n");
  s = Import({{{q}, {"Q"}, ""}}, {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("must have the property `k`"), std::string::npos) << s.ToString();
  ExpectEmpty();
}

TEST_F(BulkLoaderTest, SkipBadRowsReportsAndImportsTheRest) {
  std::string n = WriteFile("n.csv", ":ID,age:long\n1,1\n2,zz\n3,3\n3,4\n4,5,extra\n");
  std::string r = WriteFile("r.csv", ":START_ID,:END_ID\n1,3\n1,99\n");
  std::vector<std::string> report;
  ImportOptions options;
  options.skip_bad_rows = true;
  options.report = [&](std::string_view line) { report.emplace_back(line); };
  ImportSummary summary;
  Status s = Import({{{n}, {"N"}, ""}}, {{{r}, {}, "R"}}, options, &summary);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(summary.stats.nodes, 2u);
  EXPECT_EQ(summary.stats.relationships, 1u);
  EXPECT_EQ(summary.bad_rows, 4u);
  ASSERT_EQ(report.size(), 4u);
  EXPECT_NE(report[0].find("n.csv:3:2"), std::string::npos) << report[0];
  EXPECT_NE(report[1].find("n.csv:5:1"), std::string::npos) << report[1];
  EXPECT_NE(report[2].find("n.csv:6"), std::string::npos) << report[2];
  EXPECT_NE(report[3].find("r.csv:3:2 (column ':END_ID'): end node '99' was not imported"),
            std::string::npos)
      << report[3];
}

TEST_F(BulkLoaderTest, GroupsShareTheHeaderOfTheFirstFile) {
  std::string header = WriteFile("h.csv", ":ID,name\n");
  std::string part1 = WriteFile("p1.csv", "1,a\n2,b\n");
  std::string part2 = WriteFile("p2.csv", "3,c\n");
  ImportSummary summary;
  ASSERT_TRUE(Import({{{header, part1, part2}, {"X"}, ""}}, {}, {}, &summary).ok());
  EXPECT_EQ(summary.stats.nodes, 3u);
}

TEST_F(BulkLoaderTest, IntegerIdsAndTabDelimiter) {
  std::string n = WriteFile("n.tsv", "uid:ID\tname\n007\tbond\n");
  std::string r = WriteFile("r.tsv", ":START_ID\t:END_ID\t:TYPE\n7\t 7 \tSELF\n");
  ImportOptions options;
  options.id_type = ImportOptions::IdType::kInteger;
  options.dialect.delimiter = '\t';
  ASSERT_TRUE(Import({{{n}, {"Agent"}, ""}}, {{{r}, {}, ""}}, options).ok());
  Reopen();
  auto reader = graph_->BeginRead();
  NodeRecord bond;
  ASSERT_TRUE(*reader->GetNode(0, &bond));
  EXPECT_EQ(bond.Find(*reader->FindToken(TokenKind::kPropertyKey, "uid"))->AsInt(), 7);
  EXPECT_EQ(Count(*reader->ScanAllRels()), 1u);
}

TEST_F(BulkLoaderTest, RefusesADatabaseWithData) {
  {
    auto w = graph_->BeginWrite();
    ASSERT_TRUE(w->CreateNode({}, {}).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  graph_.reset();
  auto loader = BulkLoader::Open(Db());
  ASSERT_FALSE(loader.ok());
  EXPECT_EQ(loader.status().code(), StatusCode::kInvalidState);
  EXPECT_NE(loader.status().message().find("new or empty database"), std::string::npos);
}

TEST_F(BulkLoaderTest, RefusesWhenTheDatabaseChangedBeforeCommit) {
  graph_.reset();
  auto loader = BulkLoader::Open(Db());
  ASSERT_TRUE(loader.ok());
  ASSERT_TRUE((*loader)->AddNode({}, {}).ok());
  Reopen();
  {
    auto w = graph_->BeginWrite();
    ASSERT_TRUE(w->CreateNode({}, {}).ok());
    ASSERT_TRUE(w->Commit().ok());
  }
  // Open: the lock is held.
  auto held = (*loader)->Commit();
  EXPECT_EQ(held.status().code(), StatusCode::kLocked) << held.status().ToString();
  graph_.reset();
  auto loader2 = BulkLoader::Open(Db());
  ASSERT_FALSE(loader2.ok());  // has data now
}

TEST_F(BulkLoaderTest, SchemaObjectsCreatedByTheLoader) {
  graph_.reset();
  auto loader = BulkLoader::Open(Db());
  ASSERT_TRUE(loader.ok());
  BulkLoader& l = **loader;
  TokenId p = *l.Token(TokenKind::kLabel, "P");
  TokenId k = *l.Token(TokenKind::kPropertyKey, "k");
  ASSERT_TRUE(
      l.AddSchemaObject(SchemaKind::kNodeKeyConstraint, EntityKind::kNode, "pk", p, {k}).ok());
  EXPECT_EQ(l.AddSchemaObject(SchemaKind::kUniqueConstraint, EntityKind::kNode, "pk", p, {k})
                .status()
                .code(),
            StatusCode::kAlreadyExists);
  ASSERT_TRUE(l.AddNode(std::vector<TokenId>{p}, {{k, Value::Int(1)}}).ok());
  EXPECT_EQ(l.AddNode(std::vector<TokenId>{p}, {{k, Value::Float(1.0)}}).status().code(),
            StatusCode::kConstraintViolation);  // 1 = 1.0 for uniqueness
  EXPECT_EQ(
      l.AddSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "late", p, {k}).status().code(),
      StatusCode::kInvalidState);
  ASSERT_TRUE(l.Commit().ok());
  Reopen();
  auto w = graph_->BeginWrite();
  ASSERT_EQ(w->catalog().objects().size(), 1u);
  EXPECT_EQ(w->catalog().objects()[0].name, "pk");
  Value one = Value::Int(1);
  EXPECT_EQ(*w->FindByKey(w->catalog().objects()[0], std::span<const Value>(&one, 1)),
            std::optional<uint64_t>(0));
  auto again =
      w->CreateSchemaObject(SchemaKind::kRangeIndex, EntityKind::kNode, "", p, {Key(*w, "j")});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 1u);  // schema id counter continued
}

}  // namespace
}  // namespace smith::graph
