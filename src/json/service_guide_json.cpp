// JSON of service guides (二（三）3): the guides file (docs/schemas/guide.schema.json), the
// platform export in the national public-service item vocabulary, and the published county
// list layout. Reading is all-or-nothing: the first problem throws, nothing half-read escapes.
#include <set>
#include <type_traits>

#include "strings.hpp"
#include "file_io.hpp"
#include "jianzheng/service_guide.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

using detail::Node;
namespace json = boost::json;

constexpr std::string_view kGuidesFormat = "jianzheng-guides/1";

// Node::enumeration's return type is an rvalue reference to a temporary with this toolchain;
// this reads a closed enum by value instead.
template <class Parse>
auto read_enum(const Node& n, Parse parse, std::string_view expected)
    -> std::decay_t<decltype(*parse(std::string_view()))> {
  const std::string s = n.string();
  if (auto v = parse(std::string_view(s))) return *v;
  n.fail(ErrorCode::unknown_enum, "\"" + s + "\" is not a known value; expected " + std::string(expected));
}

std::optional<int> opt_working_days(const Node& n, std::string_view key) {
  auto v = n.get(key);
  if (!v) return std::nullopt;
  const auto d = v->integer();
  if (d < 0 || d > 365) v->fail(ErrorCode::invalid_value, "working days must be 0–365");
  return static_cast<int>(d);
}

LegalBasis read_basis(const Node& n) {
  n.only_keys({"title", "article", "level", "text", "issuer", "document_number", "effective"});
  LegalBasis b;
  b.title = n.at("title").nonempty_string();
  b.article = detail::optional_string(n, "article");
  if (auto l = n.get("level"))
    b.level = read_enum(*l, basis_level_from_string,
                             "one of law, administrative_regulation, local_regulation, "
                             "state_council_retained_list, departmental_rule, policy_document, unknown");
  b.text = detail::optional_string(n, "text");
  b.issuer = detail::optional_string(n, "issuer");
  b.document_number = detail::optional_string(n, "document_number");
  if (auto e = n.get("effective")) b.effective = e->date();
  return b;
}

TextTemplate read_template(const Node& n) {
  n.only_keys({"title", "text"});
  TextTemplate t{detail::optional_string(n, "title"), n.at("text").string()};
  // A malformed template is bad input, found at load time rather than when printing.
  try {
    (void)placeholders(t);
  } catch (const Error& e) {
    n.at("text").fail(ErrorCode::invalid_value, e.message());
  }
  return t;
}

ServiceGuide read_guide(const Node& n, std::string id) {
  n.only_keys({"name", "purpose", "issuer", "requesters", "bases", "service_object", "conditions",
               "residence_condition", "materials", "procedure", "complexity", "limit_working_days",
               "legal_limit_working_days", "certificate_template", "forms", "fee", "location",
               "hours", "consultation", "supervision_hotline", "published", "implementer", "codes",
               "note"});
  ServiceGuide g;
  g.item = std::move(id);
  g.name = detail::optional_string(n, "name");
  g.purpose = detail::optional_string(n, "purpose");
  g.issuer = detail::optional_string(n, "issuer");
  if (auto v = n.get("requesters")) g.requesters = v->strings();
  if (auto v = n.get("bases"))
    for (const auto& e : v->elements()) g.bases.push_back(read_basis(e));
  g.service_object = detail::optional_string(n, "service_object");
  if (auto v = n.get("conditions")) g.conditions = v->strings();
  g.residence_condition = detail::optional_string(n, "residence_condition");
  if (auto v = n.get("materials"))
    for (const auto& e : v->elements()) {
      e.only_keys({"name", "form", "copies", "note"});
      Material m;
      m.name = e.at("name").nonempty_string();
      m.form = detail::optional_string(e, "form");
      if (auto c = e.get("copies")) {
        const auto k = c->integer();
        if (k < 1 || k > 100) c->fail(ErrorCode::invalid_value, "copies must be 1–100");
        m.copies = static_cast<int>(k);
      }
      m.note = detail::optional_string(e, "note");
      g.materials.push_back(std::move(m));
    }
  if (auto v = n.get("procedure"))
    for (const auto& e : v->elements()) {
      e.only_keys({"name", "description"});
      g.procedure.push_back(ProcedureStep{e.at("name").nonempty_string(), detail::optional_string(e, "description")});
    }
  if (auto v = n.get("complexity"))
    g.complexity = read_enum(*v, complexity_from_string, "one of simple, complex");
  g.limit_working_days = opt_working_days(n, "limit_working_days");
  g.legal_limit_working_days = opt_working_days(n, "legal_limit_working_days");
  if (auto v = n.get("certificate_template")) g.certificate_template = read_template(*v);
  if (auto v = n.get("forms"))
    for (const auto& e : v->elements()) g.forms.push_back(read_template(e));
  if (auto v = n.get("fee")) g.fee = v->string();
  g.location = detail::optional_string(n, "location");
  g.hours = detail::optional_string(n, "hours");
  g.consultation = detail::optional_string(n, "consultation");
  if (auto v = n.get("supervision_hotline")) g.supervision_hotline = v->string();
  if (auto v = n.get("published"))
    for (const auto& e : v->elements()) {
      e.only_keys({"channel", "where"});
      g.published.push_back(Publication{
          read_enum(e.at("channel"), publication_channel_from_string,
                                      "one of government_portal, service_platform, service_hall, wechat"),
          detail::optional_string(e, "where")});
    }
  g.implementer = detail::optional_string(n, "implementer");
  if (auto v = n.get("codes")) {
    v->only_keys({"basic_code", "implementation_code", "business_item_code"});
    // Opaque platform codes: only their documented maximum lengths are checked.
    auto code = [&](std::string_view key, std::size_t max) {
      auto c = v->get(key);
      if (!c) return std::string();
      std::string s = c->string();
      if (s.size() > max) c->fail(ErrorCode::invalid_value, "longer than " + std::to_string(max) + " characters");
      return s;
    };
    g.codes.basic_code = code("basic_code", 12);
    g.codes.implementation_code = code("implementation_code", 36);
    g.codes.business_item_code = code("business_item_code", 50);
  }
  g.note = detail::optional_string(n, "note");
  return g;
}

