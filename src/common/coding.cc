#include "common/coding.h"

namespace smith {

Status GetFixed32BE(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return Status::Corruption("truncated fixed32");
  *v = DecodeFixed32BE(in->data());
  in->remove_prefix(4);
  return Status::OK();
}

Status GetFixed64BE(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return Status::Corruption("truncated fixed64");
  *v = DecodeFixed64BE(in->data());
  in->remove_prefix(8);
  return Status::OK();
}

Status GetVarint64Slow(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  const size_t limit = in->size() < 10 ? in->size() : 10;
  for (size_t i = 0; i < limit; ++i) {
    const uint64_t byte = static_cast<unsigned char>((*in)[i]);
    if (i == 9 && byte > 1) return Status::Corruption("varint exceeds 64 bits");
    result |= (byte & 0x7F) << (7 * i);
    if (byte < 0x80) {
      *v = result;
      in->remove_prefix(i + 1);
      return Status::OK();
    }
  }
  return Status::Corruption(in->size() < 10 ? "truncated varint" : "varint longer than 10 bytes");
}

}  // namespace smith
