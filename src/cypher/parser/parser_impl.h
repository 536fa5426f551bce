// The recursive-descent parser's internal class. Its methods are spread over files by topic:
// parser.cc (tokens, errors, statements, queries), parse_clauses.cc, parse_patterns.cc,
// parse_expressions.cc (operators), parse_atoms.cc (primary expressions), parse_schema.cc.
//
// Error protocol: a Parse* method that fails records the error (the first one wins) and returns
// nullptr / false; callers return at once. Speculative parses (a parenthesised expression vs. a
// pattern, a list vs. a comprehension) save the token index, and on failure restore it and
// discard the error with Rewind().
#ifndef SMITH_CYPHER_PARSER_PARSER_IMPL_H_
#define SMITH_CYPHER_PARSER_PARSER_IMPL_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "cypher/ast/statement.h"
#include "cypher/parser/token.h"

namespace smith::cypher {

// Builds "a, b or c" for an expectation list (at most 12 alternatives).
class Alternatives {
 public:
  void Add(std::string_view alternative) {
    if (size_ < kCapacity) items_[size_++] = alternative;
  }
  std::string Join() const;

 private:
  static constexpr size_t kCapacity = 12;
  std::string_view items_[kCapacity];
  size_t size_ = 0;
};

class Parser {
 public:
  // `tokens` is the output of Tokenize(source) and must outlive the parser.
  Parser(std::string_view source, const std::vector<Token>& tokens)
      : source_(source), tokens_(tokens) {}

  // Parses one statement starting at the current token, leaving the parser on the `;` or end
  // that follows it. Returns nullptr on error (see status()).
  StatementPtr ParseStatementHere();
  ExprPtr ParseStandaloneExpression();

  bool AtEnd() const { return Is(TokenKind::kEnd); }
  bool AcceptSemicolon() { return Accept(TokenKind::kSemicolon); }
  // Fails with "expected <expected>" at the current token.
  std::nullptr_t FailExpected(std::string_view expected) { return Fail(expected); }
  // The recorded error as a Status (OK if none).
  Status status() const;

 private:
  struct Error {
    uint32_t offset = 0;
    std::string description;
  };

  // Parser state saved by speculative parses.
  struct Mark {
    size_t pos;
  };

