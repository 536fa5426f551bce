#include <gtest/gtest.h>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

using testing::Canonical;
using testing::ClauseAt;
using testing::MustParse;

const PatternPath& FirstPath(const Statement& s) {
  return ClauseAt(s, 0).As<MatchClause>().pattern.paths.at(0);
}

TEST(PatternTest, NodePatterns) {
  EXPECT_EQ(Canonical("MATCH () RETURN 1"), "MATCH () RETURN 1");
  EXPECT_EQ(Canonical("MATCH (n) RETURN n"), "MATCH (n) RETURN n");
  EXPECT_EQ(Canonical("MATCH (:A:B) RETURN 1"), "MATCH (:A:B) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (n:A {k: 1, j: 'x'}) RETURN n"),
            "MATCH (n:A {k: 1, j: 'x'}) RETURN n");
  EXPECT_EQ(Canonical("MATCH ({k: 1}) RETURN 1"), "MATCH ({k: 1}) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (n $props) RETURN n"), "MATCH (n $props) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:A WHERE n.x > 1) RETURN n"), "MATCH (n:A WHERE n.x > 1) RETURN n");
  EXPECT_EQ(Canonical("MATCH (`weird name`:`Label 1`) RETURN 1"),
            "MATCH (`weird name`:`Label 1`) RETURN 1");

  StatementPtr s = MustParse("MATCH (n:Person:Admin {name: $name}) RETURN n");
  ASSERT_NE(s, nullptr);
  const NodePattern& node = FirstPath(*s).nodes.at(0);
  EXPECT_EQ(node.variable, "n");
  std::vector<std::string> labels;
  EXPECT_TRUE(StaticLabelNames(node.labels, &labels));
  EXPECT_EQ(labels, (std::vector<std::string>{"Person", "Admin"}));
  ASSERT_NE(node.properties, nullptr);
  EXPECT_EQ(node.properties->kind, ExprKind::kMap);
}

TEST(PatternTest, LabelExpressions) {
  EXPECT_EQ(Canonical("MATCH (n:A|B) RETURN n"), "MATCH (n:A|B) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:A&B) RETURN n"), "MATCH (n:A&B) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:!A) RETURN n"), "MATCH (n:!A) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:%) RETURN n"), "MATCH (n:%) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:(A|B)&!C) RETURN n"), "MATCH (n:(A|B)&!C) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:A|(B&C)) RETURN n"), "MATCH (n:A|B&C) RETURN n");
  EXPECT_EQ(Canonical("MATCH (n:!(A&B)) RETURN n"), "MATCH (n:!(A&B)) RETURN n");
  StatementPtr s = MustParse("MATCH (n:A|B&!C) RETURN n");
  ASSERT_NE(s, nullptr);
  const LabelList& labels = FirstPath(*s).nodes[0].labels;
  ASSERT_EQ(labels.size(), 1u);
  const LabelExpression& l = labels[0];
  EXPECT_EQ(l.kind, LabelExprKind::kOr);
  ASSERT_EQ(l.children.size(), 2u);
  EXPECT_EQ(l.children[1].kind, LabelExprKind::kAnd);
  EXPECT_EQ(l.children[1].children[1].kind, LabelExprKind::kNot);
  std::vector<std::string> names;
  EXPECT_FALSE(StaticLabelNames(labels, &names));
}

TEST(PatternTest, DynamicLabels) {
  EXPECT_EQ(Canonical("CREATE (n:$(row.label)) RETURN n"), "CREATE (n:$(row.label)) RETURN n");
  EXPECT_EQ(Canonical("MERGE (n:Base:$($labels) {k: 1})"), "MERGE (n:Base:$($labels) {k: 1})");
  StatementPtr s = MustParse("CREATE (n:$('A' + 'B'))");
  ASSERT_NE(s, nullptr);
  const auto& labels = ClauseAt(*s, 0).As<CreateClause>().pattern.paths[0].nodes[0].labels;
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0].kind, LabelExprKind::kDynamic);
  EXPECT_EQ(ToCypher(*labels[0].dynamic), "'A' + 'B'");
}

TEST(PatternTest, RelationshipDirections) {
  EXPECT_EQ(Canonical("MATCH (a)-->(b) RETURN 1"), "MATCH (a)-->(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a)<--(b) RETURN 1"), "MATCH (a)<--(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a)--(b) RETURN 1"), "MATCH (a)--(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a)<-->(b) RETURN 1"), "MATCH (a)--(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a)-[]->(b) RETURN 1"), "MATCH (a)-->(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a)<-[r]-(b) RETURN 1"), "MATCH (a)<-[r]-(b) RETURN 1");
  EXPECT_EQ(Canonical("MATCH (a) - [r] -> (b) RETURN 1"), "MATCH (a)-[r]->(b) RETURN 1");
  StatementPtr s = MustParse("MATCH (a)-->(b)<--(c)--(d) RETURN 1");
  ASSERT_NE(s, nullptr);
  const PatternPath& p = FirstPath(*s);
  ASSERT_EQ(p.relationships.size(), 3u);
  ASSERT_EQ(p.nodes.size(), 4u);
  EXPECT_EQ(p.relationships[0].direction, RelDirection::kOutgoing);
  EXPECT_EQ(p.relationships[1].direction, RelDirection::kIncoming);
  EXPECT_EQ(p.relationships[2].direction, RelDirection::kBoth);
}

