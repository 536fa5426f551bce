// Printing expressions, label expressions and patterns.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "cypher/ast/printer.h"
#include "cypher/ast/printer_internal.h"
#include "cypher/parser/lexer.h"

namespace smith::cypher {
namespace {

int BinaryPrecedence(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return kPrecOr;
    case BinaryOp::kXor:
      return kPrecXor;
    case BinaryOp::kAnd:
      return kPrecAnd;
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return kPrecComparison;
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kRegexMatch:
    case BinaryOp::kIn:
      return kPrecPredicate;
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
      return kPrecAdditive;
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return kPrecMultiplicative;
    case BinaryOp::kPow:
      return kPrecPower;
  }
  return kPrecLowest;
}

// Label-expression binding strengths.
constexpr int kLabelOr = 0;
constexpr int kLabelAnd = 1;
constexpr int kLabelNot = 2;
constexpr int kLabelAtom = 3;

int LabelPrecedence(const LabelExpression& l) {
  switch (l.kind) {
    case LabelExprKind::kOr:
      return kLabelOr;
    case LabelExprKind::kAnd:
      return kLabelAnd;
    case LabelExprKind::kNot:
      return kLabelNot;
    default:
      return kLabelAtom;
  }
}

void AppendFloat(double v, std::string* out) {
  if (std::isnan(v)) {
    *out += "(0.0 / 0.0)";
    return;
  }
  if (std::isinf(v)) {
    *out += v > 0 ? "(1.0 / 0.0)" : "(-1.0 / 0.0)";
    return;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  std::string_view text(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
  size_t e = text.find('e');
  std::string_view mantissa = text.substr(0, e);
  *out += mantissa;
  if (mantissa.find('.') == std::string_view::npos) *out += ".0";
  if (e != std::string_view::npos) {
    std::string_view exponent = text.substr(e + 1);
    if (!exponent.empty() && exponent[0] == '+') exponent.remove_prefix(1);
    *out += 'e';
    *out += exponent;
  }
}

const char* QuantifierName(QuantifierKind q) {
  switch (q) {
    case QuantifierKind::kAll:
      return "all";
    case QuantifierKind::kAny:
      return "any";
    case QuantifierKind::kNone:
      return "none";
    case QuantifierKind::kSingle:
      return "single";
  }
  return "all";
}

// Whether `text` starts with a name followed by ` <op> ` (e.g. "x IN "), which the parser would
// read as a comprehension, quantifier or reduce header rather than an expression.
bool StartsWithNameThen(std::string_view text, std::string_view op) {
  size_t i = 0;
  if (!text.empty() && text[0] == '`') {
    for (i = 1; i < text.size(); ++i) {
      if (text[i] != '`') continue;
      if (i + 1 < text.size() && text[i + 1] == '`') {
        ++i;
      } else {
        break;
      }
    }
    ++i;
  } else {
    while (i < text.size() && text[i] != ' ' && text[i] != '.' && text[i] != '(' &&
           text[i] != '[' && text[i] != '{' && text[i] != ':') {
      ++i;
    }
    if (i == 0 || !IsUnquotedName(text.substr(0, i))) return false;
  }
  return text.size() > i && text[i] == ' ' && text.substr(i + 1, op.size()) == op &&
         text.size() > i + 1 + op.size() && text[i + 1 + op.size()] == ' ';
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string QuoteName(std::string_view name) {
  if (IsUnquotedName(name)) return std::string(name);
  std::string out = "`";
  for (char c : name) {
    out += c;
    if (c == '`') out += '`';
  }
  out += '`';
  return out;
}

std::string QuoteVariable(std::string_view name) {
  if (IsUnquotedName(name)) {
    switch (LookupKeyword(name)) {
      // The words the parser reads as something else where a variable may stand.
      case Keyword::kTrue:
      case Keyword::kFalse:
      case Keyword::kNull:
      case Keyword::kCase:
      case Keyword::kNot:
      case Keyword::kCount:
      case Keyword::kExists:
      case Keyword::kCollect:
      case Keyword::kDistinct:
      case Keyword::kWhere:
      case Keyword::kMatch:
      case Keyword::kOptional:
      case Keyword::kUnwind:
      case Keyword::kWith:
      case Keyword::kReturn:
      case Keyword::kCreate:
      case Keyword::kMerge:
      case Keyword::kSet:
      case Keyword::kRemove:
      case Keyword::kDelete:
      case Keyword::kDetach:
      case Keyword::kNodetach:
      case Keyword::kForeach:
      case Keyword::kCall: {
        std::string quoted(name.size() + 2, '`');
        name.copy(quoted.data() + 1, name.size());
        return quoted;
      }
      default:
        break;
    }
  }
  return QuoteName(name);
}

std::string QuoteString(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04X", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '\'';
  return out;
}

int PrecedenceOf(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kBinary:
      return BinaryPrecedence(e.As<BinaryExpr>().op);
    case ExprKind::kUnary:
      return e.As<UnaryExpr>().op == UnaryOp::kNot ? kPrecNot : kPrecUnary;
    case ExprKind::kComparisonChain:
      return kPrecComparison;
    case ExprKind::kIsNull:
      return kPrecPredicate;
    case ExprKind::kLabelPredicate:
      return kPrecLabel;
    case ExprKind::kProperty:
    case ExprKind::kSubscript:
    case ExprKind::kSlice:
      return kPrecPostfix;
    case ExprKind::kLiteral: {
      const auto& lit = e.As<Literal>();
      if (lit.literal_kind == LiteralKind::kInteger && lit.int_value < 0) return kPrecUnary;
      if (lit.literal_kind == LiteralKind::kFloat &&
          (std::signbit(lit.float_value) || !std::isfinite(lit.float_value))) {
        return kPrecUnary;
      }
      return kPrecAtom;
    }
    default:
      return kPrecAtom;
  }
}

void Printer::Expr(const Expression& e, int min_prec) {
  if (PrecedenceOf(e) < min_prec) {
    out_ += '(';
    ExprInner(e);
    out_ += ')';
  } else {
    ExprInner(e);
  }
}

void Printer::Exprs(const std::vector<ExprPtr>& exprs, std::string_view guard_op) {
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i > 0) out_ += ", ";
    size_t start = out_.size();
    Expr(*exprs[i]);
    if (i == 0 && !guard_op.empty() &&
        StartsWithNameThen(std::string_view(out_).substr(start), guard_op)) {
      out_.insert(start, 1, '(');
      out_ += ')';
    }
  }
}

void Printer::LiteralText(const Literal& lit) {
  switch (lit.literal_kind) {
    case LiteralKind::kNull:
      out_ += "null";
      break;
    case LiteralKind::kBoolean:
      out_ += lit.bool_value ? "true" : "false";
      break;
    case LiteralKind::kInteger:
      out_ += std::to_string(lit.int_value);
      break;
    case LiteralKind::kFloat:
      AppendFloat(lit.float_value, &out_);
      break;
    case LiteralKind::kString:
      out_ += QuoteString(lit.string_value);
      break;
  }
}

void Printer::ExprInner(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      LiteralText(e.As<Literal>());
      return;
    case ExprKind::kParameter: {
      const std::string& name = e.As<Parameter>().name;
      out_ += '$';
      bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
      out_ += digits ? name : QuoteName(name);
      return;
    }
    case ExprKind::kVariable:
      out_ += QuoteVariable(e.As<Variable>().name);
      return;
    case ExprKind::kProperty: {
      const auto& p = e.As<PropertyAccess>();
      Expr(*p.object, kPrecPostfix);
      out_ += '.';
      out_ += QuoteName(p.key);
      return;
    }
    case ExprKind::kList:
      out_ += '[';
      Exprs(e.As<ListLiteral>().items, "IN");
      out_ += ']';
      return;
    case ExprKind::kMap: {
      const auto& m = e.As<MapLiteral>();
      out_ += '{';
      for (size_t i = 0; i < m.entries.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += QuoteName(m.entries[i].key);
        out_ += ": ";
        Expr(*m.entries[i].value);
      }
      out_ += '}';
      return;
    }
    case ExprKind::kUnary: {
      const auto& u = e.As<UnaryExpr>();
      if (u.op == UnaryOp::kNot) {
        out_ += "NOT ";
        Expr(*u.operand, kPrecNot);
      } else {
        out_ += u.op == UnaryOp::kMinus ? '-' : '+';
        Expr(*u.operand, kPrecLabel);
      }
      return;
    }
    case ExprKind::kBinary: {
      const auto& b = e.As<BinaryExpr>();
      int prec = BinaryPrecedence(b.op);
      Expr(*b.left, prec == kPrecComparison ? kPrecPredicate : prec);
      out_ += ' ';
      out_ += BinaryOpText(b.op);
      out_ += ' ';
      Expr(*b.right, prec == kPrecComparison ? kPrecPredicate : prec + 1);
      return;
    }
    case ExprKind::kComparisonChain: {
      const auto& c = e.As<ComparisonChain>();
      Expr(*c.operands[0], kPrecPredicate);
      for (size_t i = 0; i < c.ops.size(); ++i) {
        out_ += ' ';
        out_ += BinaryOpText(c.ops[i]);
        out_ += ' ';
        Expr(*c.operands[i + 1], kPrecPredicate);
      }
      return;
    }
    case ExprKind::kIsNull: {
      const auto& n = e.As<IsNullExpr>();
      Expr(*n.operand, kPrecPredicate);
      out_ += n.negated ? " IS NOT NULL" : " IS NULL";
      return;
    }
    case ExprKind::kSubscript: {
      const auto& s = e.As<SubscriptExpr>();
      Expr(*s.object, kPrecPostfix);
      out_ += '[';
      Expr(*s.index);
      out_ += ']';
      return;
    }
    case ExprKind::kSlice: {
      const auto& s = e.As<SliceExpr>();
      Expr(*s.object, kPrecPostfix);
      out_ += '[';
      if (s.from) Expr(*s.from);
      out_ += "..";
      if (s.to) Expr(*s.to);
      out_ += ']';
      return;
    }
    case ExprKind::kLabelPredicate: {
      const auto& l = e.As<LabelPredicate>();
      Expr(*l.operand, kPrecPostfix);
      Labels(l.labels, /*in_expression=*/true);
      return;
    }
    case ExprKind::kFunctionCall: {
      const auto& f = e.As<FunctionCall>();
      for (const std::string& ns : f.namespaces) {
        out_ += QuoteName(ns);
        out_ += '.';
      }
      out_ += QuoteName(f.name);
      out_ += f.distinct ? "(DISTINCT " : "(";
      std::string_view guard;
      if (f.namespaces.empty() && !f.distinct) {
        for (const char* q : {"all", "any", "none", "single"}) {
          if (EqualsIgnoreCase(f.name, q)) guard = "IN";
        }
        if (EqualsIgnoreCase(f.name, "reduce")) guard = "=";
      }
      Exprs(f.args, guard);
      out_ += ')';
      return;
    }
    case ExprKind::kCountStar:
      out_ += "count(*)";
      return;
    case ExprKind::kCase: {
      const auto& c = e.As<CaseExpr>();
      out_ += "CASE";
      if (c.subject) {
        out_ += ' ';
        Expr(*c.subject);
      }
      for (const CaseAlternative& alt : c.alternatives) {
        out_ += " WHEN ";
        Expr(*alt.when);
        out_ += " THEN ";
        Expr(*alt.then);
      }
      if (c.else_expr) {
        out_ += " ELSE ";
        Expr(*c.else_expr);
      }
      out_ += " END";
      return;
    }
    case ExprKind::kListComprehension: {
      const auto& c = e.As<ListComprehension>();
      out_ += '[';
      out_ += QuoteVariable(c.variable);
      out_ += " IN ";
      Expr(*c.list);
      if (c.where) {
        out_ += " WHERE ";
        Expr(*c.where);
      }
      if (c.projection) {
        out_ += " | ";
        Expr(*c.projection);
      }
      out_ += ']';
      return;
    }
    case ExprKind::kPatternComprehension: {
      const auto& c = e.As<PatternComprehension>();
      out_ += '[';
      Path(*c.path);
      if (c.where) {
        out_ += " WHERE ";
        Expr(*c.where);
      }
      out_ += " | ";
      Expr(*c.projection);
      out_ += ']';
      return;
    }
    case ExprKind::kQuantifier: {
      const auto& q = e.As<QuantifierExpr>();
      out_ += QuantifierName(q.quantifier);
      out_ += '(';
      out_ += QuoteVariable(q.variable);
      out_ += " IN ";
      Expr(*q.list);
      if (q.where) {
        out_ += " WHERE ";
        Expr(*q.where);
      }
      out_ += ')';
      return;
    }
    case ExprKind::kReduce: {
      const auto& r = e.As<ReduceExpr>();
      out_ += "reduce(";
      out_ += QuoteVariable(r.accumulator);
      out_ += " = ";
      Expr(*r.init);
      out_ += ", ";
      out_ += QuoteVariable(r.variable);
      out_ += " IN ";
      Expr(*r.list);
      out_ += " | ";
      Expr(*r.expression);
      out_ += ')';
      return;
    }
    case ExprKind::kMapProjection: {
      const auto& m = e.As<MapProjection>();
      out_ += QuoteVariable(m.variable);
      out_ += '{';
      for (size_t i = 0; i < m.items.size(); ++i) {
        if (i > 0) out_ += ", ";
        const MapProjectionItem& item = m.items[i];
        switch (item.kind) {
          case MapProjectionItemKind::kProperty:
            out_ += '.';
            out_ += QuoteName(item.key);
            break;
          case MapProjectionItemKind::kAllProperties:
            out_ += ".*";
            break;
          case MapProjectionItemKind::kLiteral:
            out_ += QuoteName(item.key);
            out_ += ": ";
            Expr(*item.value);
            break;
          case MapProjectionItemKind::kVariable:
            out_ += QuoteVariable(item.key);
            break;
        }
      }
      out_ += '}';
      return;
    }
    case ExprKind::kPattern:
      Path(*e.As<PatternExpr>().path);
      return;
    case ExprKind::kSubquery: {
      const auto& s = e.As<SubqueryExpr>();
      out_ += s.subquery == SubqueryKind::kExists  ? "EXISTS { "
              : s.subquery == SubqueryKind::kCount ? "COUNT { "
                                                   : "COLLECT { ";
      if (s.query) {
        QueryText(*s.query);
      } else {
        PatternList(*s.pattern);
        if (s.where) {
          out_ += " WHERE ";
          Expr(*s.where);
        }
      }
      out_ += " }";
      return;
    }
  }
}

