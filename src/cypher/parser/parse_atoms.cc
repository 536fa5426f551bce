// Primary expressions: literals, parameters, variables, parenthesised expressions and pattern
// predicates, lists and comprehensions, maps and map projections, CASE, function calls,
// quantifiers, reduce, shortestPath and the EXISTS / COUNT / COLLECT subqueries.
#include <cstdint>
#include <limits>

#include "cypher/parser/lexer.h"
#include "cypher/parser/parser_impl.h"

namespace smith::cypher {
namespace {

constexpr uint64_t kInt64MinMagnitude = uint64_t{1} << 63;

}  // namespace

ExprPtr Parser::ParseAtom() {
  switch (Cur().kind) {
    case TokenKind::kInteger:
    case TokenKind::kFloat:
      return ParseNumber(/*negate=*/false, Cur());
    case TokenKind::kString:
      return ParseStringLiteral();
    case TokenKind::kDollar:
      return ParseParameter();
    case TokenKind::kLParen:
      return ParseParenthesized();
    case TokenKind::kLBracket:
      return ParseBracketed();
    case TokenKind::kLBrace:
      return ParseMapLiteral();
    case TokenKind::kIdentifier:
    case TokenKind::kQuotedIdentifier:
      return ParseWordAtom();
    default:
      return Fail("an expression");
  }
}

ExprPtr Parser::ParseNumber(bool negate, const Token& sign) {
  const Token& t = Advance();
  SourcePos pos = negate ? PosOf(sign) : PosOf(t);
  if (t.kind == TokenKind::kFloat)
    return Literal::Float(pos, negate ? -t.float_value : t.float_value);
  if (t.int_value == kInt64MinMagnitude) {
    if (!negate) return FailAt(t, "integer is too large");
    return Literal::Integer(pos, std::numeric_limits<int64_t>::min());
  }
  int64_t value = static_cast<int64_t>(t.int_value);
  return Literal::Integer(pos, negate ? -value : value);
}

ExprPtr Parser::ParseStringLiteral() {
  const Token& t = Advance();
  return Literal::String(PosOf(t), DecodeStringLiteral(TextOf(t)));
}

ExprPtr Parser::ParseParameter() {
  SourcePos pos = PosOf(Advance());
  if (Is(TokenKind::kInteger))
    return std::make_unique<Parameter>(pos, std::string(TextOf(Advance())));
  std::string name;
  if (!ParseName(&name, nullptr, "a parameter name")) return nullptr;
  return std::make_unique<Parameter>(pos, std::move(name));
}

ExprPtr Parser::ParseParenthesized() {
  BarScope bar(this, false);
  std::optional<Error> pattern_error;
  if (!SpeculationFailedAt(pos_) && LooksLikeRelationshipPattern(0)) {
    Mark mark = Save();
    auto expr = std::make_unique<PatternExpr>(CurPos());
    expr->path = std::make_unique<PatternPath>();
    expr->path->pos = expr->pos;
    if (ParsePathChain(expr->path.get(), /*require_relationship=*/true)) return expr;
    pattern_error = std::move(error_);
    Rewind(mark);
    NoteFailedSpeculation(pos_);
  }
  Advance();
  ExprPtr inner = ParseExpr();
  if (inner != nullptr && Expect(TokenKind::kRParen, "an operator or ')'")) return inner;
  if (pattern_error && pattern_error->offset > error_->offset) error_ = std::move(pattern_error);
  return nullptr;
}

ExprPtr Parser::ParseBracketed() {
  BarScope bar(this, false);
  if (IsName(1) && IsKw(Keyword::kIn, 2)) return ParseListComprehension();
  std::optional<Error> pattern_error;
  if (!SpeculationFailedAt(pos_) &&
      (LooksLikeRelationshipPattern(1) ||
       (IsName(1) && Is(TokenKind::kEq, 2) && LooksLikeRelationshipPattern(3)))) {
    Mark mark = Save();
    ExprPtr comprehension = ParsePatternComprehension();
    if (comprehension != nullptr) return comprehension;
    pattern_error = std::move(error_);
    Rewind(mark);
    NoteFailedSpeculation(pos_);
  }
  auto list = std::make_unique<ListLiteral>(CurPos());
  Advance();
  if (ParseExprList(&list->items, TokenKind::kRBracket)) return list;
  if (pattern_error && pattern_error->offset > error_->offset) error_ = std::move(pattern_error);
  return nullptr;
}

ExprPtr Parser::ParseListComprehension() {
  auto out = std::make_unique<ListComprehension>(CurPos());
  Advance();
  if (!ParseVariableName(&out->variable, &out->variable_pos)) return nullptr;
  Advance();  // IN
  out->list = ParseExprBeforeBar();
  if (out->list == nullptr) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    out->where = ParseExprBeforeBar();
    if (out->where == nullptr) return nullptr;
  }
  if (Accept(TokenKind::kPipe)) {
    out->projection = ParseExpr();
    if (out->projection == nullptr) return nullptr;
  }
  if (!Expect(TokenKind::kRBracket, out->projection ? "']'" : "'WHERE', '|' or ']'")) {
    return nullptr;
  }
  return out;
}

