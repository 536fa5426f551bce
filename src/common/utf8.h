// UTF-8 validation for text that crosses a boundary into smith: query strings, parameters,
// property values from Python, and bytes read back from storage.
//
// A Value holding a string does not re-validate on construction (that would cost on every copy
// of every intermediate result); instead each boundary validates once with these functions.
//
// Accepted: well-formed UTF-8 as defined by RFC 3629 / Unicode 15 Table 3-7. Rejected: stray
// continuation bytes, truncated sequences, overlong encodings (e.g. C0 80 for U+0000), encoded
// UTF-16 surrogates (U+D800..U+DFFF) and code points above U+10FFFF. U+0000 itself is valid.
//
// Thread safety: pure functions.
#ifndef SMITH_COMMON_UTF8_H_
#define SMITH_COMMON_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace smith {

// True if `s` is entirely well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// The byte offset of the first ill-formed sequence in `s`, or s.size() if it is well-formed.
size_t FindInvalidUtf8(std::string_view s);

// OK if `s` is well-formed UTF-8; otherwise InvalidArgument with a message such as
// "property value is not valid UTF-8 (byte 0xC0 at offset 3)", where `what` names the input.
Status ValidateUtf8(std::string_view s, std::string_view what);

// Appends the UTF-8 encoding of code point `cp` (precondition: cp <= 0x10FFFF).
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace smith

#endif  // SMITH_COMMON_UTF8_H_
