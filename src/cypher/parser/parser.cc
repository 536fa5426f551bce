// Parser entry points, token helpers, error reporting, statements and UNION queries.
#include "cypher/parser/parser.h"

#include <string>

#include "cypher/parser/lexer.h"
#include "cypher/parser/parser_impl.h"
#include "cypher/parser/syntax_error.h"

namespace smith::cypher {
namespace {

constexpr std::string_view kExpectedStatement =
    "'CALL', 'CREATE', 'DELETE', 'DETACH', 'DROP', 'EXPLAIN', 'FOREACH', 'MATCH', 'MERGE', "
    "'OPTIONAL', 'PROFILE', 'REMOVE', 'RETURN', 'SET', 'SHOW', 'UNWIND' or 'WITH'";
constexpr std::string_view kExpectedClause =
    "'CALL', 'CREATE', 'DELETE', 'DETACH', 'FOREACH', 'MATCH', 'MERGE', 'OPTIONAL', 'REMOVE', "
    "'RETURN', 'SET', 'UNWIND' or 'WITH'";
constexpr std::string_view kExpectedAfterClause =
    "'CALL', 'CREATE', 'DELETE', 'DETACH', 'FOREACH', 'MATCH', 'MERGE', 'OPTIONAL', 'REMOVE', "
    "'RETURN', 'SET', 'UNION', 'UNWIND', 'WITH', ';' or <EOF>";

bool IsSchemaCreateKeyword(Keyword kw) {
  switch (kw) {
    case Keyword::kConstraint:
    case Keyword::kIndex:
    case Keyword::kRange:
    case Keyword::kText:
    case Keyword::kPoint:
    case Keyword::kLookup:
    case Keyword::kFulltext:
    case Keyword::kVector:
    case Keyword::kBtree:
      return true;
    default:
      return false;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Tokens and errors

std::string Alternatives::Join() const {
  std::string out;
  for (size_t i = 0; i < size_; ++i) {
    if (i > 0) out += i + 1 == size_ ? " or " : ", ";
    out += items_[i];
  }
  return out;
}

bool Parser::Expect(TokenKind kind, std::string_view expected) {
  if (Accept(kind)) return true;
  Fail(expected);
  return false;
}

bool Parser::ExpectKw(Keyword kw) {
  if (AcceptKw(kw)) return true;
  std::string expected = "'";
  expected += KeywordText(kw);
  expected += "'";
  Fail(expected);
  return false;
}

std::string Parser::NameOf(const Token& t) const {
  if (t.kind == TokenKind::kQuotedIdentifier) return DecodeQuotedIdentifier(TextOf(t));
  return std::string(TextOf(t));
}

bool Parser::ParseName(std::string* out, SourcePos* pos, std::string_view expected) {
  if (!IsName()) {
    Fail(expected);
    return false;
  }
  if (pos != nullptr) *pos = CurPos();
  *out = NameOf(Advance());
  return true;
}

std::string Parser::TextSince(const Token& start) const {
  uint32_t end = pos_ > 0 ? tokens_[pos_ - 1].end() : start.offset;
  if (end < start.offset) end = start.offset;
  return std::string(source_.substr(start.offset, end - start.offset));
}

bool Parser::IsClauseKeyword(const Token& t) {
  if (t.kind != TokenKind::kIdentifier) return false;
  switch (t.keyword) {
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
    case Keyword::kCall:
      return true;
    default:
      return false;
  }
}

std::nullptr_t Parser::Fail(std::string_view expected) {
  const Token& t = Cur();
  std::string description;
  if (t.kind == TokenKind::kEnd) {
    description = "Unexpected end of input: expected ";
  } else {
    std::string_view text = TextOf(t);
    if (text.size() > 40) text = text.substr(0, 40);
    description = "Invalid input '";
    description += text;
    description += "': expected ";
  }
  description += expected;
  return FailAt(t, std::move(description));
}

std::nullptr_t Parser::FailAt(const Token& t, std::string description) {
  if (!error_) error_ = Error{t.offset, std::move(description)};
  return nullptr;
}

Status Parser::status() const {
  if (!error_) return Status::OK();
  return SyntaxErrorAt(source_, error_->offset, error_->description);
}

// ---------------------------------------------------------------------------------------------
// Statements and queries

StatementPtr Parser::ParseStatementHere() {
  ExplainMode mode = ExplainMode::kNone;
  if (AcceptKw(Keyword::kExplain)) {
    mode = ExplainMode::kExplain;
  } else if (AcceptKw(Keyword::kProfile)) {
    mode = ExplainMode::kProfile;
  }
  StatementPtr statement;
  bool is_query = false;
  if (IsKw(Keyword::kCreate) && Peek(1).kind == TokenKind::kIdentifier &&
      IsSchemaCreateKeyword(Peek(1).keyword) && !Is(TokenKind::kEq, 2)) {
    statement = ParseCreateSchema();
  } else if (IsKw(Keyword::kDrop)) {
    statement = ParseDrop();
  } else if (IsKw(Keyword::kShow)) {
    statement = ParseShow();
  } else {
    if (!AtClauseStart()) return Fail(kExpectedStatement);
    auto query = std::make_unique<QueryStatement>(CurPos());
    if (!ParseQuery(&query->query)) return nullptr;
    statement = std::move(query);
    is_query = true;
  }
  if (statement == nullptr) return nullptr;
  statement->explain = mode;
  if (!Is(TokenKind::kSemicolon) && !Is(TokenKind::kEnd)) {
    return Fail(is_query ? kExpectedAfterClause : "';' or <EOF>");
  }
  return statement;
}

bool Parser::ParseQuery(Query* query) {
  query->pos = CurPos();
  bool union_all = false;
  while (true) {
    SingleQuery part;
    part.union_all = union_all;
    if (!ParseSingleQuery(&part)) return false;
    query->parts.push_back(std::move(part));
    if (!AcceptKw(Keyword::kUnion)) return true;
    union_all = AcceptKw(Keyword::kAll);
    if (!union_all) AcceptKw(Keyword::kDistinct);
  }
}

bool Parser::ParseSingleQuery(SingleQuery* part) {
  part->pos = CurPos();
  if (!AtClauseStart()) {
    Fail(kExpectedClause);
    return false;
  }
  part->clauses.reserve(8);
  while (AtClauseStart()) {
    ClausePtr clause = ParseClause();
    if (clause == nullptr) return false;
    part->clauses.push_back(std::move(clause));
  }
  return true;
}

ExprPtr Parser::ParseStandaloneExpression() {
  ExprPtr expr = ParseExpr();
  if (expr == nullptr) return nullptr;
  if (!AtEnd()) return Fail("an operator or <EOF>");
  return expr;
}

// ---------------------------------------------------------------------------------------------
// Public API

Result<StatementPtr> ParseStatement(std::string_view query) {
  std::vector<Token> tokens;
  SMITH_RETURN_IF_ERROR(Tokenize(query, &tokens));
  Parser parser(query, tokens);
  StatementPtr statement = parser.ParseStatementHere();
  if (statement == nullptr) return parser.status();
  parser.AcceptSemicolon();
  if (!parser.AtEnd()) {
    parser.FailExpected("<EOF> (only one statement is allowed here)");
    return parser.status();
  }
  return statement;
}

Result<std::vector<StatementPtr>> ParseScript(std::string_view script) {
  std::vector<Token> tokens;
  SMITH_RETURN_IF_ERROR(Tokenize(script, &tokens));
  Parser parser(script, tokens);
  std::vector<StatementPtr> statements;
  while (true) {
    while (parser.AcceptSemicolon()) {
    }
    if (parser.AtEnd()) break;
    StatementPtr statement = parser.ParseStatementHere();
    if (statement == nullptr) return parser.status();
    statements.push_back(std::move(statement));
  }
  return statements;
}

Result<std::vector<std::string_view>> SplitStatements(std::string_view script) {
  std::vector<Token> tokens;
  SMITH_RETURN_IF_ERROR(Tokenize(script, &tokens));
  std::vector<std::string_view> out;
  size_t first = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (kind != TokenKind::kSemicolon && kind != TokenKind::kEnd) continue;
    if (i > first) {
      uint32_t begin = tokens[first].offset;
      out.push_back(script.substr(begin, tokens[i - 1].end() - begin));
    }
    first = i + 1;
  }
  return out;
}

Result<ExprPtr> ParseExpression(std::string_view text) {
  std::vector<Token> tokens;
  SMITH_RETURN_IF_ERROR(Tokenize(text, &tokens));
  Parser parser(text, tokens);
  ExprPtr expr = parser.ParseStandaloneExpression();
  if (expr == nullptr) return parser.status();
  return expr;
}

}  // namespace smith::cypher