  // ---- tokens (parser.cc)
  const Token& Cur() const { return tokens_[pos_]; }
  const Token& Peek(size_t ahead) const {
    size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  bool Is(TokenKind kind, size_t ahead = 0) const { return Peek(ahead).kind == kind; }
  bool IsKw(Keyword kw, size_t ahead = 0) const {
    const Token& t = Peek(ahead);
    return t.kind == TokenKind::kIdentifier && t.keyword == kw;
  }
  bool IsName(size_t ahead = 0) const {
    TokenKind k = Peek(ahead).kind;
    return k == TokenKind::kIdentifier || k == TokenKind::kQuotedIdentifier;
  }
  const Token& Advance() {
    const Token& t = tokens_[pos_];
    if (t.kind != TokenKind::kEnd) ++pos_;
    return t;
  }
  bool Accept(TokenKind kind) {
    if (!Is(kind)) return false;
    Advance();
    return true;
  }
  bool AcceptKw(Keyword kw) {
    if (!IsKw(kw)) return false;
    Advance();
    return true;
  }
  bool Expect(TokenKind kind, std::string_view expected);
  bool ExpectKw(Keyword kw);
  SourcePos PosOf(const Token& t) const { return {t.offset, t.line, t.column}; }
  SourcePos CurPos() const { return PosOf(Cur()); }
  std::string_view TextOf(const Token& t) const { return source_.substr(t.offset, t.length); }
  // The name a word or quoted-identifier token stands for.
  std::string NameOf(const Token& t) const;
  // Consumes a name (any word, keywords included, or a quoted name).
  bool ParseName(std::string* out, SourcePos* pos, std::string_view expected);
  // Consumes a variable name (as ParseName).
  bool ParseVariableName(std::string* out, SourcePos* pos) {
    return ParseName(out, pos, "a variable name");
  }
  // Source text from `start` to the end of the last consumed token.
  std::string TextSince(const Token& start) const;
  // Whether the current token can start a clause.
  bool AtClauseStart() const { return IsClauseKeyword(Cur()); }
  // Whether `t` is an unquoted keyword that starts a clause (MATCH, RETURN, SET, ...). These are
  // not read as variables (quote them to use them so), so that a missing expression is reported
  // where it is missing.
  static bool IsClauseKeyword(const Token& t);

  // ---- errors (parser.cc)
  std::nullptr_t Fail(std::string_view expected);
  std::nullptr_t FailAt(const Token& t, std::string description);
  bool failed() const { return error_.has_value(); }
  Mark Save() const { return {pos_}; }
  void Rewind(Mark m) {
    pos_ = m.pos;
    error_.reset();
  }
  // Speculative pattern parses that failed, by starting token index. A speculation is tried at
  // most once per index, which keeps nested speculation (a failing pattern whose node map holds
  // another one) linear instead of exponential.
  bool SpeculationFailedAt(size_t index) const {
    return index < failed_speculation_.size() && failed_speculation_[index];
  }
  void NoteFailedSpeculation(size_t index) {
    if (failed_speculation_.empty()) failed_speculation_.resize(tokens_.size());
    failed_speculation_[index] = true;
  }

  // ---- statements and queries (parser.cc)
  bool ParseQuery(Query* query);
  bool ParseSingleQuery(SingleQuery* part);

  // ---- clauses (parse_clauses.cc)
  ClausePtr ParseClause();
  ClausePtr ParseMatch();
  ClausePtr ParseUnwind();
  ClausePtr ParseWith();
  ClausePtr ParseReturn();
  ClausePtr ParseCreate();
  ClausePtr ParseMerge();
  ClausePtr ParseSet();
  ClausePtr ParseRemove();
  ClausePtr ParseDelete();
  ClausePtr ParseForeach();
  ClausePtr ParseCall();
  ClausePtr ParseCallSubquery(SourcePos pos);
  bool ParseProjection(Projection* out);
  bool ParseOrderSkipLimit(Projection* out);
  bool ParseSetItem(std::vector<SetItem>* items);
  bool ParseYieldItems(std::vector<YieldItem>* out);

  // ---- patterns (parse_patterns.cc)
  bool ParsePattern(Pattern* out);
  bool ParsePatternPath(PatternPath* out, bool allow_variable);
  bool ParsePathChain(PatternPath* out, bool require_relationship);
  bool ParseNodePattern(NodePattern* out);
  bool ParseRelationshipPattern(RelationshipPattern* out);
  bool ParseVarLength(VarLength* out);
  ExprPtr ParsePropertiesOrParameter();
  // `:A:B`, `:A|B`, ...: one item per top-level `:`. `allow_bar` is false where a `|` ends the
  // enclosing construct (the WHERE of a comprehension).
  bool ParseLabelList(LabelList* out, bool allow_bar);
  bool ParseRelTypes(LabelList* out);
  bool ParseLabelOr(LabelExpression* out, bool allow_bar, bool allow_colon_after_bar);
  bool ParseLabelAnd(LabelExpression* out);
  bool ParseLabelNot(LabelExpression* out);
  bool ParseLabelAtom(LabelExpression* out);
  // Whether tokens at the cursor look like a pattern path with at least one relationship
  // (`(...)-` / `(...)<-`); a cheap pre-check before a speculative pattern parse.
  bool LooksLikeRelationshipPattern(size_t ahead) const;

  // ---- expressions (parse_expressions.cc)
  ExprPtr ParseExpr();
  ExprPtr ParseOr();
  ExprPtr ParseXor();
  ExprPtr ParseAnd();
  ExprPtr ParseNot();
  ExprPtr ParseComparison();
  ExprPtr ParsePredicates();
  ExprPtr ParseAdditive();
  ExprPtr ParseMultiplicative();
  ExprPtr ParsePower();
  ExprPtr ParseUnary();
  ExprPtr ParsePostfix();
  ExprPtr ParsePostfixOps(ExprPtr base, bool allow_labels);
  // Comma-separated expressions up to and including `close`; with close == kEnd, a non-empty
  // list with no closing token.
  bool ParseExprList(std::vector<ExprPtr>* out, TokenKind close);
  // An expression in a context where `|` ends it (comprehension WHERE, FOREACH list).
  ExprPtr ParseExprBeforeBar();

  // ---- atoms (parse_atoms.cc)
  ExprPtr ParseAtom();
  ExprPtr ParseNumber(bool negate, const Token& sign);
  ExprPtr ParseStringLiteral();
  ExprPtr ParseParameter();
  ExprPtr ParseParenthesized();
  ExprPtr ParseBracketed();
  ExprPtr ParseListComprehension();
  ExprPtr ParsePatternComprehension();
  ExprPtr ParseMapLiteral();
  ExprPtr ParseCase();
  ExprPtr ParseWordAtom();
  ExprPtr ParseFunctionCall();
  ExprPtr ParseQuantifier(QuantifierKind q);
  ExprPtr ParseReduce();
  ExprPtr ParseMapProjection(const Token& var);
  ExprPtr ParseSubquery(SubqueryKind kind);
  ExprPtr ParseShortestPathExpr();

  // ---- schema commands (parse_schema.cc)
  StatementPtr ParseCreateSchema();
  StatementPtr ParseCreateConstraint(SourcePos pos);
  StatementPtr ParseCreateIndex(SourcePos pos, IndexKind kind);
  StatementPtr ParseDrop();
  StatementPtr ParseShow();
  bool ParseSchemaName(std::string* name, bool* if_not_exists);
  bool ParseSchemaTarget(SchemaTarget* out, bool allow_label_alternatives, bool allow_no_label);
  bool ParsePropertyRef(PropertyRef* out);
  bool ParsePropertyRefList(std::vector<PropertyRef>* out, bool require_parens);
  bool ParseOptions(ExprPtr* out);

  // Limits that keep recursion bounded, here and in every later pass over the AST: at most
  // kMaxDepth nested constructs (parentheses, brackets, subqueries, NOT, unary signs, ...) and
  // ASTs at most kMaxTreeDepth levels deep (operator chains such as `a + b + ... + z` count one
  // level per operator).
  static constexpr int kMaxDepth = 300;
  static constexpr int kMaxTreeDepth = 1000;

  std::nullptr_t FailTooDeep() { return FailAt(Cur(), "Query is nested too deeply"); }

  std::string_view source_;
  const std::vector<Token>& tokens_;
  size_t pos_ = 0;
  std::optional<Error> error_;
  int depth_ = 0;
  int tree_depth_ = 0;
  std::vector<bool> failed_speculation_;  // Allocated on the first failed speculation.
  // True while parsing the WHERE of a comprehension (or a FOREACH / reduce list) at bracket
  // depth 0: there a `|` ends the expression instead of continuing a label disjunction.
  bool bar_ends_expression_ = false;

  friend class DepthGuard;
  friend class ChainGuard;
  friend class BarScope;
};

// Counts recursion depth (and the tree depth it implies) so that absurdly nested input fails
// cleanly instead of overflowing the stack.
class DepthGuard {
 public:
  explicit DepthGuard(Parser* p) : p_(p) {
    ++p_->depth_;
    ++p_->tree_depth_;
  }
  ~DepthGuard() {
    --p_->depth_;
    --p_->tree_depth_;
  }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
  bool TooDeep() const {
    return p_->depth_ > Parser::kMaxDepth || p_->tree_depth_ > Parser::kMaxTreeDepth;
  }

 private:
  Parser* p_;
};

// Counts the levels a left-associative operator loop adds to the tree (one per operator).
class ChainGuard {
 public:
  explicit ChainGuard(Parser* p) : p_(p) {}
  ~ChainGuard() { p_->tree_depth_ -= links_; }
  ChainGuard(const ChainGuard&) = delete;
  ChainGuard& operator=(const ChainGuard&) = delete;
  // Adds a level; false if the tree is now too deep.
  bool Extend() {
    ++links_;
    return ++p_->tree_depth_ <= Parser::kMaxTreeDepth;
  }

 private:
  Parser* p_;
  int links_ = 0;
};

// Sets Parser::bar_ends_expression_ for its lifetime, restoring the previous value after.
class BarScope {
 public:
  BarScope(Parser* p, bool value) : p_(p), saved_(p->bar_ends_expression_) {
    p_->bar_ends_expression_ = value;
  }
  ~BarScope() { p_->bar_ends_expression_ = saved_; }
  BarScope(const BarScope&) = delete;
  BarScope& operator=(const BarScope&) = delete;

 private:
  Parser* p_;
  bool saved_;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PARSER_PARSER_IMPL_H_
