// The canonical Cypher printer's internal class; methods are split between print_expressions.cc
// (expressions, label expressions, patterns) and printer.cc (clauses, queries, statements).
#ifndef SMITH_CYPHER_AST_PRINTER_INTERNAL_H_
#define SMITH_CYPHER_AST_PRINTER_INTERNAL_H_

#include <string>
#include <string_view>

#include "cypher/ast/statement.h"

namespace smith::cypher {

// Binding strength of an expression's top-level operator; a child printed where a stronger one
// is required gets parentheses.
enum Precedence : int {
  kPrecLowest = 0,
  kPrecOr = 1,
  kPrecXor = 2,
  kPrecAnd = 3,
  kPrecNot = 4,
  kPrecComparison = 5,
  kPrecPredicate = 6,  // STARTS WITH, ENDS WITH, CONTAINS, =~, IN, IS NULL
  kPrecAdditive = 7,
  kPrecMultiplicative = 8,
  kPrecPower = 9,
  kPrecUnary = 10,
  kPrecLabel = 11,
  kPrecPostfix = 12,
  kPrecAtom = 13,
};

class Printer {
 public:
  std::string Take() { return std::move(out_); }

  // print_expressions.cc
  void Expr(const Expression& e, int min_prec = kPrecLowest);
  void Label(const LabelExpression& l, int min_prec = 0);
  void Labels(const LabelList& labels, bool in_expression);
  void Path(const PatternPath& path);
  void Node(const NodePattern& node);
  void Relationship(const RelationshipPattern& rel);
  void PatternList(const Pattern& pattern);

  // printer.cc
  void StatementText(const cypher::Statement& s);
  void QueryText(const Query& q);
  void ClauseText(const Clause& c);

 private:
  void ExprInner(const Expression& e);
  void LiteralText(const Literal& lit);
  // Comma-separated; if the first item's text would start with `name <guard_op> ` it is
  // parenthesised (see StartsWithNameThen).
  void Exprs(const std::vector<ExprPtr>& exprs, std::string_view guard_op = {});
  void ProjectionText(const Projection& p, bool is_return);
  void SetItems(const std::vector<SetItem>& items);
  void TargetText(const SchemaTarget& t);
  void PropertyRefs(const std::vector<PropertyRef>& refs, bool parens);

  std::string out_;
};

int PrecedenceOf(const Expression& e);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_AST_PRINTER_INTERNAL_H_