ExprPtr Parser::ParsePatternComprehension() {
  auto out = std::make_unique<PatternComprehension>(CurPos());
  Advance();
  out->path = std::make_unique<PatternPath>();
  out->path->pos = CurPos();
  if (IsName() && Is(TokenKind::kEq, 1)) {
    out->path->variable = NameOf(Advance());
    Advance();
  }
  if (!ParsePathChain(out->path.get(), /*require_relationship=*/true)) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    out->where = ParseExprBeforeBar();
    if (out->where == nullptr) return nullptr;
  }
  if (!Expect(TokenKind::kPipe, out->where ? "'|'" : "'WHERE' or '|'")) return nullptr;
  out->projection = ParseExpr();
  if (out->projection == nullptr) return nullptr;
  if (!Expect(TokenKind::kRBracket, "']'")) return nullptr;
  return out;
}

ExprPtr Parser::ParseMapLiteral() {
  auto map = std::make_unique<MapLiteral>(CurPos());
  if (!Expect(TokenKind::kLBrace, "'{'")) return nullptr;
  BarScope bar(this, false);
  if (Accept(TokenKind::kRBrace)) return map;
  do {
    MapEntry entry;
    if (!ParseName(&entry.key, &entry.pos, "a property key name")) return nullptr;
    if (!Expect(TokenKind::kColon, "':'")) return nullptr;
    entry.value = ParseExpr();
    if (entry.value == nullptr) return nullptr;
    map->entries.push_back(std::move(entry));
  } while (Accept(TokenKind::kComma));
  if (!Expect(TokenKind::kRBrace, "',' or '}'")) return nullptr;
  return map;
}

ExprPtr Parser::ParseCase() {
  auto out = std::make_unique<CaseExpr>(CurPos());
  Advance();
  BarScope bar(this, false);
  if (!IsKw(Keyword::kWhen)) {
    out->subject = ParseExpr();
    if (out->subject == nullptr) return nullptr;
  }
  while (AcceptKw(Keyword::kWhen)) {
    CaseAlternative alt;
    alt.when = ParseExpr();
    if (alt.when == nullptr || !ExpectKw(Keyword::kThen)) return nullptr;
    alt.then = ParseExpr();
    if (alt.then == nullptr) return nullptr;
    out->alternatives.push_back(std::move(alt));
  }
  if (out->alternatives.empty()) return Fail("'WHEN'");
  if (AcceptKw(Keyword::kElse)) {
    out->else_expr = ParseExpr();
    if (out->else_expr == nullptr) return nullptr;
  }
  if (!AcceptKw(Keyword::kEnd)) return Fail(out->else_expr ? "'END'" : "'WHEN', 'ELSE' or 'END'");
  return out;
}

