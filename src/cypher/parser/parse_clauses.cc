// Clauses: MATCH, UNWIND, WITH, RETURN, CREATE, MERGE, SET, REMOVE, DELETE, FOREACH, CALL.
#include "cypher/parser/parser_impl.h"

namespace smith::cypher {

ClausePtr Parser::ParseClause() {
  switch (Cur().keyword) {
    case Keyword::kMatch:
    case Keyword::kOptional:
      return ParseMatch();
    case Keyword::kUnwind:
      return ParseUnwind();
    case Keyword::kWith:
      return ParseWith();
    case Keyword::kReturn:
      return ParseReturn();
    case Keyword::kCreate:
      return ParseCreate();
    case Keyword::kMerge:
      return ParseMerge();
    case Keyword::kSet:
      return ParseSet();
    case Keyword::kRemove:
      return ParseRemove();
    case Keyword::kDelete:
    case Keyword::kDetach:
    case Keyword::kNodetach:
      return ParseDelete();
    case Keyword::kForeach:
      return ParseForeach();
    case Keyword::kCall:
      return ParseCall();
    default:
      return Fail("a clause");
  }
}

ClausePtr Parser::ParseMatch() {
  auto match = std::make_unique<MatchClause>(CurPos());
  if (AcceptKw(Keyword::kOptional)) match->optional = true;
  if (!ExpectKw(Keyword::kMatch)) return nullptr;
  if (!ParsePattern(&match->pattern)) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    match->where = ParseExpr();
    if (match->where == nullptr) return nullptr;
  }
  return match;
}

ClausePtr Parser::ParseUnwind() {
  auto unwind = std::make_unique<UnwindClause>(CurPos());
  Advance();
  unwind->list = ParseExpr();
  if (unwind->list == nullptr) return nullptr;
  if (!ExpectKw(Keyword::kAs)) return nullptr;
  if (!ParseVariableName(&unwind->variable, &unwind->variable_pos)) return nullptr;
  return unwind;
}

ClausePtr Parser::ParseWith() {
  auto with = std::make_unique<WithClause>(CurPos());
  Advance();
  if (!ParseProjection(&with->projection)) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    with->where = ParseExpr();
    if (with->where == nullptr) return nullptr;
  }
  return with;
}

ClausePtr Parser::ParseReturn() {
  auto ret = std::make_unique<ReturnClause>(CurPos());
  if (!ExpectKw(Keyword::kReturn)) return nullptr;
  if (!ParseProjection(&ret->projection)) return nullptr;
  return ret;
}

