// A GoogleTest fixture with a fresh database per test and helpers that run a query and print
// its rows, its summary or its error.
#ifndef SMITH_TESTS_CPP_CYPHER_ENGINE_ENGINE_FIXTURE_H_
#define SMITH_TESTS_CPP_CYPHER_ENGINE_ENGINE_FIXTURE_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "smith/database.h"

namespace smith::testing {

class EngineFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "smith-engine-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    DatabaseOptions options;
    options.sync_commit = false;
    auto db = Database::Open(dir_ + "/db", options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Runs a query and returns its rows printed as "v1 | v2" lines.
  std::vector<std::string> Rows(const std::string& query, const ValueMap& params = {}) {
    auto result = db_->Run(query, params);
    EXPECT_TRUE(result.ok()) << query << ": " << result.status().ToString();
    if (!result.ok()) return {};
    std::vector<std::string> rows;
    std::vector<Value> record;
    while (true) {
      auto more = (*result)->Next(&record);
      EXPECT_TRUE(more.ok()) << query << ": " << more.status().ToString();
      if (!more.ok() || !*more) break;
      std::string line;
      for (const Value& v : record) line += (line.empty() ? "" : " | ") + v.ToString();
      rows.push_back(line);
    }
    return rows;
  }
  // The single value of a one-row, one-column result, printed.
  std::string One(const std::string& query, const ValueMap& params = {}) {
    std::vector<std::string> rows = Rows(query, params);
    EXPECT_EQ(rows.size(), 1u) << query;
    return rows.empty() ? "<no rows>" : rows[0];
  }
  QuerySummary Summary(const std::string& query, const ValueMap& params = {}) {
    auto result = db_->Run(query, params);
    EXPECT_TRUE(result.ok()) << query << ": " << result.status().ToString();
    if (!result.ok()) return {};
    auto summary = (*result)->Consume();
    EXPECT_TRUE(summary.ok()) << query << ": " << summary.status().ToString();
    return summary.ok() ? *summary : QuerySummary{};
  }
  Status Error(const std::string& query, const ValueMap& params = {}) {
    auto result = db_->Run(query, params);
    if (!result.ok()) return result.status();
    auto summary = (*result)->Consume();
    return summary.ok() ? Status::OK() : summary.status();
  }
  int64_t Count(const std::string& match) {
    std::vector<std::string> rows = Rows(match + " RETURN count(*) AS c");
    return rows.size() == 1 ? std::stoll(rows[0]) : -1;
  }

  std::string dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace smith::testing

#endif  // SMITH_TESTS_CPP_CYPHER_ENGINE_ENGINE_FIXTURE_H_