ExprPtr Parser::ParseWordAtom() {
  const Token& t = Cur();
  if (t.kind == TokenKind::kIdentifier) {
    switch (t.keyword) {
      case Keyword::kTrue:
      case Keyword::kFalse:
        Advance();
        return Literal::Boolean(PosOf(t), t.keyword == Keyword::kTrue);
      case Keyword::kNull:
        Advance();
        return Literal::Null(PosOf(t));
      case Keyword::kCase:
        return ParseCase();
      case Keyword::kCount:
        if (Is(TokenKind::kLParen, 1) && Is(TokenKind::kStar, 2) && Is(TokenKind::kRParen, 3)) {
          Advance();
          Advance();
          Advance();
          Advance();
          return std::make_unique<CountStar>(PosOf(t));
        }
        if (Is(TokenKind::kLBrace, 1)) return ParseSubquery(SubqueryKind::kCount);
        break;
      case Keyword::kExists:
        if (Is(TokenKind::kLBrace, 1)) return ParseSubquery(SubqueryKind::kExists);
        break;
      case Keyword::kCollect:
        if (Is(TokenKind::kLBrace, 1)) return ParseSubquery(SubqueryKind::kCollect);
        break;
      case Keyword::kAll:
      case Keyword::kAny:
      case Keyword::kNone:
      case Keyword::kSingle:
        if (Is(TokenKind::kLParen, 1) && IsName(2) && IsKw(Keyword::kIn, 3)) {
          QuantifierKind q = t.keyword == Keyword::kAll    ? QuantifierKind::kAll
                             : t.keyword == Keyword::kAny  ? QuantifierKind::kAny
                             : t.keyword == Keyword::kNone ? QuantifierKind::kNone
                                                           : QuantifierKind::kSingle;
          return ParseQuantifier(q);
        }
        break;
      case Keyword::kReduce:
        if (Is(TokenKind::kLParen, 1) && IsName(2) && Is(TokenKind::kEq, 3)) return ParseReduce();
        break;
      case Keyword::kShortestPath:
      case Keyword::kAllShortestPaths:
        if (Is(TokenKind::kLParen, 1) && Is(TokenKind::kLParen, 2)) {
          return ParseShortestPathExpr();
        }
        break;
      default:
        break;
    }
  }
  size_t k = 0;
  while (Is(TokenKind::kDot, k + 1) && IsName(k + 2)) k += 2;
  if (Is(TokenKind::kLParen, k + 1)) return ParseFunctionCall();
  if (IsClauseKeyword(t)) return Fail("an expression");
  Advance();
  if (Is(TokenKind::kLBrace)) return ParseMapProjection(t);
  return std::make_unique<Variable>(PosOf(t), NameOf(t));
}

ExprPtr Parser::ParseFunctionCall() {
  auto call = std::make_unique<FunctionCall>(CurPos());
  call->name = NameOf(Advance());
  while (Accept(TokenKind::kDot)) {
    call->namespaces.push_back(std::move(call->name));
    call->name = NameOf(Advance());
  }
  Advance();  // (
  BarScope bar(this, false);
  if (AcceptKw(Keyword::kDistinct)) {
    call->distinct = true;
    if (!ParseExprList(&call->args, TokenKind::kEnd)) return nullptr;
    if (!Expect(TokenKind::kRParen, "',' or ')'")) return nullptr;
    return call;
  }
  if (!ParseExprList(&call->args, TokenKind::kRParen)) return nullptr;
  return call;
}

ExprPtr Parser::ParseQuantifier(QuantifierKind q) {
  auto out = std::make_unique<QuantifierExpr>(CurPos(), q);
  Advance();
  Advance();  // (
  BarScope bar(this, false);
  if (!ParseVariableName(&out->variable, &out->variable_pos)) return nullptr;
  Advance();  // IN
  out->list = ParseExpr();
  if (out->list == nullptr) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    out->where = ParseExpr();
    if (out->where == nullptr) return nullptr;
  }
  if (!Expect(TokenKind::kRParen, out->where ? "')'" : "'WHERE' or ')'")) return nullptr;
  return out;
}