bool Parser::ParseProjection(Projection* out) {
  if (AcceptKw(Keyword::kDistinct)) out->distinct = true;
  bool need_items = true;
  if (Accept(TokenKind::kStar)) {
    out->star = true;
    need_items = Accept(TokenKind::kComma);
  }
  if (need_items) {
    do {
      ProjectionItem item;
      const Token& start = Cur();
      item.pos = PosOf(start);
      item.expr = ParseExpr();
      if (item.expr == nullptr) return false;
      if (AcceptKw(Keyword::kAs)) {
        if (!ParseVariableName(&item.alias.emplace(), nullptr)) return false;
      } else {
        item.text = TextSince(start);
      }
      out->items.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  return ParseOrderSkipLimit(out);
}

bool Parser::ParseOrderSkipLimit(Projection* out) {
  if (AcceptKw(Keyword::kOrder)) {
    if (!ExpectKw(Keyword::kBy)) return false;
    do {
      SortItem item;
      item.pos = CurPos();
      item.expr = ParseExpr();
      if (item.expr == nullptr) return false;
      if (AcceptKw(Keyword::kDesc) || AcceptKw(Keyword::kDescending)) {
        item.descending = true;
      } else if (!AcceptKw(Keyword::kAsc)) {
        AcceptKw(Keyword::kAscending);
      }
      out->order_by.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  if (AcceptKw(Keyword::kSkip) || AcceptKw(Keyword::kOffset)) {
    out->skip = ParseExpr();
    if (out->skip == nullptr) return false;
  }
  if (AcceptKw(Keyword::kLimit)) {
    out->limit = ParseExpr();
    if (out->limit == nullptr) return false;
  }
  return true;
}

ClausePtr Parser::ParseCreate() {
  auto create = std::make_unique<CreateClause>(CurPos());
  Advance();
  if (!ParsePattern(&create->pattern)) return nullptr;
  return create;
}

ClausePtr Parser::ParseMerge() {
  auto merge = std::make_unique<MergeClause>(CurPos());
  Advance();
  if (!ParsePatternPath(&merge->path, /*allow_variable=*/true)) return nullptr;
  while (IsKw(Keyword::kOn) && (IsKw(Keyword::kCreate, 1) || IsKw(Keyword::kMatch, 1))) {
    MergeAction action;
    action.pos = CurPos();
    Advance();
    action.on_create = Advance().keyword == Keyword::kCreate;
    if (!ExpectKw(Keyword::kSet)) return nullptr;
    do {
      if (!ParseSetItem(&action.items)) return nullptr;
    } while (Accept(TokenKind::kComma));
    merge->actions.push_back(std::move(action));
  }
  return merge;
}

ClausePtr Parser::ParseSet() {
  auto set = std::make_unique<SetClause>(CurPos());
  Advance();
  do {
    if (!ParseSetItem(&set->items)) return nullptr;
  } while (Accept(TokenKind::kComma));
  return set;
}

bool Parser::ParseSetItem(std::vector<SetItem>* items) {
  SetItem item;
  const Token& start = Cur();
  item.pos = PosOf(start);
  ExprPtr target = ParsePostfix();
  if (target == nullptr) return false;
  ExprKind kind = target->kind;
  if (kind == ExprKind::kLabelPredicate) {
    auto& pred = target->As<LabelPredicate>();
    if (pred.operand->kind != ExprKind::kVariable) {
      FailAt(start, "Invalid input: labels can only be set on a variable");
      return false;
    }
    item.kind = SetItemKind::kLabels;
    item.target = std::move(pred.operand);
    item.labels = std::move(pred.labels);
    items->push_back(std::move(item));
    return true;
  }
  if (Is(TokenKind::kPlusEq)) {
    if (kind != ExprKind::kVariable) {
      Fail("'='");
      return false;
    }
    item.kind = SetItemKind::kMergeProperties;
  } else if (Is(TokenKind::kEq)) {
    if (kind == ExprKind::kVariable) {
      item.kind = SetItemKind::kReplaceProperties;
    } else if (kind == ExprKind::kProperty || kind == ExprKind::kSubscript) {
      item.kind = SetItemKind::kProperty;
    } else {
      FailAt(start, "Invalid input '" + std::string(TextOf(start)) +
                        "': expected a property, a variable or labels to set");
      return false;
    }
  } else {
    Fail(kind == ExprKind::kVariable ? "'=', '+=' or ':'" : "'='");
    return false;
  }
  Advance();
  item.target = std::move(target);
  item.value = ParseExpr();
  if (item.value == nullptr) return false;
  items->push_back(std::move(item));
  return true;
}

ClausePtr Parser::ParseRemove() {
  auto remove = std::make_unique<RemoveClause>(CurPos());
  Advance();
  do {
    RemoveItem item;
    const Token& start = Cur();
    item.pos = PosOf(start);
    ExprPtr target = ParsePostfix();
    if (target == nullptr) return nullptr;
    if (target->kind == ExprKind::kLabelPredicate) {
      auto& pred = target->As<LabelPredicate>();
      if (pred.operand->kind != ExprKind::kVariable) {
        return FailAt(start, "Invalid input: labels can only be removed from a variable");
      }
      item.kind = RemoveItemKind::kLabels;
      item.target = std::move(pred.operand);
      item.labels = std::move(pred.labels);
    } else if (target->kind == ExprKind::kProperty || target->kind == ExprKind::kSubscript) {
      item.kind = RemoveItemKind::kProperty;
      item.target = std::move(target);
    } else {
      return Fail("'.', '[' or ':'");
    }
    remove->items.push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  return remove;
}

ClausePtr Parser::ParseDelete() {
  auto del = std::make_unique<DeleteClause>(CurPos());
  if (AcceptKw(Keyword::kDetach)) {
    del->detach = true;
  } else {
    AcceptKw(Keyword::kNodetach);
  }
  if (!ExpectKw(Keyword::kDelete)) return nullptr;
  if (!ParseExprList(&del->targets, TokenKind::kEnd)) return nullptr;
  return del;
}

ClausePtr Parser::ParseForeach() {
  auto foreach = std::make_unique<ForeachClause>(CurPos());
  Advance();
  if (!Expect(TokenKind::kLParen, "'('")) return nullptr;
  if (!ParseVariableName(&foreach->variable, &foreach->variable_pos)) return nullptr;
  if (!ExpectKw(Keyword::kIn)) return nullptr;
  foreach
    ->list = ParseExprBeforeBar();
  if (foreach->list == nullptr) return nullptr;
  if (!Expect(TokenKind::kPipe, "'|'")) return nullptr;
  if (!AtClauseStart())
    return Fail("'CREATE', 'DELETE', 'DETACH', 'FOREACH', 'MERGE', 'REMOVE' or 'SET'");
  while (AtClauseStart()) {
    ClausePtr clause = ParseClause();
    if (clause == nullptr) return nullptr;
    foreach
      ->clauses.push_back(std::move(clause));
  }
  if (!Expect(TokenKind::kRParen, "')' or an updating clause")) return nullptr;
  return foreach;
}

ClausePtr Parser::ParseCall() {
  SourcePos pos = CurPos();
  Advance();
  if (Is(TokenKind::kLBrace) || Is(TokenKind::kLParen)) return ParseCallSubquery(pos);
  auto call = std::make_unique<CallProcedureClause>(pos);
  if (!ParseName(&call->name, nullptr, "a procedure name or '{'")) return nullptr;
  while (Accept(TokenKind::kDot)) {
    call->namespaces.push_back(std::move(call->name));
    if (!ParseName(&call->name, nullptr, "a procedure name")) return nullptr;
  }
  if (Accept(TokenKind::kLParen)) {
    call->has_arguments = true;
    if (!ParseExprList(&call->args, TokenKind::kRParen)) return nullptr;
  }
  if (AcceptKw(Keyword::kYield)) {
    if (Accept(TokenKind::kStar)) {
      call->yield_star = true;
    } else if (!ParseYieldItems(&call->yields)) {
      return nullptr;
    }
    if (AcceptKw(Keyword::kWhere)) {
      call->where = ParseExpr();
      if (call->where == nullptr) return nullptr;
    }
  }
  return call;
}

bool Parser::ParseYieldItems(std::vector<YieldItem>* out) {
  do {
    YieldItem item;
    if (!ParseName(&item.field, &item.pos, "a procedure output name or '*'")) return false;
    if (AcceptKw(Keyword::kAs) && !ParseVariableName(&item.alias.emplace(), nullptr)) {
      return false;
    }
    out->push_back(std::move(item));
  } while (Accept(TokenKind::kComma));
  return true;
}

ClausePtr Parser::ParseCallSubquery(SourcePos pos) {
  auto call = std::make_unique<CallSubqueryClause>(pos);
  if (Accept(TokenKind::kLParen)) {
    call->has_scope = true;
    if (Accept(TokenKind::kStar)) {
      call->scope_all = true;
    } else if (!Is(TokenKind::kRParen)) {
      do {
        ScopeVariable v;
        if (!ParseVariableName(&v.name, &v.pos)) return nullptr;
        call->scope.push_back(std::move(v));
      } while (Accept(TokenKind::kComma));
    }
    if (!Expect(TokenKind::kRParen, "')' or ','")) return nullptr;
  }
  if (!Expect(TokenKind::kLBrace, "'{'")) return nullptr;
  {
    DepthGuard guard(this);
    if (guard.TooDeep()) return FailTooDeep();
    if (!ParseQuery(&call->body)) return nullptr;
  }
  if (!Expect(TokenKind::kRBrace, "a clause, 'UNION' or '}'")) return nullptr;
  if (IsKw(Keyword::kIn) && IsKw(Keyword::kTransactions, 1)) {
    Advance();
    Advance();
    InTransactions tx;
    if (AcceptKw(Keyword::kOf)) {
      tx.rows = ParseExpr();
      if (tx.rows == nullptr) return nullptr;
      if (!AcceptKw(Keyword::kRows) && !AcceptKw(Keyword::kRow)) {
        Fail("'ROWS'");
        return nullptr;
      }
    }
    if (AcceptKw(Keyword::kOn)) {
      if (!ExpectKw(Keyword::kError)) return nullptr;
      if (AcceptKw(Keyword::kContinue)) {
        tx.on_error = OnErrorBehavior::kContinue;
      } else if (AcceptKw(Keyword::kBreak)) {
        tx.on_error = OnErrorBehavior::kBreak;
      } else if (AcceptKw(Keyword::kFail)) {
        tx.on_error = OnErrorBehavior::kFail;
      } else {
        return Fail("'CONTINUE', 'BREAK' or 'FAIL'");
      }
    }
    call->in_transactions = std::move(tx);
  }
  return call;
}

}  // namespace smith::cypher
