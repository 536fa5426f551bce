// TokenDictionary: interns labels, relationship types and property keys as 32-bit ids.
//
// Persistence: one meta entry per token, "g/tok/" kind:1 name -> id:4 (big-endian), written in
// the same write batch as the data that first uses the token, so a token exists on disk exactly
// when some committed transaction created it.
//
// Ids are dense per kind and allocated by the single writer. A writer's new tokens are "pending"
// until the writer calls CommitPending() (after its storage commit succeeded) or RollbackPending()
// (which forgets them and makes their ids available again).
//
// Thread safety: all methods may be called concurrently; lookups take a shared lock, allocation
// an exclusive one. Returned string_views stay valid until the dictionary is destroyed, except
// views of pending tokens, which a rollback invalidates (only the writer ever holds those).
#ifndef SMITH_GRAPH_TOKEN_DICTIONARY_H_
#define SMITH_GRAPH_TOKEN_DICTIONARY_H_

#include <array>
#include <deque>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graph/ids.h"

namespace smith::storage {
class ReadView;
class WriteTransaction;
}  // namespace smith::storage

namespace smith::graph {

class TokenDictionary {
 public:
  TokenDictionary() = default;
  TokenDictionary(const TokenDictionary&) = delete;
  TokenDictionary& operator=(const TokenDictionary&) = delete;

  // Replaces the contents with the tokens stored in `view`. Corruption if an entry is malformed
  // or ids are not dense.
  Status Load(storage::ReadView& view);

  // The id of `name`, or nullopt if no such token exists.
  std::optional<TokenId> Find(TokenKind kind, std::string_view name) const;
  // The name of `id`; empty if unknown.
  std::string_view Name(TokenKind kind, TokenId id) const;
  // All committed names of `kind` in id order.
  std::vector<std::string> Names(TokenKind kind) const;
  size_t size(TokenKind kind) const;

  // The id of `name`, creating a pending token (and its meta entry in `txn`) if needed.
  // InvalidArgument for an empty name or invalid UTF-8.
  Result<TokenId> GetOrCreate(TokenKind kind, std::string_view name,
                              storage::WriteTransaction& txn);

  void CommitPending();
  void RollbackPending();

 private:
  struct Kind {
    std::deque<std::string> names;  // index = id
    std::unordered_map<std::string_view, TokenId> ids;
    size_t committed = 0;
  };
  Kind& kind(TokenKind k) { return kinds_[static_cast<int>(k)]; }
  const Kind& kind(TokenKind k) const { return kinds_[static_cast<int>(k)]; }

  mutable std::shared_mutex mutex_;
  std::array<Kind, kTokenKindCount> kinds_;  // guarded by mutex_
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_TOKEN_DICTIONARY_H_
