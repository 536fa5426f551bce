// Cypher statements: a query, or one of the schema commands (constraints, indexes, SHOW).
//
// Each statement may carry an EXPLAIN or PROFILE prefix. Old syntaxes are normalised by the
// parser: `CREATE CONSTRAINT ON (n:L) ASSERT ...` becomes the `FOR ... REQUIRE` form and
// `CREATE INDEX ON :L(p)` becomes `CREATE INDEX FOR (n:L) ON (n.p)`.
//
// Tagged with StatementKind and downcast with As<T>(). Move-only; Clone() deep-copies.
#ifndef SMITH_CYPHER_AST_STATEMENT_H_
#define SMITH_CYPHER_AST_STATEMENT_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cypher/ast/clause.h"

namespace smith::cypher {

enum class StatementKind : uint8_t {
  kQuery,
  kCreateConstraint,
  kDropConstraint,
  kCreateIndex,
  kDropIndex,
  kShow,
};

enum class ExplainMode : uint8_t { kNone, kExplain, kProfile };

struct Statement {
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  virtual std::unique_ptr<Statement> Clone() const = 0;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }

  const StatementKind kind;
  SourcePos pos;  // Of the first token after EXPLAIN / PROFILE.
  ExplainMode explain = ExplainMode::kNone;

 protected:
  Statement(StatementKind k, SourcePos p) : kind(k), pos(p) {}
};

using StatementPtr = std::unique_ptr<Statement>;

struct QueryStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kQuery;
  explicit QueryStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  Query query;
};

enum class EntityKind : uint8_t { kNode, kRelationship };

// What a constraint or index applies to: `(variable:Label)` or `()-[variable:TYPE]-()`.
// `labels` has one entry, except for FULLTEXT indexes (`(n:A|B)`) and LOOKUP indexes (none).
struct SchemaTarget {
  SourcePos pos;
  EntityKind entity = EntityKind::kNode;
  std::string variable;
  std::vector<std::string> labels;
};

// `variable.key` in REQUIRE / ON; the parser does not check that variable matches the target's
// (the binder reports that).
struct PropertyRef {
  SourcePos pos;
  std::string variable;
  std::string key;
};

enum class ConstraintKind : uint8_t {
  kUnique,   // IS UNIQUE (also IS NODE UNIQUE / IS RELATIONSHIP UNIQUE)
  kKey,      // IS NODE KEY / IS RELATIONSHIP KEY / IS KEY
  kNotNull,  // IS NOT NULL (old: ASSERT exists(n.p))
};

// `CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR target REQUIRE properties IS ... [OPTIONS map]`.
struct CreateConstraintStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateConstraint;
  explicit CreateConstraintStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  std::string name;  // Empty: the database generates one.
  bool if_not_exists = false;
  SchemaTarget target;
  std::vector<PropertyRef> properties;  // Non-empty.
  ConstraintKind constraint = ConstraintKind::kUnique;
  ExprPtr options;  // MapLiteral or Parameter; may be null.
};

// `DROP CONSTRAINT name [IF EXISTS]`.
struct DropConstraintStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kDropConstraint;
  explicit DropConstraintStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  std::string name;
  bool if_exists = false;
};

enum class IndexKind : uint8_t { kRange, kText, kPoint, kLookup, kFulltext, kVector };

// `CREATE [RANGE|TEXT|POINT|VECTOR] INDEX [name] [IF NOT EXISTS] FOR target ON (properties)`,
// `CREATE LOOKUP INDEX ... FOR (n) ON EACH labels(n)` / `FOR ()-[r]-() ON EACH type(r)`,
// `CREATE FULLTEXT INDEX ... FOR (n:A|B) ON EACH [n.a, n.b]`, each with optional OPTIONS map.
// A plain `CREATE INDEX` (and the deprecated BTREE) is kRange.
struct CreateIndexStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateIndex;
  explicit CreateIndexStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  std::string name;
  bool if_not_exists = false;
  IndexKind index = IndexKind::kRange;
  SchemaTarget target;
  std::vector<PropertyRef> properties;  // Empty for kLookup.
  std::string lookup_function;          // kLookup: "labels" or "type" as written.
  ExprPtr options;
};

// `DROP INDEX name [IF EXISTS]`.
struct DropIndexStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kDropIndex;
  explicit DropIndexStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  std::string name;
  bool if_exists = false;
};

enum class ShowKind : uint8_t { kIndexes, kConstraints, kProcedures, kFunctions };

// The type filter after SHOW. Valid per kind: indexes kAll..kVector; constraints kAll and
// kUnique..kRelationshipExistence; functions kAll, kBuiltIn, kUserDefined; procedures kAll.
enum class ShowFilter : uint8_t {
  kAll,
  kRange,
  kText,
  kPoint,
  kLookup,
  kFulltext,
  kVector,
  kUnique,
  kNodeUnique,
  kRelationshipUnique,
  kKey,
  kNodeKey,
  kRelationshipKey,
  kExistence,
  kNodeExistence,
  kRelationshipExistence,
  kBuiltIn,
  kUserDefined,
};

// `SHOW [filter] INDEXES|CONSTRAINTS|PROCEDURES|FUNCTIONS` followed by either `WHERE where` or
// `YIELD ... [ORDER BY ...] [SKIP ...] [LIMIT ...] [WHERE where] [RETURN ...]`.
// `yield` is unset without YIELD; its `distinct` is always false.
struct ShowStatement final : Statement {
  static constexpr StatementKind kKind = StatementKind::kShow;
  explicit ShowStatement(SourcePos p) : Statement(kKind, p) {}
  StatementPtr Clone() const override;

  ShowKind show = ShowKind::kIndexes;
  ShowFilter filter = ShowFilter::kAll;
  std::optional<Projection> yield;
  ExprPtr where;
  std::unique_ptr<ReturnClause> return_clause;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_STATEMENT_H_