ExprPtr Parser::ParseReduce() {
  auto out = std::make_unique<ReduceExpr>(CurPos());
  Advance();
  Advance();  // (
  BarScope bar(this, false);
  if (!ParseVariableName(&out->accumulator, &out->accumulator_pos)) return nullptr;
  Advance();  // =
  out->init = ParseExpr();
  if (out->init == nullptr || !Expect(TokenKind::kComma, "','")) return nullptr;
  if (!ParseVariableName(&out->variable, &out->variable_pos) || !ExpectKw(Keyword::kIn)) {
    return nullptr;
  }
  out->list = ParseExprBeforeBar();
  if (out->list == nullptr || !Expect(TokenKind::kPipe, "'|'")) return nullptr;
  out->expression = ParseExpr();
  if (out->expression == nullptr || !Expect(TokenKind::kRParen, "')'")) return nullptr;
  return out;
}

ExprPtr Parser::ParseMapProjection(const Token& var) {
  auto out = std::make_unique<MapProjection>(PosOf(var), NameOf(var));
  Advance();  // {
  BarScope bar(this, false);
  if (Accept(TokenKind::kRBrace)) return out;
  do {
    MapProjectionItem item;
    item.pos = CurPos();
    if (Accept(TokenKind::kDot)) {
      if (Accept(TokenKind::kStar)) {
        item.kind = MapProjectionItemKind::kAllProperties;
      } else {
        item.kind = MapProjectionItemKind::kProperty;
        if (!ParseName(&item.key, nullptr, "a property key name or '*'")) return nullptr;
      }
    } else if (IsName() && Is(TokenKind::kColon, 1)) {
      item.kind = MapProjectionItemKind::kLiteral;
      item.key = NameOf(Advance());
      Advance();
      item.value = ParseExpr();
      if (item.value == nullptr) return nullptr;
    } else if (IsName()) {
      item.kind = MapProjectionItemKind::kVariable;
      item.key = NameOf(Advance());
      item.value = std::make_unique<Variable>(item.pos, item.key);
    } else {
      return Fail("'.', a property key name or a variable");
    }
    out->items.push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  if (!Expect(TokenKind::kRBrace, "',' or '}'")) return nullptr;
  return out;
}

ExprPtr Parser::ParseSubquery(SubqueryKind kind) {
  DepthGuard guard(this);
  if (guard.TooDeep()) return FailTooDeep();
  auto out = std::make_unique<SubqueryExpr>(CurPos(), kind);
  Advance();
  Advance();  // {
  BarScope bar(this, false);
  if (AtClauseStart()) {
    out->query = std::make_unique<Query>();
    if (!ParseQuery(out->query.get())) return nullptr;
    if (!Expect(TokenKind::kRBrace, "a clause, 'UNION' or '}'")) return nullptr;
    return out;
  }
  out->pattern = std::make_unique<Pattern>();
  if (!ParsePattern(out->pattern.get())) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    out->where = ParseExpr();
    if (out->where == nullptr) return nullptr;
  }
  if (!Expect(TokenKind::kRBrace, out->where ? "'}'" : "',', 'WHERE' or '}'")) return nullptr;
  return out;
}

ExprPtr Parser::ParseShortestPathExpr() {
  auto out = std::make_unique<PatternExpr>(CurPos());
  out->path = std::make_unique<PatternPath>();
  out->path->pos = out->pos;
  out->path->kind = IsKw(Keyword::kShortestPath) ? PathKind::kShortest : PathKind::kAllShortest;
  Advance();
  Advance();  // (
  BarScope bar(this, false);
  if (!ParsePathChain(out->path.get(), /*require_relationship=*/true)) return nullptr;
  if (!Expect(TokenKind::kRParen, "')'")) return nullptr;
  return out;
}

}  // namespace smith::cypher
