// 128-bit integers for exact intermediate arithmetic (duration totals, int/float comparison).
// GCC and Clang provide them as an extension; __extension__ keeps -Wpedantic quiet.
#ifndef SMITH_COMMON_INT128_H_
#define SMITH_COMMON_INT128_H_

namespace smith {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

}  // namespace smith

#endif  // SMITH_COMMON_INT128_H_
