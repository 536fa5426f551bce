// Bad input to the graph layer: each case gets a clear error and leaves the database unchanged.
#include <gtest/gtest.h>

#include <fstream>

#include "graph/property_value.h"
#include "graph_fixture.h"
#include "storage/engine.h"

namespace smith::graph {
namespace {

using BadInputTest = GraphTest;

TEST_F(BadInputTest, InvalidUtf8PropertyValueIsRefused) {
  auto w = graph_->BeginWrite();
  TokenId k = Key(*w, "name");
  auto created = w->CreateNode({}, {{k, Value::String(std::string("ab\xff", 3))}});
  ASSERT_TRUE(created.status().IsInvalidArgument());
  EXPECT_NE(created.status().message().find("name"), std::string_view::npos)
      << created.status().message();
  EXPECT_EQ(w->counters().nodes_created, 0);
  EXPECT_EQ(Count(*w->ScanAllNodes()), 0u);
}

TEST_F(BadInputTest, InvalidUtf8AndEmptyTokenNamesAreRefused) {
  auto w = graph_->BeginWrite();
  for (TokenKind kind : {TokenKind::kLabel, TokenKind::kRelType, TokenKind::kPropertyKey}) {
    auto empty = w->GetOrCreateToken(kind, "");
    ASSERT_TRUE(empty.status().IsInvalidArgument());
    EXPECT_NE(empty.status().message().find("must not be empty"), std::string_view::npos);
    EXPECT_TRUE(w->GetOrCreateToken(kind, std::string("\xc3\x28", 2)).status().IsInvalidArgument());
  }
  ASSERT_TRUE(w->Commit().ok());
  for (TokenKind kind : {TokenKind::kLabel, TokenKind::kRelType, TokenKind::kPropertyKey}) {
    EXPECT_EQ(graph_->tokens().size(kind), 0u);
  }
}

TEST_F(BadInputTest, UnstorableValuesAreRefused) {
  auto w = graph_->BeginWrite();
  TokenId k = Key(*w, "p");
  std::vector<std::pair<std::string, Value>> cases = {
      {"map", Value::Map({})},
      {"nested list", Value::List({Value::List({Value::Int(1)})})},
      {"list with null", Value::List({Value::Int(1), Value()})},
      {"mixed list", Value::List({Value::Int(1), Value::String("x")})},
  };
  cases.emplace_back("list of invalid UTF-8",
                     Value::List({Value::String("ok"), Value::String(std::string("\xff", 1))}));
  cases.emplace_back("list of maps", Value::List({Value::Map({})}));
  cases.emplace_back("node", Value(Node{}));
  cases.emplace_back("list of relationships", Value::List({Value(Relationship{})}));
  cases.emplace_back("path", Value(Path{{Node{}}, {}}));
  for (const auto& [what, value] : cases) {
    auto created = w->CreateNode({}, {{k, value}});
    EXPECT_TRUE(created.status().IsInvalidArgument())
        << what << ": " << created.status().ToString();
  }
  EXPECT_TRUE(w->CreateNode({}, {{k, Value::List({Value::Int(1), Value::Int(2)})}}).ok());
}

// The writer asks IsStorablePropertyValue first and builds ValidatePropertyValue's message only
// when it says no: the two must agree on every kind of value, or unstorable values get stored.
TEST(PropertyValueTest, StorableCheckAgreesWithValidation) {
  const std::string bad_utf8("a\xc3", 2);
  const std::vector<Value> values = {
      Value(),
      Value::Bool(true),
      Value::Int(7),
      Value::Float(1.5),
      Value::String("text"),
      Value::String(bad_utf8),
      Value::Bytes(bad_utf8),
      Value(Date{10}),
      Value(Duration{1, 2, 3, 4}),
      Value::Map({}),
      Value(Node{}),
      Value(Relationship{}),
      Value(Path{{Node{}}, {}}),
      Value::List({}),
      Value::List({Value::Int(1), Value::Int(2)}),
      Value::List({Value::Int(1), Value::Float(2)}),
      Value::List({Value::Int(1), Value()}),
      Value::List({Value(), Value::Int(1)}),
      Value::List({Value::String("x"), Value::String(bad_utf8)}),
      Value::List({Value::Bytes(bad_utf8)}),
      Value::List({Value::List({})}),
      Value::List({Value::Map({})}),
      Value::List({Value(Node{})}),
      Value::List({Value(Date{1}), Value(Date{2})}),
  };
  for (const Value& v : values) {
    EXPECT_EQ(IsStorablePropertyValue(v), ValidatePropertyValue("p", v).ok()) << v.ToString();
  }
}

TEST_F(BadInputTest, CorruptRecordIsReportedNotCrashed) {
  NodeId n;
  {
    auto w = graph_->BeginWrite();
    n = w->CreateNode({}, {{Key(*w, "p"), Value::String("hello")}}).value();
    ASSERT_TRUE(w->Commit().ok());
  }
  // Truncate the record behind the graph layer's back.
  {
    auto raw = graph_->engine().BeginWrite();
    std::string value;
    ASSERT_TRUE(raw->Get(storage::Family::kNode, keys::IdKey(n), &value).value());
    raw->Put(storage::Family::kNode, keys::IdKey(n), value.substr(0, value.size() - 2));
    ASSERT_TRUE(raw->Commit().ok());
  }
  NodeRecord record;
  auto got = graph_->BeginRead()->GetNode(n, &record);
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(got.status().IsCorruption()) << got.status().ToString();
  EXPECT_NE(got.status().message().find("node 0"), std::string_view::npos);
}

TEST(GraphOpenTest, DirectoryThatIsNotASmithDatabaseIsRefused) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "smith-foreign-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  { std::ofstream(tmpl + "/notes.txt") << "not a database"; }
  auto opened = Graph::Open(tmpl, {});
  ASSERT_FALSE(opened.ok());
  EXPECT_TRUE(opened.status().IsIncompatibleFormat()) << opened.status().ToString();
  EXPECT_NE(opened.status().message().find(tmpl), std::string_view::npos);
  EXPECT_TRUE(std::filesystem::exists(tmpl + "/notes.txt"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tmpl), {}), 1);
  std::filesystem::remove_all(tmpl);
}

TEST_F(BadInputTest, SecondOpenOfTheSameDirectoryIsLocked) {
  auto second = Graph::Open(dir_ + "/db", {});
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(second.status().IsLocked()) << second.status().ToString();
}

}  // namespace
}  // namespace smith::graph
