// Schema commands: CREATE CONSTRAINT / INDEX, DROP CONSTRAINT / INDEX, SHOW ...
#include "cypher/parser/parser_impl.h"

namespace smith::cypher {

StatementPtr Parser::ParseCreateSchema() {
  SourcePos pos = CurPos();
  Advance();  // CREATE
  if (AcceptKw(Keyword::kConstraint)) return ParseCreateConstraint(pos);
  IndexKind kind = IndexKind::kRange;
  switch (Cur().keyword) {
    case Keyword::kRange:
    case Keyword::kBtree:
      kind = IndexKind::kRange;
      Advance();
      break;
    case Keyword::kText:
      kind = IndexKind::kText;
      Advance();
      break;
    case Keyword::kPoint:
      kind = IndexKind::kPoint;
      Advance();
      break;
    case Keyword::kLookup:
      kind = IndexKind::kLookup;
      Advance();
      break;
    case Keyword::kFulltext:
      kind = IndexKind::kFulltext;
      Advance();
      break;
    case Keyword::kVector:
      kind = IndexKind::kVector;
      Advance();
      break;
    default:
      break;
  }
  if (!ExpectKw(Keyword::kIndex)) return nullptr;
  return ParseCreateIndex(pos, kind);
}

bool Parser::ParseSchemaName(std::string* name, bool* if_not_exists) {
  bool at_for = (IsKw(Keyword::kFor) || IsKw(Keyword::kOn)) &&
                (Is(TokenKind::kLParen, 1) || Is(TokenKind::kColon, 1));
  bool at_if = IsKw(Keyword::kIf) && IsKw(Keyword::kNot, 1);
  if (IsName() && !at_for && !at_if) *name = NameOf(Advance());
  if (AcceptKw(Keyword::kIf)) {
    if (!ExpectKw(Keyword::kNot) || !ExpectKw(Keyword::kExists)) return false;
    *if_not_exists = true;
  }
  return true;
}

bool Parser::ParseSchemaTarget(SchemaTarget* out, bool allow_label_alternatives,
                               bool allow_no_label) {
  out->pos = CurPos();
  if (!Expect(TokenKind::kLParen, "'('")) return false;
  auto parse_labels = [&](TokenKind close) {
    if (!Is(TokenKind::kColon)) {
      if (allow_no_label && Is(close)) return true;
      Fail("':'");
      return false;
    }
    Advance();
    do {
      std::string label;
      if (!ParseName(&label, nullptr, "a label or type name")) return false;
      out->labels.push_back(std::move(label));
    } while (allow_label_alternatives && Accept(TokenKind::kPipe));
    return true;
  };
  if (Accept(TokenKind::kRParen)) {
    out->entity = EntityKind::kRelationship;
    Accept(TokenKind::kLt);
    if (!Expect(TokenKind::kMinus, "'-'") || !Expect(TokenKind::kLBracket, "'['")) return false;
    if (!ParseVariableName(&out->variable, nullptr)) return false;
    if (!parse_labels(TokenKind::kRBracket)) return false;
    if (!Expect(TokenKind::kRBracket, "']'") || !Expect(TokenKind::kMinus, "'-'")) return false;
    Accept(TokenKind::kGt);
    return Expect(TokenKind::kLParen, "'('") && Expect(TokenKind::kRParen, "')'");
  }
  out->entity = EntityKind::kNode;
  if (!ParseVariableName(&out->variable, nullptr)) return false;
  if (!parse_labels(TokenKind::kRParen)) return false;
  return Expect(TokenKind::kRParen, "')'");
}

bool Parser::ParsePropertyRef(PropertyRef* out) {
  if (!ParseVariableName(&out->variable, &out->pos)) return false;
  if (!Expect(TokenKind::kDot, "'.'")) return false;
  return ParseName(&out->key, nullptr, "a property key name");
}

bool Parser::ParsePropertyRefList(std::vector<PropertyRef>* out, bool require_parens) {
  bool parens = Accept(TokenKind::kLParen);
  if (!parens && require_parens) {
    Fail("'('");
    return false;
  }
  do {
    PropertyRef ref;
    if (!ParsePropertyRef(&ref)) return false;
    out->push_back(std::move(ref));
  } while (parens && Accept(TokenKind::kComma));
  return !parens || Expect(TokenKind::kRParen, "',' or ')'");
}

bool Parser::ParseOptions(ExprPtr* out) {
  if (!AcceptKw(Keyword::kOptions)) return true;
  if (!Is(TokenKind::kLBrace) && !Is(TokenKind::kDollar)) {
    Fail("'{' or a parameter");
    return false;
  }
  *out = ParsePropertiesOrParameter();
  return *out != nullptr;
}

StatementPtr Parser::ParseCreateConstraint(SourcePos pos) {
  auto c = std::make_unique<CreateConstraintStatement>(pos);
  if (!ParseSchemaName(&c->name, &c->if_not_exists)) return nullptr;
  bool old_syntax = false;
  if (AcceptKw(Keyword::kOn)) {
    old_syntax = true;
  } else if (!AcceptKw(Keyword::kFor)) {
    return Fail(c->if_not_exists || !c->name.empty() ? "'FOR'"
                                                     : "a name, 'IF NOT EXISTS' or 'FOR'");
  }
  if (!ParseSchemaTarget(&c->target, false, false)) return nullptr;
  if (!ExpectKw(old_syntax ? Keyword::kAssert : Keyword::kRequire)) return nullptr;
  if (old_syntax && IsKw(Keyword::kExists) && Is(TokenKind::kLParen, 1)) {
    Advance();
    Advance();
    PropertyRef ref;
    if (!ParsePropertyRef(&ref) || !Expect(TokenKind::kRParen, "')'")) return nullptr;
    c->properties.push_back(std::move(ref));
    c->constraint = ConstraintKind::kNotNull;
  } else {
    if (!ParsePropertyRefList(&c->properties, /*require_parens=*/false)) return nullptr;
    if (!ExpectKw(Keyword::kIs)) return nullptr;
    if (AcceptKw(Keyword::kUnique)) {
      c->constraint = ConstraintKind::kUnique;
    } else if (AcceptKw(Keyword::kNode) || AcceptKw(Keyword::kRelationship) ||
               AcceptKw(Keyword::kRel)) {
      if (AcceptKw(Keyword::kKey)) {
        c->constraint = ConstraintKind::kKey;
      } else if (AcceptKw(Keyword::kUnique)) {
        c->constraint = ConstraintKind::kUnique;
      } else {
        return Fail("'KEY' or 'UNIQUE'");
      }
    } else if (AcceptKw(Keyword::kKey)) {
      c->constraint = ConstraintKind::kKey;
    } else if (AcceptKw(Keyword::kNot)) {
      if (!ExpectKw(Keyword::kNull)) return nullptr;
      c->constraint = ConstraintKind::kNotNull;
    } else {
      return Fail("'UNIQUE', 'NODE KEY', 'RELATIONSHIP KEY', 'KEY' or 'NOT NULL'");
    }
  }
  if (!ParseOptions(&c->options)) return nullptr;
  return c;
}

StatementPtr Parser::ParseCreateIndex(SourcePos pos, IndexKind kind) {
  auto idx = std::make_unique<CreateIndexStatement>(pos);
  idx->index = kind;
  if (kind == IndexKind::kRange && IsKw(Keyword::kOn) && Is(TokenKind::kColon, 1)) {
    // Old syntax: CREATE INDEX ON :Label(p1, p2).
    Advance();
    Advance();
    idx->target.pos = CurPos();
    idx->target.variable.assign(1, 'n');
    std::string label;
    if (!ParseName(&label, nullptr, "a label name")) return nullptr;
    idx->target.labels.push_back(std::move(label));
    if (!Expect(TokenKind::kLParen, "'('")) return nullptr;
    do {
      PropertyRef ref;
      ref.variable.assign(1, 'n');
      if (!ParseName(&ref.key, &ref.pos, "a property key name")) return nullptr;
      idx->properties.push_back(std::move(ref));
    } while (Accept(TokenKind::kComma));
    if (!Expect(TokenKind::kRParen, "',' or ')'")) return nullptr;
    return idx;
  }
  if (!ParseSchemaName(&idx->name, &idx->if_not_exists)) return nullptr;
  if (!AcceptKw(Keyword::kFor)) {
    return Fail(idx->if_not_exists || !idx->name.empty() ? "'FOR'"
                                                         : "a name, 'IF NOT EXISTS' or 'FOR'");
  }
  if (kind == IndexKind::kLookup) {
    if (!ParseSchemaTarget(&idx->target, false, /*allow_no_label=*/true)) return nullptr;
    if (!idx->target.labels.empty()) {
      return FailAt(tokens_[pos_ - 1], "Invalid input: a LOOKUP index takes no label or type");
    }
    if (!ExpectKw(Keyword::kOn) || !ExpectKw(Keyword::kEach)) return nullptr;
    if (!ParseName(&idx->lookup_function, nullptr, "'labels' or 'type'")) return nullptr;
    std::string arg;
    if (!Expect(TokenKind::kLParen, "'('") || !ParseVariableName(&arg, nullptr) ||
        !Expect(TokenKind::kRParen, "')'")) {
      return nullptr;
    }
  } else if (kind == IndexKind::kFulltext) {
    if (!ParseSchemaTarget(&idx->target, /*allow_label_alternatives=*/true, false)) return nullptr;
    if (!ExpectKw(Keyword::kOn) || !ExpectKw(Keyword::kEach)) return nullptr;
    if (!Expect(TokenKind::kLBracket, "'['")) return nullptr;
    do {
      PropertyRef ref;
      if (!ParsePropertyRef(&ref)) return nullptr;
      idx->properties.push_back(std::move(ref));
    } while (Accept(TokenKind::kComma));
    if (!Expect(TokenKind::kRBracket, "',' or ']'")) return nullptr;
  } else {
    if (!ParseSchemaTarget(&idx->target, false, false)) return nullptr;
    if (!ExpectKw(Keyword::kOn)) return nullptr;
    if (!ParsePropertyRefList(&idx->properties, /*require_parens=*/true)) return nullptr;
  }
  if (!ParseOptions(&idx->options)) return nullptr;
  return idx;
}

StatementPtr Parser::ParseDrop() {
  SourcePos pos = CurPos();
  Advance();  // DROP
  bool constraint;
  if (AcceptKw(Keyword::kConstraint)) {
    constraint = true;
  } else if (AcceptKw(Keyword::kIndex)) {
    constraint = false;
  } else {
    return Fail("'CONSTRAINT' or 'INDEX'");
  }
  std::string name;
  if (!ParseName(&name, nullptr, constraint ? "a constraint name" : "an index name")) {
    return nullptr;
  }
  bool if_exists = false;
  if (AcceptKw(Keyword::kIf)) {
    if (!ExpectKw(Keyword::kExists)) return nullptr;
    if_exists = true;
  }
  if (constraint) {
    auto out = std::make_unique<DropConstraintStatement>(pos);
    out->name = std::move(name);
    out->if_exists = if_exists;
    return out;
  }
  auto out = std::make_unique<DropIndexStatement>(pos);
  out->name = std::move(name);
  out->if_exists = if_exists;
  return out;
}

namespace {

bool FilterAllowed(ShowKind show, ShowFilter filter) {
  if (filter == ShowFilter::kAll) return true;
  switch (show) {
    case ShowKind::kIndexes:
      return filter <= ShowFilter::kVector;
    case ShowKind::kConstraints:
      return filter >= ShowFilter::kUnique && filter <= ShowFilter::kRelationshipExistence;
    case ShowKind::kFunctions:
      return filter == ShowFilter::kBuiltIn || filter == ShowFilter::kUserDefined;
    case ShowKind::kProcedures:
      return false;
  }
  return false;
}

}  // namespace

StatementPtr Parser::ParseShow() {
  auto show = std::make_unique<ShowStatement>(CurPos());
  Advance();  // SHOW
  const Token& filter_token = Cur();
  auto entity_filter = [&](ShowFilter unique, ShowFilter key, ShowFilter existence) {
    if (AcceptKw(Keyword::kUnique) || AcceptKw(Keyword::kUniqueness)) return unique;
    if (AcceptKw(Keyword::kKey)) return key;
    if (AcceptKw(Keyword::kExistence)) return existence;
    return ShowFilter::kAll;
  };
  switch (Cur().keyword) {
    case Keyword::kAll:
      Advance();
      break;
    case Keyword::kRange:
    case Keyword::kBtree:
      show->filter = ShowFilter::kRange;
      Advance();
      break;
    case Keyword::kText:
      show->filter = ShowFilter::kText;
      Advance();
      break;
    case Keyword::kPoint:
      show->filter = ShowFilter::kPoint;
      Advance();
      break;
    case Keyword::kLookup:
      show->filter = ShowFilter::kLookup;
      Advance();
      break;
    case Keyword::kFulltext:
      show->filter = ShowFilter::kFulltext;
      Advance();
      break;
    case Keyword::kVector:
      show->filter = ShowFilter::kVector;
      Advance();
      break;
    case Keyword::kUnique:
    case Keyword::kUniqueness:
    case Keyword::kKey:
    case Keyword::kExistence:
      show->filter = entity_filter(ShowFilter::kUnique, ShowFilter::kKey, ShowFilter::kExistence);
      break;
    case Keyword::kNode:
      Advance();
      show->filter =
          entity_filter(ShowFilter::kNodeUnique, ShowFilter::kNodeKey, ShowFilter::kNodeExistence);
      if (show->filter == ShowFilter::kAll) return Fail("'UNIQUE', 'KEY' or 'EXISTENCE'");
      break;
    case Keyword::kRelationship:
    case Keyword::kRel:
      Advance();
      show->filter = entity_filter(ShowFilter::kRelationshipUnique, ShowFilter::kRelationshipKey,
                                   ShowFilter::kRelationshipExistence);
      if (show->filter == ShowFilter::kAll) return Fail("'UNIQUE', 'KEY' or 'EXISTENCE'");
      break;
    case Keyword::kBuilt:
      Advance();
      if (!ExpectKw(Keyword::kIn)) return nullptr;
      show->filter = ShowFilter::kBuiltIn;
      break;
    case Keyword::kUser:
      Advance();
      if (!ExpectKw(Keyword::kDefined)) return nullptr;
      show->filter = ShowFilter::kUserDefined;
      break;
    default:
      break;
  }
  if (AcceptKw(Keyword::kIndex) || AcceptKw(Keyword::kIndexes)) {
    show->show = ShowKind::kIndexes;
  } else if (AcceptKw(Keyword::kConstraint) || AcceptKw(Keyword::kConstraints)) {
    show->show = ShowKind::kConstraints;
  } else if (AcceptKw(Keyword::kProcedure) || AcceptKw(Keyword::kProcedures)) {
    show->show = ShowKind::kProcedures;
  } else if (AcceptKw(Keyword::kFunction) || AcceptKw(Keyword::kFunctions)) {
    show->show = ShowKind::kFunctions;
  } else {
    return Fail("'INDEXES', 'CONSTRAINTS', 'PROCEDURES' or 'FUNCTIONS'");
  }
  if (!FilterAllowed(show->show, show->filter)) {
    return FailAt(filter_token, "Invalid input '" + std::string(TextOf(filter_token)) +
                                    "': this filter does not apply to SHOW " +
                                    std::string(KeywordText(tokens_[pos_ - 1].keyword)));
  }
  if (AcceptKw(Keyword::kWhere)) {
    show->where = ParseExpr();
    if (show->where == nullptr) return nullptr;
    return show;
  }
  if (!AcceptKw(Keyword::kYield)) return show;
  Projection& yield = show->yield.emplace();
  if (Accept(TokenKind::kStar)) {
    yield.star = true;
  } else {
    do {
      ProjectionItem item;
      std::string column;
      if (!ParseName(&column, &item.pos, "a column name or '*'")) return nullptr;
      item.expr = std::make_unique<Variable>(item.pos, column);
      if (AcceptKw(Keyword::kAs)) {
        if (!ParseVariableName(&item.alias.emplace(), nullptr)) return nullptr;
      } else {
        item.text = std::move(column);
      }
      yield.items.push_back(std::move(item));
    } while (Accept(TokenKind::kComma));
  }
  if (!ParseOrderSkipLimit(&yield)) return nullptr;
  if (AcceptKw(Keyword::kWhere)) {
    show->where = ParseExpr();
    if (show->where == nullptr) return nullptr;
  }
  if (IsKw(Keyword::kReturn)) {
    ClausePtr ret = ParseReturn();
    if (ret == nullptr) return nullptr;
    show->return_clause.reset(static_cast<ReturnClause*>(ret.release()));
  }
  return show;
}

}  // namespace smith::cypher
