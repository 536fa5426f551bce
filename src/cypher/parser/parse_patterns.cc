// Patterns: paths, node and relationship patterns, variable lengths, label expressions.
#include <limits>

#include "cypher/parser/parser_impl.h"

namespace smith::cypher {

bool Parser::ParsePattern(Pattern* out) {
  out->pos = CurPos();
  do {
    PatternPath path;
    if (!ParsePatternPath(&path, /*allow_variable=*/true)) return false;
    out->paths.push_back(std::move(path));
  } while (Accept(TokenKind::kComma));
  return true;
}

bool Parser::ParsePatternPath(PatternPath* out, bool allow_variable) {
  out->pos = CurPos();
  if (allow_variable && IsName() && Is(TokenKind::kEq, 1)) {
    out->variable = NameOf(Advance());
    Advance();
  }
  if ((IsKw(Keyword::kShortestPath) || IsKw(Keyword::kAllShortestPaths)) &&
      Is(TokenKind::kLParen, 1)) {
    out->kind = IsKw(Keyword::kShortestPath) ? PathKind::kShortest : PathKind::kAllShortest;
    Advance();
    Advance();
    if (!ParsePathChain(out, /*require_relationship=*/true)) return false;
    return Expect(TokenKind::kRParen, "')'");
  }
  if (Is(TokenKind::kLParen) && Is(TokenKind::kLParen, 1)) {
    // A parenthesised path: `((a)-->(b))`.
    Advance();
    if (!ParsePathChain(out, /*require_relationship=*/false)) return false;
    return Expect(TokenKind::kRParen, "')'");
  }
  return ParsePathChain(out, /*require_relationship=*/false);
}

bool Parser::ParsePathChain(PatternPath* out, bool require_relationship) {
  NodePattern first;
  if (!ParseNodePattern(&first)) return false;
  out->nodes.push_back(std::move(first));
  if (Is(TokenKind::kMinus) || Is(TokenKind::kLt)) {
    out->nodes.reserve(4);
    out->relationships.reserve(3);
  }
  while (Is(TokenKind::kMinus) || (Is(TokenKind::kLt) && Is(TokenKind::kMinus, 1))) {
    RelationshipPattern rel;
    if (!ParseRelationshipPattern(&rel)) return false;
    NodePattern node;
    if (!ParseNodePattern(&node)) return false;
    out->relationships.push_back(std::move(rel));
    out->nodes.push_back(std::move(node));
  }
  if (require_relationship && out->relationships.empty()) {
    Fail("'-' or '<-' (a relationship pattern)");
    return false;
  }
  return true;
}

bool Parser::LooksLikeRelationshipPattern(size_t ahead) const {
  if (!Is(TokenKind::kLParen, ahead)) return false;
  int depth = 0;
  size_t i = ahead;
  while (true) {
    TokenKind k = Peek(i).kind;
    if (k == TokenKind::kEnd || k == TokenKind::kSemicolon) return false;
    if (k == TokenKind::kLParen || k == TokenKind::kLBracket || k == TokenKind::kLBrace) ++depth;
    if (k == TokenKind::kRParen || k == TokenKind::kRBracket || k == TokenKind::kRBrace) {
      if (--depth == 0) break;
    }
    ++i;
  }
  if (Is(TokenKind::kMinus, i + 1)) return true;
  return Is(TokenKind::kLt, i + 1) && Is(TokenKind::kMinus, i + 2);
}

bool Parser::ParseNodePattern(NodePattern* out) {
  DepthGuard guard(this);
  if (guard.TooDeep()) {
    FailTooDeep();
    return false;
  }
  out->pos = CurPos();
  if (!Expect(TokenKind::kLParen, "'('")) return false;
  BarScope bar(this, false);
  if (IsName() && !(IsKw(Keyword::kWhere) && !Is(TokenKind::kRParen, 1) &&
                    !Is(TokenKind::kColon, 1) && !Is(TokenKind::kLBrace, 1))) {
    out->variable = NameOf(Advance());
  }
  if (Is(TokenKind::kColon) && !ParseLabelList(&out->labels, /*allow_bar=*/true)) return false;
  if (Is(TokenKind::kLBrace) || Is(TokenKind::kDollar)) {
    out->properties = ParsePropertiesOrParameter();
    if (out->properties == nullptr) return false;
  }
  if (AcceptKw(Keyword::kWhere)) {
    out->where = ParseExpr();
    if (out->where == nullptr) return false;
  }
  if (Accept(TokenKind::kRParen)) return true;
  Alternatives expected;
  bool open = out->properties == nullptr && out->where == nullptr;
  if (open && out->variable.empty() && out->labels.empty()) expected.Add("a variable name");
  if (open) expected.Add("':'");
  if (open && !out->labels.empty()) {
    expected.Add("'|'");
    expected.Add("'&'");
  }
  if (open) {
    expected.Add("'{'");
    expected.Add("'$'");
  }
  if (out->where == nullptr) expected.Add("'WHERE'");
  expected.Add("')'");
  Fail(expected.Join());
  return false;
}

bool Parser::ParseRelationshipPattern(RelationshipPattern* out) {
  out->pos = CurPos();
  bool left = Accept(TokenKind::kLt);
  if (!Expect(TokenKind::kMinus, "'-'")) return false;
  if (Accept(TokenKind::kLBracket)) {
    BarScope bar(this, false);
    if (IsName() &&
        !(IsKw(Keyword::kWhere) && !Is(TokenKind::kRBracket, 1) && !Is(TokenKind::kColon, 1) &&
          !Is(TokenKind::kStar, 1) && !Is(TokenKind::kLBrace, 1))) {
      out->variable = NameOf(Advance());
    }
    if (Is(TokenKind::kColon) && !ParseRelTypes(&out->types)) return false;
    if (Is(TokenKind::kStar)) {
      VarLength length;
      if (!ParseVarLength(&length)) return false;
      out->length = length;
    }
    if (Is(TokenKind::kLBrace) || Is(TokenKind::kDollar)) {
      out->properties = ParsePropertiesOrParameter();
      if (out->properties == nullptr) return false;
    }
    if (AcceptKw(Keyword::kWhere)) {
      out->where = ParseExpr();
      if (out->where == nullptr) return false;
    }
    if (!Accept(TokenKind::kRBracket)) {
      Alternatives expected;
      bool open = out->properties == nullptr && out->where == nullptr;
      bool before_length = open && !out->length;
      if (before_length && out->variable.empty() && out->types.empty()) {
        expected.Add("a variable name");
      }
      if (before_length && out->types.empty()) expected.Add("':'");
      if (before_length && !out->types.empty()) {
        expected.Add("'|'");
        expected.Add("'&'");
      }
      if (before_length) expected.Add("'*'");
      if (open) {
        expected.Add("'{'");
        expected.Add("'$'");
      }
      if (out->where == nullptr) expected.Add("'WHERE'");
      expected.Add("']'");
      Fail(expected.Join());
      return false;
    }
  }
  if (!Expect(TokenKind::kMinus, left ? "'-'" : "'-' or '['")) return false;
  bool right = Accept(TokenKind::kGt);
  if (left && !right) {
    out->direction = RelDirection::kIncoming;
  } else if (right && !left) {
    out->direction = RelDirection::kOutgoing;
  } else {
    out->direction = RelDirection::kBoth;
  }
  return true;
}

bool Parser::ParseVarLength(VarLength* out) {
  Advance();  // `*`
  auto bound = [&](std::optional<int64_t>* value) {
    const Token& t = Advance();
    if (t.int_value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      FailAt(t, "integer is too large");
      return false;
    }
    *value = static_cast<int64_t>(t.int_value);
    return true;
  };
  if (Is(TokenKind::kInteger) && !bound(&out->min)) return false;
  if (Accept(TokenKind::kDotDot)) {
    if (Is(TokenKind::kInteger) && !bound(&out->max)) return false;
  } else {
    out->max = out->min;
  }
  return true;
}

ExprPtr Parser::ParsePropertiesOrParameter() {
  if (Is(TokenKind::kDollar)) return ParseParameter();
  return ParseMapLiteral();
}

bool Parser::ParseLabelList(LabelList* out, bool allow_bar) {
  while (Accept(TokenKind::kColon)) {
    LabelExpression label;
    if (!ParseLabelOr(&label, allow_bar, /*allow_colon_after_bar=*/false)) return false;
    out->push_back(std::move(label));
  }
  return true;
}

bool Parser::ParseRelTypes(LabelList* out) {
  Advance();  // `:`
  LabelExpression types;
  if (!ParseLabelOr(&types, /*allow_bar=*/true, /*allow_colon_after_bar=*/true)) return false;
  out->push_back(std::move(types));
  return true;
}

bool Parser::ParseLabelOr(LabelExpression* out, bool allow_bar, bool allow_colon_after_bar) {
  LabelExpression first;
  if (!ParseLabelAnd(&first)) return false;
  if (!allow_bar || !Is(TokenKind::kPipe)) {
    *out = std::move(first);
    return true;
  }
  out->kind = LabelExprKind::kOr;
  out->pos = first.pos;
  out->children.push_back(std::move(first));
  while (Accept(TokenKind::kPipe)) {
    if (allow_colon_after_bar) Accept(TokenKind::kColon);
    LabelExpression next;
    if (!ParseLabelAnd(&next)) return false;
    out->children.push_back(std::move(next));
  }
  return true;
}

bool Parser::ParseLabelAnd(LabelExpression* out) {
  LabelExpression first;
  if (!ParseLabelNot(&first)) return false;
  if (!Is(TokenKind::kAmpersand)) {
    *out = std::move(first);
    return true;
  }
  out->kind = LabelExprKind::kAnd;
  out->pos = first.pos;
  out->children.push_back(std::move(first));
  while (Accept(TokenKind::kAmpersand)) {
    LabelExpression next;
    if (!ParseLabelNot(&next)) return false;
    out->children.push_back(std::move(next));
  }
  return true;
}

bool Parser::ParseLabelNot(LabelExpression* out) {
  if (!Is(TokenKind::kBang)) return ParseLabelAtom(out);
  DepthGuard guard(this);
  if (guard.TooDeep()) {
    FailTooDeep();
    return false;
  }
  out->kind = LabelExprKind::kNot;
  out->pos = CurPos();
  Advance();
  LabelExpression child;
  if (!ParseLabelNot(&child)) return false;
  out->children.push_back(std::move(child));
  return true;
}

bool Parser::ParseLabelAtom(LabelExpression* out) {
  out->pos = CurPos();
  if (Is(TokenKind::kLParen)) {
    DepthGuard guard(this);
    if (guard.TooDeep()) {
      FailTooDeep();
      return false;
    }
    Advance();
    if (!ParseLabelOr(out, /*allow_bar=*/true, /*allow_colon_after_bar=*/false)) return false;
    return Expect(TokenKind::kRParen, "'|', '&' or ')'");
  }
  if (Accept(TokenKind::kPercent)) {
    out->kind = LabelExprKind::kWildcard;
    return true;
  }
  if (Is(TokenKind::kDollar) && Is(TokenKind::kLParen, 1)) {
    Advance();
    Advance();
    BarScope bar(this, false);
    out->kind = LabelExprKind::kDynamic;
    out->dynamic = ParseExpr();
    if (out->dynamic == nullptr) return false;
    return Expect(TokenKind::kRParen, "')'");
  }
  out->kind = LabelExprKind::kName;
  return ParseName(&out->name, nullptr, "a label or type name, '!', '%', '$(' or '('");
}

}  // namespace smith::cypher
