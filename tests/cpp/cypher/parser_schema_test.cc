#include <gtest/gtest.h>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

using testing::Canonical;
using testing::ErrorOf;
using testing::MustParse;

TEST(SchemaTest, CreateConstraintForms) {
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE");
  EXPECT_EQ(Canonical("create constraint person_key if not exists for (p:Person) "
                      "require (p.a, p.b) is node key"),
            "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE (p.a, p.b) IS "
            "NODE KEY");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT c FOR (n:L) REQUIRE (n.p) IS UNIQUE"),
            "CREATE CONSTRAINT c FOR (n:L) REQUIRE n.p IS UNIQUE");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NOT NULL"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NOT NULL");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS KEY"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NODE KEY");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NODE UNIQUE"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT r FOR ()-[r:T]-() REQUIRE r.k IS RELATIONSHIP KEY"),
            "CREATE CONSTRAINT r FOR ()-[r:T]-() REQUIRE r.k IS RELATIONSHIP KEY");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR ()-[r:T]->() REQUIRE r.k IS UNIQUE"),
            "CREATE CONSTRAINT FOR ()-[r:T]-() REQUIRE r.k IS UNIQUE");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE OPTIONS {a: 1}"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE OPTIONS {a: 1}");
  // Names that are keywords used as names.
  EXPECT_EQ(Canonical("CREATE CONSTRAINT for FOR (n:L) REQUIRE n.p IS UNIQUE"),
            "CREATE CONSTRAINT for FOR (n:L) REQUIRE n.p IS UNIQUE");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT `my constraint` FOR (n:L) REQUIRE n.p IS UNIQUE"),
            "CREATE CONSTRAINT `my constraint` FOR (n:L) REQUIRE n.p IS UNIQUE");
}

TEST(SchemaTest, CreateConstraintAst) {
  StatementPtr s =
      MustParse("CREATE CONSTRAINT k IF NOT EXISTS FOR (n:Person) REQUIRE (n.a, n.b) IS NODE KEY");
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(s->kind, StatementKind::kCreateConstraint);
  const auto& c = s->As<CreateConstraintStatement>();
  EXPECT_EQ(c.name, "k");
  EXPECT_TRUE(c.if_not_exists);
  EXPECT_EQ(c.target.entity, EntityKind::kNode);
  EXPECT_EQ(c.target.variable, "n");
  EXPECT_EQ(c.target.labels, (std::vector<std::string>{"Person"}));
  ASSERT_EQ(c.properties.size(), 2u);
  EXPECT_EQ(c.properties[1].key, "b");
  EXPECT_EQ(c.constraint, ConstraintKind::kKey);
}

TEST(SchemaTest, OldConstraintSyntaxIsNormalised) {
  EXPECT_EQ(Canonical("CREATE CONSTRAINT ON (n:L) ASSERT n.p IS UNIQUE"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT ON (n:L) ASSERT (n.a, n.b) IS NODE KEY"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE (n.a, n.b) IS NODE KEY");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT ON (n:L) ASSERT exists(n.p)"),
            "CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS NOT NULL");
  EXPECT_EQ(Canonical("CREATE CONSTRAINT ON ()-[r:T]-() ASSERT exists(r.p)"),
            "CREATE CONSTRAINT FOR ()-[r:T]-() REQUIRE r.p IS NOT NULL");
}

TEST(SchemaTest, CreateIndexForms) {
  EXPECT_EQ(Canonical("CREATE INDEX FOR (n:L) ON (n.p)"), "CREATE INDEX FOR (n:L) ON (n.p)");
  EXPECT_EQ(Canonical("CREATE RANGE INDEX idx IF NOT EXISTS FOR (n:L) ON (n.a, n.b)"),
            "CREATE INDEX idx IF NOT EXISTS FOR (n:L) ON (n.a, n.b)");
  EXPECT_EQ(Canonical("CREATE TEXT INDEX FOR ()-[r:T]-() ON (r.p)"),
            "CREATE TEXT INDEX FOR ()-[r:T]-() ON (r.p)");
  EXPECT_EQ(Canonical("CREATE POINT INDEX p FOR (n:L) ON (n.loc)"),
            "CREATE POINT INDEX p FOR (n:L) ON (n.loc)");
  EXPECT_EQ(Canonical("CREATE LOOKUP INDEX FOR (n) ON EACH labels(n)"),
            "CREATE LOOKUP INDEX FOR (n) ON EACH labels(n)");
  EXPECT_EQ(Canonical("CREATE LOOKUP INDEX FOR ()-[r]-() ON EACH type(r)"),
            "CREATE LOOKUP INDEX FOR ()-[r]-() ON EACH type(r)");
  EXPECT_EQ(Canonical("CREATE FULLTEXT INDEX ft FOR (n:A|B) ON EACH [n.x, n.y]"),
            "CREATE FULLTEXT INDEX ft FOR (n:A|B) ON EACH [n.x, n.y]");
  EXPECT_EQ(Canonical("CREATE INDEX ON :Person(name, age)"),
            "CREATE INDEX FOR (n:Person) ON (n.name, n.age)");
  EXPECT_EQ(Canonical("CREATE INDEX i FOR (n:L) ON (n.p) OPTIONS $o"),
            "CREATE INDEX i FOR (n:L) ON (n.p) OPTIONS $o");
  StatementPtr s = MustParse("CREATE INDEX rel_idx FOR ()-[r:KNOWS]-() ON (r.since)");
  ASSERT_NE(s, nullptr);
  const auto& idx = s->As<CreateIndexStatement>();
  EXPECT_EQ(idx.index, IndexKind::kRange);
  EXPECT_EQ(idx.target.entity, EntityKind::kRelationship);
  EXPECT_EQ(idx.target.labels, (std::vector<std::string>{"KNOWS"}));
  EXPECT_EQ(idx.properties.at(0).key, "since");
  // A pattern `CREATE index = (...)` is still a query.
  EXPECT_EQ(Canonical("CREATE index = (a)-[:T]->(b)"), "CREATE index = (a)-[:T]->(b)");
}

