// Tokens produced by the Cypher lexer (internal to the parser).
//
// A token is a slice of the source (offset, length) plus its position and, for numbers, the
// value. Words are kIdentifier tokens whatever they spell; `keyword` says which keyword the word
// is (case-insensitively), and the parser decides by context whether it acts as one, so most
// keywords remain usable as names. Backtick-quoted words are kQuotedIdentifier and never
// keywords. String contents and quoted identifiers are validated by the lexer and decoded by the
// parser when it builds the AST.
#ifndef SMITH_CYPHER_PARSER_TOKEN_H_
#define SMITH_CYPHER_PARSER_TOKEN_H_

#include <cstdint>
#include <string_view>

namespace smith::cypher {

enum class TokenKind : uint8_t {
  kEnd,
  kIdentifier,
  kQuotedIdentifier,
  kInteger,
  kFloat,
  kString,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kDotDot,
  kColon,
  kSemicolon,
  kPipe,
  kAmpersand,
  kBang,
  kDollar,
  kStar,
  kPlus,
  kPlusEq,
  kMinus,
  kSlash,
  kPercent,
  kCaret,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kRegexMatch,
};

// X(enumerator, spelling), in alphabetical order of spelling (checked at compile time).
#define SMITH_CYPHER_KEYWORDS(X)           \
  X(kAll, "ALL")                           \
  X(kAllShortestPaths, "ALLSHORTESTPATHS") \
  X(kAnd, "AND")                           \
  X(kAny, "ANY")                           \
  X(kAs, "AS")                             \
  X(kAsc, "ASC")                           \
  X(kAscending, "ASCENDING")               \
  X(kAssert, "ASSERT")                     \
  X(kBreak, "BREAK")                       \
  X(kBtree, "BTREE")                       \
  X(kBuilt, "BUILT")                       \
  X(kBy, "BY")                             \
  X(kCall, "CALL")                         \
  X(kCase, "CASE")                         \
  X(kCollect, "COLLECT")                   \
  X(kConstraint, "CONSTRAINT")             \
  X(kConstraints, "CONSTRAINTS")           \
  X(kContains, "CONTAINS")                 \
  X(kContinue, "CONTINUE")                 \
  X(kCount, "COUNT")                       \
  X(kCreate, "CREATE")                     \
  X(kDefined, "DEFINED")                   \
  X(kDelete, "DELETE")                     \
  X(kDesc, "DESC")                         \
  X(kDescending, "DESCENDING")             \
  X(kDetach, "DETACH")                     \
  X(kDistinct, "DISTINCT")                 \
  X(kDrop, "DROP")                         \
  X(kEach, "EACH")                         \
  X(kElse, "ELSE")                         \
  X(kEnd, "END")                           \
  X(kEnds, "ENDS")                         \
  X(kError, "ERROR")                       \
  X(kExistence, "EXISTENCE")               \
  X(kExists, "EXISTS")                     \
  X(kExplain, "EXPLAIN")                   \
  X(kFail, "FAIL")                         \
  X(kFalse, "FALSE")                       \
  X(kFor, "FOR")                           \
  X(kForeach, "FOREACH")                   \
  X(kFulltext, "FULLTEXT")                 \
  X(kFunction, "FUNCTION")                 \
  X(kFunctions, "FUNCTIONS")               \
  X(kIf, "IF")                             \
  X(kIn, "IN")                             \
  X(kIndex, "INDEX")                       \
  X(kIndexes, "INDEXES")                   \
  X(kIs, "IS")                             \
  X(kKey, "KEY")                           \
  X(kLimit, "LIMIT")                       \
  X(kLookup, "LOOKUP")                     \
  X(kMatch, "MATCH")                       \
  X(kMerge, "MERGE")                       \
  X(kNode, "NODE")                         \
  X(kNodetach, "NODETACH")                 \
  X(kNone, "NONE")                         \
  X(kNot, "NOT")                           \
  X(kNull, "NULL")                         \
  X(kOf, "OF")                             \
  X(kOffset, "OFFSET")                     \
  X(kOn, "ON")                             \
  X(kOptional, "OPTIONAL")                 \
  X(kOptions, "OPTIONS")                   \
  X(kOr, "OR")                             \
  X(kOrder, "ORDER")                       \
  X(kPoint, "POINT")                       \
  X(kProcedure, "PROCEDURE")               \
  X(kProcedures, "PROCEDURES")             \
  X(kProfile, "PROFILE")                   \
  X(kRange, "RANGE")                       \
  X(kReduce, "REDUCE")                     \
  X(kRel, "REL")                           \
  X(kRelationship, "RELATIONSHIP")         \
  X(kRemove, "REMOVE")                     \
  X(kRequire, "REQUIRE")                   \
  X(kReturn, "RETURN")                     \
  X(kRow, "ROW")                           \
  X(kRows, "ROWS")                         \
  X(kSet, "SET")                           \
  X(kShortestPath, "SHORTESTPATH")         \
  X(kShow, "SHOW")                         \
  X(kSingle, "SINGLE")                     \
  X(kSkip, "SKIP")                         \
  X(kStarts, "STARTS")                     \
  X(kText, "TEXT")                         \
  X(kThen, "THEN")                         \
  X(kTransactions, "TRANSACTIONS")         \
  X(kTrue, "TRUE")                         \
  X(kUnion, "UNION")                       \
  X(kUnique, "UNIQUE")                     \
  X(kUniqueness, "UNIQUENESS")             \
  X(kUnwind, "UNWIND")                     \
  X(kUser, "USER")                         \
  X(kVector, "VECTOR")                     \
  X(kWhen, "WHEN")                         \
  X(kWhere, "WHERE")                       \
  X(kWith, "WITH")                         \
  X(kXor, "XOR")                           \
  X(kYield, "YIELD")

enum class Keyword : uint8_t {
  kNotAKeyword,
#define SMITH_CYPHER_KEYWORD_ENUM(e, s) e,
  SMITH_CYPHER_KEYWORDS(SMITH_CYPHER_KEYWORD_ENUM)
#undef SMITH_CYPHER_KEYWORD_ENUM
};

// The keyword `word` spells (ASCII case-insensitively), or kNotAKeyword.
Keyword LookupKeyword(std::string_view word);

// Upper-case spelling of `kw` ("" for kNotAKeyword).
std::string_view KeywordText(Keyword kw);

struct Token {
  TokenKind kind = TokenKind::kEnd;
  Keyword keyword = Keyword::kNotAKeyword;
  uint32_t offset = 0;
  uint32_t length = 0;
  uint32_t line = 1;
  uint32_t column = 1;
  // kInteger: the magnitude (at most 2^63, which only a preceding minus sign makes valid).
  // kFloat: the value.
  union {
    uint64_t int_value;
    double float_value;
  };

  Token() : int_value(0) {}
  uint32_t end() const { return offset + length; }
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PARSER_TOKEN_H_