json::value basis_json(const LegalBasis& b) {
  json::object o;
  o["title"] = b.title;
  o["article"] = b.article;
  o["level"] = to_string(b.level);
  o["text"] = b.text;
  if (!b.issuer.empty()) o["issuer"] = b.issuer;
  if (!b.document_number.empty()) o["document_number"] = b.document_number;
  if (b.effective) o["effective"] = b.effective->to_string();
  return o;
}

json::value template_json(const TextTemplate& t) {
  json::object o;
  o["title"] = t.title;
  o["text"] = t.text;
  return o;
}

json::object guide_body(const ServiceGuide& g) {
  json::object o;
  o["name"] = g.name;
  o["purpose"] = g.purpose;
  o["issuer"] = g.issuer;
  o["requesters"] = detail::strings_json(g.requesters);
  json::array bases;
  for (const auto& b : g.bases) bases.push_back(basis_json(b));
  o["bases"] = std::move(bases);
  o["service_object"] = g.service_object;
  o["conditions"] = detail::strings_json(g.conditions);
  o["residence_condition"] = g.residence_condition;
  json::array materials;
  for (const auto& m : g.materials) {
    json::object mo;
    mo["name"] = m.name;
    mo["form"] = m.form;
    mo["copies"] = m.copies;
    mo["note"] = m.note;
    materials.push_back(std::move(mo));
  }
  o["materials"] = std::move(materials);
  json::array steps;
  for (const auto& s : g.procedure) {
    json::object so;
    so["name"] = s.name;
    so["description"] = s.description;
    steps.push_back(std::move(so));
  }
  o["procedure"] = std::move(steps);
  o["complexity"] = g.complexity ? json::value(to_string(*g.complexity)) : json::value(nullptr);
  o["limit_working_days"] = g.limit_working_days ? json::value(*g.limit_working_days) : json::value(nullptr);
  o["legal_limit_working_days"] =
      g.legal_limit_working_days ? json::value(*g.legal_limit_working_days) : json::value(nullptr);
  o["certificate_template"] = template_json(g.certificate_template);
  json::array forms;
  for (const auto& f : g.forms) forms.push_back(template_json(f));
  o["forms"] = std::move(forms);
  o["fee"] = g.fee;
  o["location"] = g.location;
  o["hours"] = g.hours;
  o["consultation"] = g.consultation;
  o["supervision_hotline"] = g.supervision_hotline;
  json::array pubs;
  for (const auto& p : g.published) {
    json::object po;
    po["channel"] = to_string(p.channel);
    po["where"] = p.where;
    pubs.push_back(std::move(po));
  }
  o["published"] = std::move(pubs);
  o["implementer"] = g.implementer;
  json::object codes;
  codes["basic_code"] = g.codes.basic_code;
  codes["implementation_code"] = g.codes.implementation_code;
  codes["business_item_code"] = g.codes.business_item_code;
  o["codes"] = std::move(codes);
  o["note"] = g.note;
  return o;
}