void Printer::Label(const LabelExpression& l, int min_prec) {
  bool parens = LabelPrecedence(l) < min_prec;
  if (parens) out_ += '(';
  switch (l.kind) {
    case LabelExprKind::kName:
      out_ += QuoteName(l.name);
      break;
    case LabelExprKind::kDynamic:
      out_ += "$(";
      Expr(*l.dynamic);
      out_ += ')';
      break;
    case LabelExprKind::kWildcard:
      out_ += '%';
      break;
    case LabelExprKind::kNot:
      out_ += '!';
      Label(l.children[0], kLabelNot);
      break;
    case LabelExprKind::kAnd:
    case LabelExprKind::kOr: {
      bool is_or = l.kind == LabelExprKind::kOr;
      for (size_t i = 0; i < l.children.size(); ++i) {
        if (i > 0) out_ += is_or ? '|' : '&';
        Label(l.children[i], is_or ? kLabelAnd : kLabelNot);
      }
      break;
    }
  }
  if (parens) out_ += ')';
}

void Printer::Labels(const LabelList& labels, bool in_expression) {
  for (const LabelExpression& l : labels) {
    out_ += ':';
    // In expressions a top-level `|` could end a comprehension's WHERE; parenthesise it.
    Label(l, in_expression ? kLabelAnd : kLabelOr);
  }
}

