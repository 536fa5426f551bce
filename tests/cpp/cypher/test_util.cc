#include "test_util.h"

#include <gtest/gtest.h>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"

namespace smith::cypher::testing {

StatementPtr MustParse(std::string_view query) {
  auto r = ParseStatement(query);
  if (!r.ok()) {
    ADD_FAILURE() << "failed to parse: " << query << "\n" << r.status().ToString();
    return nullptr;
  }
  return std::move(r).value();
}

ExprPtr MustParseExpr(std::string_view text) {
  auto r = ParseExpression(text);
  if (!r.ok()) {
    ADD_FAILURE() << "failed to parse expression: " << text << "\n" << r.status().ToString();
    return nullptr;
  }
  return std::move(r).value();
}

std::string Canonical(std::string_view query) {
  auto r = ParseStatement(query);
  if (!r.ok()) return "<parse error: " + r.status().ToString() + ">";
  std::string printed = ToCypher(**r);
  EXPECT_EQ(ToCypher(*(*r)->Clone()), printed) << "Clone() differs for " << query;
  auto again = ParseStatement(printed);
  if (!again.ok()) {
    ADD_FAILURE() << "canonical form does not parse: " << printed << "\n"
                  << again.status().ToString();
    return printed;
  }
  EXPECT_EQ(ToCypher(**again), printed) << "not a fixed point for " << query;
  return printed;
}

std::string CanonicalExpr(std::string_view text) {
  auto r = ParseExpression(text);
  if (!r.ok()) return "<parse error: " + r.status().ToString() + ">";
  std::string printed = ToCypher(**r);
  EXPECT_EQ(ToCypher(*(*r)->Clone()), printed) << "Clone() differs for " << text;
  auto again = ParseExpression(printed);
  if (!again.ok()) {
    ADD_FAILURE() << "canonical form does not parse: " << printed << "\n"
                  << again.status().ToString();
    return printed;
  }
  EXPECT_EQ(ToCypher(**again), printed) << "not a fixed point for " << text;
  return printed;
}

std::string Sexp(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kBinary: {
      const auto& b = e.As<BinaryExpr>();
      return std::string("(") + BinaryOpText(b.op) + " " + Sexp(*b.left) + " " + Sexp(*b.right) +
             ")";
    }
    case ExprKind::kUnary: {
      const auto& u = e.As<UnaryExpr>();
      const char* op = u.op == UnaryOp::kNot ? "NOT" : u.op == UnaryOp::kMinus ? "neg" : "pos";
      return std::string("(") + op + " " + Sexp(*u.operand) + ")";
    }
    case ExprKind::kComparisonChain: {
      const auto& c = e.As<ComparisonChain>();
      std::string out = "(chain " + Sexp(*c.operands[0]);
      for (size_t i = 0; i < c.ops.size(); ++i) {
        out += std::string(" ") + BinaryOpText(c.ops[i]) + " " + Sexp(*c.operands[i + 1]);
      }
      return out + ")";
    }
    case ExprKind::kIsNull: {
      const auto& n = e.As<IsNullExpr>();
      return std::string(n.negated ? "(IS NOT NULL " : "(IS NULL ") + Sexp(*n.operand) + ")";
    }
    case ExprKind::kProperty: {
      const auto& p = e.As<PropertyAccess>();
      return "(. " + Sexp(*p.object) + " " + p.key + ")";
    }
    case ExprKind::kSubscript: {
      const auto& s = e.As<SubscriptExpr>();
      return "([] " + Sexp(*s.object) + " " + Sexp(*s.index) + ")";
    }
    case ExprKind::kSlice: {
      const auto& s = e.As<SliceExpr>();
      return "([..] " + Sexp(*s.object) + " " + (s.from ? Sexp(*s.from) : "_") + " " +
             (s.to ? Sexp(*s.to) : "_") + ")";
    }
    case ExprKind::kLabelPredicate: {
      const auto& l = e.As<LabelPredicate>();
      std::string out = "(: " + Sexp(*l.operand);
      for (const LabelExpression& label : l.labels) {
        out += ' ';
        out += ToCypher(label);
      }
      return out + ")";
    }
    default:
      return ToCypher(e);
  }
}

std::string SexpOf(std::string_view text) {
  ExprPtr e = MustParseExpr(text);
  return e ? Sexp(*e) : "<error>";
}

std::string ErrorOf(std::string_view query) {
  auto r = ParseStatement(query);
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kSyntaxError) << r.status().ToString();
  return std::string(r.status().message());
}

const Clause& ClauseAt(const Statement& s, size_t index) {
  return *s.As<QueryStatement>().query.parts.at(0).clauses.at(index);
}

}  // namespace smith::cypher::testing
