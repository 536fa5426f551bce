#include "graph/token_dictionary.h"

#include <mutex>

#include "common/utf8.h"
#include "graph/keys.h"
#include "storage/engine.h"

namespace smith::graph {

Status TokenDictionary::Load(storage::ReadView& view) {
  std::array<Kind, kTokenKindCount> loaded;
  std::string prefix(keys::kMetaTokenPrefix);
  auto it = view.NewIterator(storage::Family::kMeta, prefix, keys::PrefixEnd(prefix));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    std::string_view value = it->value();
    if (key.size() < prefix.size() + 1 || value.size() != keys::kTokenBytes) {
      return Status::Corruption("malformed token entry in the meta family");
    }
    auto k = static_cast<uint8_t>(key[prefix.size()]);
    if (k >= kTokenKindCount) return Status::Corruption("token entry of unknown kind");
    TokenId id = DecodeFixed32BE(value.data());
    Kind& dest = loaded[k];
    if (dest.names.size() <= id) dest.names.resize(id + 1);
    dest.names[id] = std::string(key.substr(prefix.size() + 1));
  }
  SMITH_RETURN_IF_ERROR(it->status());
  for (auto& k : loaded) {
    for (TokenId id = 0; id < k.names.size(); ++id) {
      if (k.names[id].empty()) return Status::Corruption("token ids are not dense");
      k.ids.emplace(k.names[id], id);
    }
    k.committed = k.names.size();
  }
  std::unique_lock lock(mutex_);
  kinds_ = std::move(loaded);
  return Status::OK();
}

std::optional<TokenId> TokenDictionary::Find(TokenKind k, std::string_view name) const {
  std::shared_lock lock(mutex_);
  const Kind& kd = kind(k);
  auto it = kd.ids.find(name);
  if (it == kd.ids.end()) return std::nullopt;
  return it->second;
}

std::string_view TokenDictionary::Name(TokenKind k, TokenId id) const {
  std::shared_lock lock(mutex_);
  const Kind& kd = kind(k);
  if (id >= kd.names.size()) return {};
  return kd.names[id];
}

std::vector<std::string> TokenDictionary::Names(TokenKind k) const {
  std::shared_lock lock(mutex_);
  const Kind& kd = kind(k);
  return std::vector<std::string>(kd.names.begin(), kd.names.begin() + kd.committed);
}

size_t TokenDictionary::size(TokenKind k) const {
  std::shared_lock lock(mutex_);
  return kind(k).names.size();
}

Result<TokenId> TokenDictionary::GetOrCreate(TokenKind k, std::string_view name,
                                             storage::WriteTransaction& txn) {
  if (auto id = Find(k, name)) return *id;
  if (name.empty()) {
    return Status::InvalidArgument(std::string("a ") + TokenKindName(k) +
                                   " name must not be empty");
  }
  SMITH_RETURN_IF_ERROR(ValidateUtf8(name, TokenKindName(k)));
  std::unique_lock lock(mutex_);
  Kind& kd = kind(k);
  auto id = static_cast<TokenId>(kd.names.size());
  kd.names.emplace_back(name);
  kd.ids.emplace(kd.names.back(), id);
  std::string value;
  PutFixed32BE(id, &value);
  txn.Put(storage::Family::kMeta, keys::TokenMetaKey(k, name), value);
  return id;
}

void TokenDictionary::CommitPending() {
  std::unique_lock lock(mutex_);
  for (auto& k : kinds_) k.committed = k.names.size();
}

void TokenDictionary::RollbackPending() {
  std::unique_lock lock(mutex_);
  for (auto& k : kinds_) {
    while (k.names.size() > k.committed) {
      k.ids.erase(k.names.back());
      k.names.pop_back();
    }
  }
}

}  // namespace smith::graph