void Printer::Node(const NodePattern& node) {
  out_ += '(';
  out_ += node.variable.empty() ? "" : QuoteVariable(node.variable);
  Labels(node.labels, /*in_expression=*/false);
  if (node.properties) {
    if (!node.variable.empty() || !node.labels.empty()) out_ += ' ';
    Expr(*node.properties);
  }
  if (node.where) {
    if (!node.variable.empty() || !node.labels.empty() || node.properties) out_ += ' ';
    out_ += "WHERE ";
    Expr(*node.where);
  }
  out_ += ')';
}

void Printer::Relationship(const RelationshipPattern& rel) {
  out_ += rel.direction == RelDirection::kIncoming ? "<-" : "-";
  bool detail =
      !rel.variable.empty() || !rel.types.empty() || rel.length || rel.properties || rel.where;
  if (detail) {
    out_ += '[';
    bool any = false;
    if (!rel.variable.empty()) {
      out_ += QuoteVariable(rel.variable);
      any = true;
    }
    for (const LabelExpression& t : rel.types) {
      out_ += ':';
      Label(t, kLabelOr);
      any = true;
    }
    if (rel.length) {
      out_ += '*';
      const VarLength& len = *rel.length;
      if (len.min && len.max && *len.min == *len.max) {
        out_ += std::to_string(*len.min);
      } else if (len.min || len.max) {
        if (len.min) out_ += std::to_string(*len.min);
        out_ += "..";
        if (len.max) out_ += std::to_string(*len.max);
      }
      any = true;
    }
    if (rel.properties) {
      if (any) out_ += ' ';
      Expr(*rel.properties);
      any = true;
    }
    if (rel.where) {
      if (any) out_ += ' ';
      out_ += "WHERE ";
      Expr(*rel.where);
    }
    out_ += ']';
  }
  out_ += rel.direction == RelDirection::kOutgoing ? "->" : "-";
}

void Printer::Path(const PatternPath& path) {
  if (!path.variable.empty()) {
    out_ += QuoteVariable(path.variable);
    out_ += " = ";
  }
  if (path.kind == PathKind::kShortest) out_ += "shortestPath(";
  if (path.kind == PathKind::kAllShortest) out_ += "allShortestPaths(";
  for (size_t i = 0; i < path.nodes.size(); ++i) {
    if (i > 0) Relationship(path.relationships[i - 1]);
    Node(path.nodes[i]);
  }
  if (path.kind != PathKind::kPattern) out_ += ')';
}

void Printer::PatternList(const Pattern& pattern) {
  for (size_t i = 0; i < pattern.paths.size(); ++i) {
    if (i > 0) out_ += ", ";
    Path(pattern.paths[i]);
  }
}

}  // namespace smith::cypher
