// Test fixture: a fresh database directory per test and helpers to write small graphs.
#ifndef SMITH_TESTS_CPP_GRAPH_GRAPH_FIXTURE_H_
#define SMITH_TESTS_CPP_GRAPH_GRAPH_FIXTURE_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "graph/graph.h"
#include "graph/graph_reader.h"
#include "graph/graph_writer.h"

namespace smith::graph {

class GraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "smith-graph-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    Reopen();
  }
  void TearDown() override {
    graph_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Reopen(GraphOptions options = {}) {
    graph_.reset();
    options.sync_commit = false;  // a test process is never power-cut; keeps tests fast
    auto opened = Graph::Open(dir_ + "/db", options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    graph_ = std::move(opened).value();
  }

  TokenId Token(GraphWriter& w, TokenKind kind, const std::string& name) {
    auto id = w.GetOrCreateToken(kind, name);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  TokenId Label(GraphWriter& w, const std::string& name) {
    return Token(w, TokenKind::kLabel, name);
  }
  TokenId Type(GraphWriter& w, const std::string& name) {
    return Token(w, TokenKind::kRelType, name);
  }
  TokenId Key(GraphWriter& w, const std::string& name) {
    return Token(w, TokenKind::kPropertyKey, name);
  }

  // Counts the ids a cursor yields, asserting it ends without error.
  static size_t Count(IdCursor& cursor) {
    size_t n = 0;
    uint64_t id;
    while (cursor.Next(&id)) ++n;
    EXPECT_TRUE(cursor.status().ok()) << cursor.status().ToString();
    return n;
  }
  static std::vector<uint64_t> Ids(IdCursor& cursor) {
    std::vector<uint64_t> ids;
    uint64_t id;
    while (cursor.Next(&id)) ids.push_back(id);
    EXPECT_TRUE(cursor.status().ok()) << cursor.status().ToString();
    return ids;
  }

  std::string dir_;
  std::unique_ptr<Graph> graph_;
};

}  // namespace smith::graph

#endif  // SMITH_TESTS_CPP_GRAPH_GRAPH_FIXTURE_H_
