// Operator expressions, from loosest to tightest binding:
//   OR < XOR < AND < NOT < comparison (=, <>, <, <=, >, >=; chains) <
//   STARTS WITH / ENDS WITH / CONTAINS / =~ / IN / IS [NOT] NULL < + - < * / % < ^ <
//   unary + - < label predicate (n:L) < postfix (.key, [i], [a..b]) < atoms (parse_atoms.cc).
#include "cypher/parser/parser_impl.h"

namespace smith::cypher {
namespace {

bool ComparisonOp(TokenKind kind, BinaryOp* op) {
  switch (kind) {
    case TokenKind::kEq:
      *op = BinaryOp::kEq;
      return true;
    case TokenKind::kNe:
      *op = BinaryOp::kNe;
      return true;
    case TokenKind::kLt:
      *op = BinaryOp::kLt;
      return true;
    case TokenKind::kLe:
      *op = BinaryOp::kLe;
      return true;
    case TokenKind::kGt:
      *op = BinaryOp::kGt;
      return true;
    case TokenKind::kGe:
      *op = BinaryOp::kGe;
      return true;
    default:
      return false;
  }
}

}  // namespace

ExprPtr Parser::ParseExpr() {
  DepthGuard guard(this);
  if (guard.TooDeep()) return FailTooDeep();
  return ParseOr();
}

ExprPtr Parser::ParseExprBeforeBar() {
  BarScope bar(this, true);
  return ParseExpr();
}

ExprPtr Parser::ParseOr() {
  ExprPtr left = ParseXor();
  ChainGuard chain(this);
  while (left != nullptr && IsKw(Keyword::kOr)) {
    if (!chain.Extend()) return FailTooDeep();
    SourcePos pos = PosOf(Advance());
    ExprPtr right = ParseXor();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, BinaryOp::kOr, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseXor() {
  ExprPtr left = ParseAnd();
  ChainGuard chain(this);
  while (left != nullptr && IsKw(Keyword::kXor)) {
    if (!chain.Extend()) return FailTooDeep();
    SourcePos pos = PosOf(Advance());
    ExprPtr right = ParseAnd();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, BinaryOp::kXor, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseAnd() {
  ExprPtr left = ParseNot();
  ChainGuard chain(this);
  while (left != nullptr && IsKw(Keyword::kAnd)) {
    if (!chain.Extend()) return FailTooDeep();
    SourcePos pos = PosOf(Advance());
    ExprPtr right = ParseNot();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, BinaryOp::kAnd, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseNot() {
  if (!IsKw(Keyword::kNot)) return ParseComparison();
  DepthGuard guard(this);
  if (guard.TooDeep()) return FailTooDeep();
  SourcePos pos = PosOf(Advance());
  ExprPtr operand = ParseNot();
  if (operand == nullptr) return nullptr;
  return std::make_unique<UnaryExpr>(pos, UnaryOp::kNot, std::move(operand));
}

ExprPtr Parser::ParseComparison() {
  ExprPtr first = ParsePredicates();
  BinaryOp op;
  if (first == nullptr || !ComparisonOp(Cur().kind, &op)) return first;
  SourcePos pos = PosOf(Advance());
  ExprPtr second = ParsePredicates();
  if (second == nullptr) return nullptr;
  BinaryOp next_op;
  if (!ComparisonOp(Cur().kind, &next_op)) {
    return std::make_unique<BinaryExpr>(pos, op, std::move(first), std::move(second));
  }
  auto chain = std::make_unique<ComparisonChain>(pos);
  chain->operands.push_back(std::move(first));
  chain->operands.push_back(std::move(second));
  chain->ops.push_back(op);
  while (ComparisonOp(Cur().kind, &next_op)) {
    Advance();
    ExprPtr operand = ParsePredicates();
    if (operand == nullptr) return nullptr;
    chain->ops.push_back(next_op);
    chain->operands.push_back(std::move(operand));
  }
  return chain;
}

ExprPtr Parser::ParsePredicates() {
  ExprPtr left = ParseAdditive();
  ChainGuard chain(this);
  while (left != nullptr) {
    if (!chain.Extend()) return FailTooDeep();
    SourcePos pos = CurPos();
    BinaryOp op;
    if (IsKw(Keyword::kStarts) && IsKw(Keyword::kWith, 1)) {
      op = BinaryOp::kStartsWith;
      Advance();
    } else if (IsKw(Keyword::kEnds) && IsKw(Keyword::kWith, 1)) {
      op = BinaryOp::kEndsWith;
      Advance();
    } else if (IsKw(Keyword::kContains)) {
      op = BinaryOp::kContains;
    } else if (Is(TokenKind::kRegexMatch)) {
      op = BinaryOp::kRegexMatch;
    } else if (IsKw(Keyword::kIn)) {
      op = BinaryOp::kIn;
    } else if (IsKw(Keyword::kIs)) {
      Advance();
      bool negated = AcceptKw(Keyword::kNot);
      if (!AcceptKw(Keyword::kNull)) return Fail(negated ? "'NULL'" : "'NULL' or 'NOT NULL'");
      left = std::make_unique<IsNullExpr>(pos, std::move(left), negated);
      continue;
    } else {
      break;
    }
    Advance();
    ExprPtr right = ParseAdditive();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, op, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseAdditive() {
  ExprPtr left = ParseMultiplicative();
  ChainGuard chain(this);
  while (left != nullptr && (Is(TokenKind::kPlus) || Is(TokenKind::kMinus))) {
    if (!chain.Extend()) return FailTooDeep();
    const Token& t = Advance();
    BinaryOp op = t.kind == TokenKind::kPlus ? BinaryOp::kAdd : BinaryOp::kSub;
    ExprPtr right = ParseMultiplicative();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(PosOf(t), op, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseMultiplicative() {
  ExprPtr left = ParsePower();
  ChainGuard chain(this);
  while (left != nullptr) {
    if (!chain.Extend()) return FailTooDeep();
    BinaryOp op;
    if (Is(TokenKind::kStar)) {
      op = BinaryOp::kMul;
    } else if (Is(TokenKind::kSlash)) {
      op = BinaryOp::kDiv;
    } else if (Is(TokenKind::kPercent)) {
      op = BinaryOp::kMod;
    } else {
      break;
    }
    SourcePos pos = PosOf(Advance());
    ExprPtr right = ParsePower();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, op, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParsePower() {
  ExprPtr left = ParseUnary();
  ChainGuard chain(this);
  while (left != nullptr && Is(TokenKind::kCaret)) {
    if (!chain.Extend()) return FailTooDeep();
    SourcePos pos = PosOf(Advance());
    ExprPtr right = ParseUnary();
    if (right == nullptr) return nullptr;
    left = std::make_unique<BinaryExpr>(pos, BinaryOp::kPow, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseUnary() {
  if (!Is(TokenKind::kMinus) && !Is(TokenKind::kPlus)) return ParsePostfix();
  DepthGuard guard(this);
  if (guard.TooDeep()) return FailTooDeep();
  const Token& sign = Advance();
  bool minus = sign.kind == TokenKind::kMinus;
  if (minus && (Is(TokenKind::kInteger) || Is(TokenKind::kFloat))) {
    TokenKind after = Peek(1).kind;
    if (after != TokenKind::kDot && after != TokenKind::kLBracket && after != TokenKind::kColon) {
      return ParseNumber(/*negate=*/true, sign);
    }
  }
  ExprPtr operand = ParseUnary();
  if (operand == nullptr) return nullptr;
  return std::make_unique<UnaryExpr>(PosOf(sign), minus ? UnaryOp::kMinus : UnaryOp::kPlus,
                                     std::move(operand));
}

ExprPtr Parser::ParsePostfix() {
  ExprPtr atom = ParseAtom();
  if (atom == nullptr) return nullptr;
  return ParsePostfixOps(std::move(atom), /*allow_labels=*/true);
}

ExprPtr Parser::ParsePostfixOps(ExprPtr base, bool allow_labels) {
  ChainGuard chain(this);
  while (true) {
    if ((Is(TokenKind::kDot) || Is(TokenKind::kLBracket)) && !chain.Extend()) {
      return FailTooDeep();
    }
    if (Is(TokenKind::kDot)) {
      SourcePos pos = PosOf(Advance());
      std::string key;
      if (!ParseName(&key, nullptr, "a property key name")) return nullptr;
      base = std::make_unique<PropertyAccess>(pos, std::move(base), std::move(key));
    } else if (Is(TokenKind::kLBracket)) {
      SourcePos pos = PosOf(Advance());
      BarScope bar(this, false);
      ExprPtr from;
      if (!Is(TokenKind::kDotDot)) {
        from = ParseExpr();
        if (from == nullptr) return nullptr;
      }
      if (Accept(TokenKind::kDotDot)) {
        auto slice = std::make_unique<SliceExpr>(pos, std::move(base));
        slice->from = std::move(from);
        if (!Is(TokenKind::kRBracket)) {
          slice->to = ParseExpr();
          if (slice->to == nullptr) return nullptr;
        }
        base = std::move(slice);
      } else {
        base = std::make_unique<SubscriptExpr>(pos, std::move(base), std::move(from));
      }
      if (!Expect(TokenKind::kRBracket, "']'")) return nullptr;
    } else {
      break;
    }
  }
  if (allow_labels && Is(TokenKind::kColon)) {
    auto pred = std::make_unique<LabelPredicate>(CurPos(), std::move(base));
    if (!ParseLabelList(&pred->labels, /*allow_bar=*/!bar_ends_expression_)) return nullptr;
    return pred;
  }
  return base;
}

bool Parser::ParseExprList(std::vector<ExprPtr>* out, TokenKind close) {
  if (close != TokenKind::kEnd && Accept(close)) return true;
  do {
    ExprPtr e = ParseExpr();
    if (e == nullptr) return false;
    out->push_back(std::move(e));
  } while (Accept(TokenKind::kComma));
  if (close == TokenKind::kEnd) return true;
  return Expect(close, close == TokenKind::kRParen ? "',' or ')'" : "',' or ']'");
}

}  // namespace smith::cypher