// Boost.JSON keeps one of two equal keys, so a duplicated guide would vanish silently. The
// text is valid JSON by now: scan it for the raw keys of the root's "guides" object and
// return the first key seen twice ("" when none).
std::string duplicate_guide_key(std::string_view t) {
  int depth = 0;
  bool in_guides = false;       // inside the root's "guides" object
  bool expect_key = false;      // the next string at this level is a key
  std::string last_root_key;
  std::set<std::string> keys;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < t.size() && t[j] != '"') j += t[j] == '\\' ? 2 : 1;
      std::string str(t.substr(i + 1, j - i - 1));
      if (expect_key && depth == 1) last_root_key = str;
      if (expect_key && depth == 2 && in_guides && !keys.insert(str).second) return str;
      expect_key = false;
      i = j;
    } else if (c == '{') {
      ++depth;
      if (depth == 2 && last_root_key == "guides") in_guides = true;
      expect_key = true;
    } else if (c == '[') {
      ++depth;
      expect_key = false;
    } else if (c == '}' || c == ']') {
      if (depth == 2) in_guides = false;
      --depth;
    } else if (c == ',') {
      // A comma inside an object starts a new member; inside an array it does not matter,
      // since keys are only taken at depths 1 and 2 where the containers are objects here.
      expect_key = true;
    }
  }
  return "";
}

}  // namespace

GuideSet parse_guides(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  root.only_keys({"$schema", "format", "catalog", "jurisdiction", "example", "note", "guides"});
  if (auto f = root.get("format"); f && f->string() != kGuidesFormat)
    f->fail(ErrorCode::unsupported_format,
            "this version reads \"" + std::string(kGuidesFormat) + "\", not \"" + f->string() + "\"");
  GuideSet set;
  set.catalog = detail::optional_string(root, "catalog");
  set.jurisdiction = detail::optional_string(root, "jurisdiction");
  if (auto e = root.get("example")) set.example = e->boolean();
  set.note = detail::optional_string(root, "note");
  const Node guides = root.at("guides");
  if (!guides.is_object()) guides.fail(ErrorCode::wrong_type, "expected an object keyed by item id");
  // Boost.JSON keeps the last of duplicate keys; a guides file must not have any.
  if (const std::string dup = duplicate_guide_key(text); !dup.empty())
    doc.fail(ErrorCode::duplicate_id, guides.pointer() + "/" + detail::pointer_token(dup),
             "two guides for item \"" + dup + "\" (同一事项有两份办事指南)");
  for (const auto& kv : guides.value().get_object()) {
    std::string id(kv.key());
    const Node n(&doc, &kv.value(), guides.pointer() + "/" + detail::pointer_token(id));
    if (id.empty()) n.fail(ErrorCode::invalid_value, "an item id must not be empty");
    set.guides.push_back(read_guide(n, id));
  }
  return set;
}

GuideSet load_guides(const std::string& path) {
  return parse_guides(detail::read_file(path), path);
}

std::string to_json(const GuideSet& set) {
  json::object o;
  o["format"] = kGuidesFormat;
  o["catalog"] = set.catalog;
  o["jurisdiction"] = set.jurisdiction;
  o["example"] = set.example;
  o["note"] = set.note;
  json::object guides;
  for (const auto& g : set.guides) guides[g.item] = guide_body(g);
  o["guides"] = std::move(guides);
  return detail::canonical(o);
}

std::string to_json(const ServiceGuide& g) {
  json::object o;
  o["item"] = g.item;
  for (auto& kv : guide_body(g)) o[kv.key()] = kv.value();
  if (auto k = g.case_kind()) o["case_kind"] = to_string(*k);
  else o["case_kind"] = nullptr;
  return detail::canonical(o);
}

