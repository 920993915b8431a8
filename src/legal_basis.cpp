#include "jianzheng/legal_basis.hpp"

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<BasisLevel, 7> kBasisLevelNames{{
    {BasisLevel::law, "law"},
    {BasisLevel::administrative_regulation, "administrative_regulation"},
    {BasisLevel::local_regulation, "local_regulation"},
    {BasisLevel::state_council_retained_list, "state_council_retained_list"},
    {BasisLevel::departmental_rule, "departmental_rule"},
    {BasisLevel::policy_document, "policy_document"},
    {BasisLevel::unknown, "unknown"},
}};

}  // namespace

const char* to_string(BasisLevel v) noexcept { return kBasisLevelNames.name(v); }
std::optional<BasisLevel> basis_level_from_string(std::string_view s) noexcept { return kBasisLevelNames.parse(s); }

bool operator==(const LegalBasis& a, const LegalBasis& b) noexcept {
  return a.title == b.title && a.article == b.article && a.level == b.level &&
         a.text == b.text && a.issuer == b.issuer && a.document_number == b.document_number &&
         a.effective == b.effective;
}

}  // namespace jianzheng

// ---- parse_basis: a basis written as text -------------------------------------------------

namespace jianzheng {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool has(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string_view trim(std::string_view s) {
  static constexpr std::string_view kSpace = "\xE3\x80\x80";  // U+3000 ideographic space
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
      s.remove_prefix(1);
    else if (starts_with(s, kSpace))
      s.remove_prefix(kSpace.size());
    else
      break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
      s.remove_suffix(1);
    else if (ends_with(s, kSpace))
      s.remove_suffix(kSpace.size());
    else
      break;
  }
  return s;
}

// Length in bytes of a run of numeral characters (Chinese or ASCII) at the start of s.
std::size_t numeral_run(std::string_view s) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八",
                                                   "九", "十", "百", "千", "零", "〇", "两"};
  std::size_t n = 0;
  for (;;) {
    std::string_view rest = s.substr(n);
    if (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
      ++n;
      continue;
    }
    bool hit = false;
    for (std::string_view d : kNumerals)
      if (starts_with(rest, d)) {
        n += d.size();
        hit = true;
        break;
      }
    if (!hit) return n;
  }
}

// Finds "第<numerals><unit>" at or after `from`; returns [begin, end) or npos.
std::pair<std::size_t, std::size_t> find_numbered(std::string_view s, std::string_view unit,
                                                  std::size_t from = 0) {
  for (std::size_t p = s.find("第", from); p != std::string_view::npos; p = s.find("第", p + 1)) {
    const std::size_t digits = p + std::string_view("第").size();
    const std::size_t n = numeral_run(s.substr(digits));
    if (n > 0 && starts_with(s.substr(digits + n), unit)) return {p, digits + n + unit.size()};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// A place name at the start of a title (甘肃省…, 张掖市…, 肃南裕固族自治县…): a local text.
bool starts_with_place(std::string_view t) {
  static constexpr std::string_view kPlaces[] = {"自治区", "自治州", "自治县", "省", "市", "州", "县", "盟", "旗"};
  for (std::string_view p : kPlaces) {
    const std::size_t at = t.find(p);
    // A place name is short (≤ 9 characters) and 城市 (city, as in 城市居民委员会) is none.
    if (at != std::string_view::npos && at > 0 && at <= 27 && !(p == "市" && ends_with(t.substr(0, at), "城")))
      return true;
  }
  return false;
}

BasisLevel level_of(std::string_view title, std::string_view whole) {
  std::string_view t = title;
  if (starts_with(t, "《") && ends_with(t, "》"))
    t = t.substr(std::string_view("《").size(), t.size() - 2 * std::string_view("《").size());
  if (has(whole, "保留证明事项清单")) return BasisLevel::state_council_retained_list;
  for (std::string_view s : {"通知", "意见", "方案", "决定", "纪要", "批复", "函", "公告", "指引", "指南", "要点", "通告"})
    if (ends_with(t, s)) return BasisLevel::policy_document;
  if (ends_with(t, "条例")) {
    if (ends_with(t, "自治条例") || ends_with(t, "单行条例") || starts_with_place(t))
      return BasisLevel::local_regulation;
    return BasisLevel::administrative_regulation;  // 条例 without a place: the State Council's
  }
  // 省 …实施〈…法〉办法 is passed by a provincial people's congress: a local regulation.
  if (ends_with(t, "办法") && starts_with_place(t) && has(t, "实施") && (has(t, "〈") || has(t, "《")))
    return BasisLevel::local_regulation;
  for (std::string_view s : {"办法", "规定", "规则", "细则"})
    if (ends_with(t, s)) return BasisLevel::departmental_rule;
  if ((ends_with(t, "法") || ends_with(t, "法典")) && !starts_with_place(t))
    return BasisLevel::law;  // 中华人民共和国…法, and the short forms (居民委员会组织法)
  return BasisLevel::unknown;
}

}  // namespace

LegalBasis parse_basis(std::string_view text) {
  LegalBasis b;
  const std::string_view s = trim(text);
  if (s.empty()) return b;
  std::size_t title_end = std::string_view::npos;
  const std::size_t open = s.find("《");
  if (open != std::string_view::npos) {
    const std::size_t close = s.find("》", open);
    if (close != std::string_view::npos) {
      title_end = close + std::string_view("》").size();
      b.title = std::string(s.substr(open, title_end - open));
      const std::string_view issuer = trim(s.substr(0, open));
      if (!issuer.empty()) b.issuer = std::string(issuer);
    }
  }
  const auto article = find_numbered(s, "条", title_end == std::string_view::npos ? 0 : title_end);
  if (article.first != std::string_view::npos) {
    std::size_t end = article.second;
    // 第…条第…款第…项: keep the paragraph and item with the article.
    for (std::string_view unit : {"款", "项"}) {
      const auto more = find_numbered(s, unit, end);
      if (more.first == end) end = more.second;
    }
    b.article = std::string(s.substr(article.first, end - article.first));
  }
  if (b.title.empty())
    b.title = std::string(trim(s.substr(0, article.first == std::string_view::npos ? s.size() : article.first)));
  b.level = level_of(b.title, s);
  return b;
}

}  // namespace jianzheng
