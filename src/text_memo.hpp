// A per-thread memo of answers that are a pure function of an owner and a short text: what the
// name matcher resolves a ledger's spelling to (engine.cpp), how the purpose reader reads a
// platform's purpose (purpose.cpp). Ledgers and platforms send the same few texts again and
// again, so a hit copies a stored answer instead of matching again.
//
// Direct-mapped, so a lookup is one hash and one comparison; per thread, so there are no locks.
// The owner is an id no other owner ever has (memo_owner_id(): a counter that never repeats), so
// an answer of an owner that is gone — whose pointers dangle — is never returned: an entry
// matches only its own owner. `part` tells apart answers of the same owner and text that differ
// (the purpose reader's item tables, by position). Slots are chosen from the owner, the part and
// the text only — never an address — so which answers share a slot is the same in every run.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace jianzheng::detail {

/// A new owner id, never 0 (0 marks an empty slot) and never given twice in a process.
inline std::uint64_t memo_owner_id() noexcept {
  static std::atomic<std::uint64_t> counter{0};
  return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

template <class Value, std::size_t Slots, std::size_t MaxText>
class TextMemo {
 public:
  static bool fits(std::string_view text) noexcept { return text.size() <= MaxText; }

  /// The stored answer for (owner, part, text), or nullptr.
  const Value* find(std::uint64_t owner, std::uint64_t part, std::string_view text) const noexcept {
    const Slot& s = slots_[index(owner, part, text)];
    if (s.owner != owner || s.part != part || s.length != text.size() ||
        std::memcmp(s.text, text.data(), text.size()) != 0)
      return nullptr;
    return &s.value;
  }

  /// The slot (owner, part, text) goes to, keyed for it: the caller writes the answer into it.
  /// `text` must fit.
  Value& claim(std::uint64_t owner, std::uint64_t part, std::string_view text) noexcept {
    Slot& s = slots_[index(owner, part, text)];
    s.owner = owner;
    s.part = part;
    s.length = static_cast<std::uint32_t>(text.size());
    std::memcpy(s.text, text.data(), text.size());
    return s.value;
  }

  /// This thread's memo of this type, allocated on its first use.
  static TextMemo& of_this_thread() {
    thread_local std::unique_ptr<TextMemo> memo;
    if (!memo) memo = std::make_unique<TextMemo>();
    return *memo;
  }

 private:
  struct Slot {
    std::uint64_t owner = 0;  // 0: empty
    std::uint64_t part = 0;
    std::uint32_t length = 0;
    char text[MaxText];
    Value value;
  };
  static std::size_t index(std::uint64_t owner, std::uint64_t part, std::string_view text) noexcept {
    std::uint64_t h = (1469598103934665603ull ^ owner ^ (part << 32)) * 1099511628211ull;  // FNV-1a
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(h ^ (h >> 29)) % Slots;
  }
  Slot slots_[Slots];
};

}  // namespace jianzheng::detail