std::string to_platform_json(const std::vector<ServiceGuide>& guides) {
  json::array items;
  for (const auto& g : guides) {
    json::object o;
    o["事项名称"] = g.name;
    // Codes belong to the platform: exported exactly as assigned, "" when not yet assigned.
    o["基本编码"] = g.codes.basic_code;
    o["实施编码"] = g.codes.implementation_code;
    o["业务办理项编码"] = g.codes.business_item_code;
    o["事项类型"] = "公共服务";
    o["事项类型代码"] = "20";
    json::array bases;
    for (const auto& b : g.bases) {
      json::object bo;
      bo["依据名称"] = b.title;
      bo["条款号"] = b.article;
      bo["条款内容"] = b.text;
      bases.push_back(std::move(bo));
    }
    o["设定依据"] = std::move(bases);
    o["实施主体"] = g.implementer.empty() ? g.issuer : g.implementer;
    o["行使层级"] = "村（社区）";
    o["行使层级代码"] = "6";
    o["服务对象"] = g.service_object;
    json::array conditions;
    if (!g.residence_condition.empty()) conditions.emplace_back(g.residence_condition);
    for (const auto& c : g.conditions) conditions.emplace_back(c);
    o["受理条件"] = std::move(conditions);
    json::array materials;
    for (const auto& m : g.materials) {
      json::object mo;
      mo["材料名称"] = m.name;
      mo["材料形式"] = m.form;
      mo["份数"] = m.copies;
      mo["备注"] = m.note;
      materials.push_back(std::move(mo));
    }
    o["申请材料"] = std::move(materials);
    json::array steps;
    int n = 1;
    for (const auto& s : g.procedure) {
      json::object so;
      so["环节序号"] = n++;
      so["环节名称"] = s.name;
      so["环节内容"] = s.description;
      steps.push_back(std::move(so));
    }
    o["办理流程"] = std::move(steps);
    // 二（三）5: 当场办结 → 即办件 (promised limit 0), 限时办结 → 承诺件 (the list's limit).
    if (auto k = g.case_kind()) {
      o["办件类型"] = chinese_name(*k);
      o["办件类型代码"] = *k == CaseKind::immediate ? "1" : "2";
    } else {
      o["办件类型"] = nullptr;
      o["办件类型代码"] = nullptr;
    }
    o["法定办结时限"] = g.legal_limit_working_days ? json::value(*g.legal_limit_working_days) : json::value(nullptr);
    if (g.complexity == Complexity::simple) o["承诺办结时限"] = 0;
    else if (g.limit_working_days) o["承诺办结时限"] = *g.limit_working_days;
    else o["承诺办结时限"] = nullptr;
    o["办结时限单位"] = "工作日";
    o["承诺办结时限说明"] = g.complexity == Complexity::simple ? "当场办结"
                           : g.limit_working_days ? std::to_string(*g.limit_working_days) + "个工作日内办结"
                                                  : "";
    o["是否收费"] = g.fee == "不收费" || g.fee.empty() ? "否" : "是";
    o["收费标准"] = g.fee;
    o["咨询方式"] = g.consultation;
    o["监督投诉方式"] = "监督电话：" + g.supervision_hotline;
    o["办理地点"] = g.location;
    o["办理时间"] = g.hours;
    o["证明用途"] = g.purpose;
    o["开具单位"] = g.issuer;
    o["索要单位"] = detail::join_nonempty(g.requesters, "、");
    o["证明式样"] = template_json(g.certificate_template);
    json::array forms;
    for (const auto& f : g.forms) forms.push_back(template_json(f));
    o["表单样本"] = std::move(forms);
    json::array pubs;
    for (const auto& p : g.published) {
      json::object po;
      po["渠道"] = chinese_name(p.channel);
      po["地址"] = p.where;
      pubs.push_back(std::move(po));
    }
    o["公布渠道"] = std::move(pubs);
    o["jianzheng_item"] = g.item;
    items.push_back(std::move(o));
  }
  json::object root;
  root["format"] = "jianzheng-platform-items/1";
  root["items"] = std::move(items);
  return detail::canonical(root);
}

std::map<std::string, std::string> parse_template_values(std::string_view text,
                                                         std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "expected an object of 名称: 值 strings");
  std::map<std::string, std::string> values;
  for (const auto& kv : root.value().get_object()) {
    const std::string key(kv.key());
    values[key] = Node(&doc, &kv.value(), "/" + detail::pointer_token(key)).string();
  }
  return values;
}

std::string guide_check_to_json(const std::vector<Finding>& findings, std::string_view catalog_id) {
  json::object root;
  root["catalog"] = catalog_id;
  root["complete"] = findings.empty();
  json::array a;
  for (const auto& f : findings) {
    json::object o;
    o["severity"] = to_string(f.severity);
    o["code"] = f.code;
    o["where"] = f.where;
    o["message"] = f.message;
    o["clause"] = f.clause;
    a.push_back(std::move(o));
  }
  root["findings"] = std::move(a);
  return detail::canonical(root);
}

std::string to_json(const std::vector<ListRow>& rows) {
  json::array a;
  for (const auto& r : rows) {
    json::object o;
    o["证明名称"] = r.name;
    o["证明用途"] = r.purpose;
    o["设定依据"] = r.basis;
    o["依据条文"] = r.articles;
    o["索要单位"] = r.requesters;
    o["开具单位"] = r.issuer;
    o["行使层级"] = r.level;
    o["事项类型"] = r.item_type;
    o["jianzheng_item"] = r.item;
    a.push_back(std::move(o));
  }
  json::object root;
  root["format"] = "jianzheng-county-list/1";
  root["columns"] = json::array{"证明名称", "证明用途", "设定依据", "依据条文", "索要单位", "开具单位", "行使层级", "事项类型"};
  root["rows"] = std::move(a);
  return detail::canonical(root);
}

}  // namespace jianzheng