TEST(PatternTest, RelationshipDetails) {
  EXPECT_EQ(Canonical("MATCH ()-[r:T|U *1..3 {p: 1}]->() RETURN r"),
            "MATCH ()-[r:T|U*1..3 {p: 1}]->() RETURN r");
  EXPECT_EQ(Canonical("MATCH ()-[:T|:U]->() RETURN 1"), "MATCH ()-[:T|U]->() RETURN 1");
  EXPECT_EQ(Canonical("MATCH ()-[{p: 1}]->() RETURN 1"), "MATCH ()-[{p: 1}]->() RETURN 1");
  EXPECT_EQ(Canonical("MATCH ()-[r $p]->() RETURN 1"), "MATCH ()-[r $p]->() RETURN 1");
  EXPECT_EQ(Canonical("MATCH ()-[r WHERE r.w > 1]->() RETURN 1"),
            "MATCH ()-[r WHERE r.w > 1]->() RETURN 1");
  StatementPtr s = MustParse("MATCH ()-[r:KNOWS]->() RETURN r");
  ASSERT_NE(s, nullptr);
  const RelationshipPattern& r = FirstPath(*s).relationships[0];
  EXPECT_EQ(r.variable, "r");
  ASSERT_EQ(r.types.size(), 1u);
  EXPECT_EQ(r.types[0].name, "KNOWS");
  EXPECT_FALSE(r.length.has_value());
}

TEST(PatternTest, VariableLength) {
  struct Case {
    const char* in;
    const char* out;
    std::optional<int64_t> min;
    std::optional<int64_t> max;
  };
  const Case cases[] = {
      {"*", "*", std::nullopt, std::nullopt},
      {"*2", "*2", 2, 2},
      {"*..3", "*..3", std::nullopt, 3},
      {"*2..", "*2..", 2, std::nullopt},
      {"*1..3", "*1..3", 1, 3},
      {"*..", "*", std::nullopt, std::nullopt},
      {"* 1 .. 3", "*1..3", 1, 3},
      {"*0..0", "*0", 0, 0},
  };
  for (const Case& c : cases) {
    std::string q = std::string("MATCH (a)-[r") + c.in + "]->(b) RETURN r";
    EXPECT_EQ(Canonical(q), std::string("MATCH (a)-[r") + c.out + "]->(b) RETURN r") << c.in;
    StatementPtr s = MustParse(q);
    ASSERT_NE(s, nullptr);
    const auto& len = FirstPath(*s).relationships[0].length;
    ASSERT_TRUE(len.has_value()) << c.in;
    EXPECT_EQ(len->min, c.min) << c.in;
    EXPECT_EQ(len->max, c.max) << c.in;
  }
}

TEST(PatternTest, NamedPathsShortestPathsAndLists) {
  EXPECT_EQ(Canonical("MATCH p = (a)-->(b) RETURN p"), "MATCH p = (a)-->(b) RETURN p");
  EXPECT_EQ(Canonical("MATCH p=shortestPath((a)-[*]-(b)) RETURN p"),
            "MATCH p = shortestPath((a)-[*]-(b)) RETURN p");
  EXPECT_EQ(Canonical("MATCH p = allShortestPaths((a)-[:T*..5]->(b)) RETURN p"),
            "MATCH p = allShortestPaths((a)-[:T*..5]->(b)) RETURN p");
  EXPECT_EQ(Canonical("MATCH (a), (b)-->(c), p = (d) RETURN 1"),
            "MATCH (a), (b)-->(c), p = (d) RETURN 1");
  EXPECT_EQ(Canonical("MATCH p = ((a)-->(b)) RETURN p"), "MATCH p = (a)-->(b) RETURN p");
  StatementPtr s = MustParse("MATCH p = shortestPath((a)-[*]-(b)) RETURN p");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(FirstPath(*s).variable, "p");
  EXPECT_EQ(FirstPath(*s).kind, PathKind::kShortest);
}

TEST(PatternTest, Positions) {
  StatementPtr s = MustParse("MATCH (a)\n  -[r:T]->(b:B)\nRETURN a");
  ASSERT_NE(s, nullptr);
  const PatternPath& p = FirstPath(*s);
  EXPECT_EQ(p.pos.offset, 6u);
  EXPECT_EQ(p.nodes[0].pos.column, 7u);
  EXPECT_EQ(p.relationships[0].pos.line, 2u);
  EXPECT_EQ(p.relationships[0].pos.column, 3u);
  EXPECT_EQ(p.relationships[0].types[0].pos.column, 7u);
  EXPECT_EQ(p.nodes[1].pos.line, 2u);
  EXPECT_EQ(p.nodes[1].pos.column, 11u);
  EXPECT_EQ(ClauseAt(*s, 1).pos.line, 3u);
}

}  // namespace
}  // namespace smith::cypher