TEST(SchemaTest, Drop) {
  EXPECT_EQ(Canonical("DROP CONSTRAINT c"), "DROP CONSTRAINT c");
  EXPECT_EQ(Canonical("drop constraint c if exists"), "DROP CONSTRAINT c IF EXISTS");
  EXPECT_EQ(Canonical("DROP INDEX `my index` IF EXISTS"), "DROP INDEX `my index` IF EXISTS");
  StatementPtr s = MustParse("DROP INDEX i IF EXISTS");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->As<DropIndexStatement>().if_exists);
}

TEST(SchemaTest, Show) {
  EXPECT_EQ(Canonical("SHOW INDEXES"), "SHOW INDEXES");
  EXPECT_EQ(Canonical("SHOW ALL INDEX"), "SHOW INDEXES");
  EXPECT_EQ(Canonical("SHOW RANGE INDEXES WHERE name = 'x'"),
            "SHOW RANGE INDEXES WHERE name = 'x'");
  EXPECT_EQ(Canonical("SHOW CONSTRAINTS"), "SHOW CONSTRAINTS");
  EXPECT_EQ(Canonical("SHOW UNIQUE CONSTRAINTS"), "SHOW UNIQUE CONSTRAINTS");
  EXPECT_EQ(Canonical("SHOW NODE KEY CONSTRAINTS"), "SHOW NODE KEY CONSTRAINTS");
  EXPECT_EQ(Canonical("SHOW REL EXISTENCE CONSTRAINT"), "SHOW RELATIONSHIP EXISTENCE CONSTRAINTS");
  EXPECT_EQ(Canonical("SHOW INDEXES YIELD name, type AS t ORDER BY name SKIP 1 LIMIT 5 "
                      "WHERE t = 'RANGE' RETURN name"),
            "SHOW INDEXES YIELD name, type AS t ORDER BY name SKIP 1 LIMIT 5 WHERE t = 'RANGE' "
            "RETURN name");
  EXPECT_EQ(Canonical("SHOW CONSTRAINTS YIELD * RETURN *"), "SHOW CONSTRAINTS YIELD * RETURN *");
  EXPECT_EQ(Canonical("SHOW PROCEDURES"), "SHOW PROCEDURES");
  EXPECT_EQ(Canonical("SHOW BUILT IN FUNCTIONS YIELD name"), "SHOW BUILT IN FUNCTIONS YIELD name");
  StatementPtr s = MustParse("SHOW NODE UNIQUE CONSTRAINTS YIELD name WHERE name STARTS WITH 'a'");
  ASSERT_NE(s, nullptr);
  const auto& show = s->As<ShowStatement>();
  EXPECT_EQ(show.show, ShowKind::kConstraints);
  EXPECT_EQ(show.filter, ShowFilter::kNodeUnique);
  ASSERT_TRUE(show.yield.has_value());
  EXPECT_EQ(show.yield->items.size(), 1u);
  EXPECT_NE(show.where, nullptr);
  EXPECT_EQ(show.return_clause, nullptr);
}

TEST(SchemaTest, Errors) {
  EXPECT_EQ(ErrorOf("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS FOO"),
            "Invalid input 'FOO': expected 'UNIQUE', 'NODE KEY', 'RELATIONSHIP KEY', 'KEY' or "
            "'NOT NULL' (line 1, column 44 (offset: 43))\n"
            "\"CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS FOO\"\n"
            "                                            ^");
  EXPECT_NE(ErrorOf("CREATE INDEX FOR (n:L) ON n.p").find("expected '('"), std::string::npos);
  EXPECT_NE(ErrorOf("SHOW UNIQUE INDEXES").find("does not apply to SHOW INDEXES"),
            std::string::npos);
  EXPECT_NE(ErrorOf("DROP TABLE x").find("expected 'CONSTRAINT' or 'INDEX'"), std::string::npos);
  EXPECT_NE(ErrorOf("CREATE CONSTRAINT FOR (n:L) REQUIRE n.p IS UNIQUE RETURN 1")
                .find("expected ';' or <EOF>"),
            std::string::npos);
}

}  // namespace
}  // namespace smith::cypher
