// Randomly mutated queries must never crash the parser (this test runs under ASan/UBSan in the
// sanitizer build): each either parses and round-trips through the printer, or fails with a
// positioned kSyntaxError.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"

namespace smith::cypher {
namespace {

constexpr const char* kSeeds[] = {
    "MATCH (n:Person {name: 'Alice'})-[r:KNOWS*1..3]->(m) WHERE n.age > 3 RETURN m.name AS name",
    "UNWIND $rows AS row MERGE (n:L {k: row.k}) ON CREATE SET n += row.props SET n:$(row.l)",
    "MATCH (a), (b) WHERE a.id = $a AND b.id = $b MERGE (a)-[r:T {k: 1}]->(b) RETURN count(r)",
    "WITH [x IN range(0, 10) WHERE x % 2 = 0 | x ^ 2] AS l RETURN reduce(s = 0, y IN l | s + y)",
    "RETURN CASE WHEN 1 < 2 <= 3 THEN 'a\\'b' ELSE \"c\" END, {a: [1, 2.5e3, 0x1F]}, n{.a, .*}",
    "CALL (x) { MATCH (n) WHERE EXISTS { (n)-->(:A|B) } RETURN n } IN TRANSACTIONS OF 10 ROWS",
    "CALL db.labels() YIELD label WHERE label STARTS WITH 'A' RETURN label ORDER BY label DESC",
    "CREATE CONSTRAINT c IF NOT EXISTS FOR (n:L) REQUIRE (n.a, n.b) IS NODE KEY",
    "SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name",
    "MATCH p = shortestPath((a)-[*..5]-(b)) RETURN [n IN nodes(p) | n.name], all(x IN l WHERE x)",
    "FOREACH (x IN $list | CREATE (:N {v: x}) REMOVE m.p, m:L) RETURN 1 UNION ALL RETURN 2",
    "MATCH (n) /* comment */ RETURN n.`weird key`, -9223372036854775808, $0 // end",
};

TEST(ParserFuzzTest, MutatedQueriesNeverCrash) {
  constexpr uint32_t kSeed = 7;
  std::mt19937 rng(kSeed);
  const std::string alphabet = "()[]{}<>-:|&!$*+=~.,;'\"`/\\ \n\tabcMATCHRETURN019xe%^\xC3\xA9";
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  int parsed = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string q = kSeeds[pick(std::size(kSeeds))];
    int edits = 1 + static_cast<int>(pick(4));
    for (int e = 0; e < edits && !q.empty(); ++e) {
      size_t at = pick(q.size());
      switch (pick(3)) {
        case 0:
          q.erase(at, 1 + pick(3));
          break;
        case 1:
          q.insert(at, 1, alphabet[pick(alphabet.size())]);
          break;
        default:
          q[at] = alphabet[pick(alphabet.size())];
          break;
      }
    }
    auto r = ParseStatement(q);
    if (r.ok()) {
      ++parsed;
      std::string printed = ToCypher(**r);
      auto again = ParseStatement(printed);
      ASSERT_TRUE(again.ok()) << "seed " << kSeed << " iteration " << i << "\n"
                              << q << "\n"
                              << printed << "\n"
                              << again.status().ToString();
      EXPECT_EQ(ToCypher(**again), printed) << "seed " << kSeed << " iteration " << i << "\n" << q;
    } else {
      EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError) << q;
      EXPECT_NE(r.status().message().find("(line "), std::string_view::npos)
          << "seed " << kSeed << " iteration " << i << "\n"
          << q << "\n"
          << r.status().message();
    }
  }
  EXPECT_GT(parsed, 100);  // The mutations keep some queries valid.
}

}  // namespace
}  // namespace smith::cypher
