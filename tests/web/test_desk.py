"""The desk page (issue 14, docs/desk.md) in headless Chromium against the real server: a clerk
types a request and reads the outcome; answers open questions and sees it change in place;
prints the one-time notice and the filled certificate; browses the items and the guides; at
1366×768 and at phone width, by keyboard alone, in Chinese and in English."""
import json
import pathlib
import re

import pytest

from conftest import SOURCE, cli, clause_text, squash, until

ISSUE_DATE = "2021-09-30"
NOTARIZATION = "亲属关系证明（用于办理公证）"  # example county list: by committee, with a guide


def outcome_label(cli_output):
    # `jianzheng decide` prints "结论: 不予出具，告知办事途径 [refuse_redirect]" (en: "outcome: …").
    m = re.search(r"^(?:结论|outcome): (.+) \[\w+\]$", cli_output, re.M)
    assert m, cli_output
    return m.group(1)


# --- deciding ----------------------------------------------------------------------------

def test_enter_decides_a_listed_certificate_with_its_clause_route_and_receipt(desk, server):
    # 二（二）2, 附件1 第8项 婚姻状况证明 (单身证明 is its colloquial name): not issued; the route.
    assert desk.js("return document.activeElement.name") == "text"  # the page opens ready to type
    result = desk.ask("开个单身证明", date=ISSUE_DATE)
    assert result.get_attribute("data-outcome") == "refuse_redirect"
    assert result.get_attribute("data-item") == "marital-status"
    # The outcome in the library's own words, as the command line says it.
    label = outcome_label(cli("decide", "开个单身证明", "--date", ISSUE_DATE))
    assert desk.find("#r-verdict .outcome-desc span").text == label
    assert desk.find("#outcome").text == "不予出具"
    # The deciding clause verbatim, with its number.
    assert desk.find("#r-clause .clause-no.big").text == "二（二）2"
    assert desk.find("#r-clause blockquote").text == clause_text("2.2.2")
    # The route verbatim, and the departments to go to.
    item = server.get_json("/v1/items/marital-status")
    assert desk.find("#r-route .verbatim").text == item["route"]["text"]
    for agency in item["route"]["agencies"]:
        assert agency in desk.find("#r-route .go").text
    # The receipt: the catalog in force, its hash, the engine, the date.
    catalog = server.get_json("/readyz")["catalog"]
    receipt = desk.find("#r-receipt").text
    assert catalog["sha256"] in receipt and catalog["id"] in receipt and ISSUE_DATE in receipt
    assert server.get_json("/healthz")["version"] in receipt


def test_text_that_names_no_item_is_said_to_be_unrecognised(desk):
    # 二（二）1: no item, no basis → not issued; the page says it did not recognise the name.
    result = desk.ask("居住证明", date=ISSUE_DATE)
    assert result.get_attribute("data-outcome") == "refuse"
    assert result.get_attribute("data-item") == ""
    assert "未识别为清单中的证明事项" in desk.find("#r-item").text
    assert desk.find("#r-clause .clause-no.big").text == "二（二）1"


def test_a_candidate_click_decides_that_item(desk, server):
    # Two names in one request: the page shows the other candidate; a click decides it.
    text = "出生证明和死亡证明"
    matches = server.post_json("/v1/resolve", {"text": text})["matches"]
    assert len(matches) >= 2, matches
    desk.ask(text, date=ISSUE_DATE)
    chosen = [m for m in matches if m["item"] != desk.item()][0]
    before = desk.seq()
    desk.find('[data-candidate="%s"]' % chosen["item"]).click()
    desk.settled(before)
    assert desk.item() == chosen["item"]
    assert desk.outcome() == "refuse_redirect"  # 二（二）2: both are on 附件1


def test_open_questions_decide_again_in_place_and_new_words_start_afresh(desk, server):
    # Example county list: 亲属关系证明（用于办理公证）, basis 《公证法》第十一条 (a law).
    desk.ask(NOTARIZATION, date=ISSUE_DATE)
    # Not confirmed within duties and verifiable → not issued (二（一）1, 二（三）4).
    assert desk.outcome() == "refuse"
    assert desk.find('[data-fact="within_duties"]') and desk.find('[data-fact="verifiable"]')
    desk.js("window.__verdict = document.getElementById('r-verdict')")
    top = desk.js("return document.getElementById('r-verdict').getBoundingClientRect().top")

    desk.answer("within_duties", "yes")
    assert desk.find('[data-fact="within_duties"] [value="yes"]').get_attribute("aria-pressed") == "true"
    assert desk.outcome() == "refuse"  # verifiable is still open
    desk.answer("verifiable", "yes")
    # 二（一）1: a clear legal basis, within duties, verifiable → must issue.
    assert desk.outcome() == "must_issue"
    assert desk.find("#outcome").text == "应当出具"
    assert desk.find("#r-clause .clause-no.big").text == "二（一）1"
    assert desk.find("#r-clause blockquote").text == clause_text("2.1.1")
    # 二（三）5 限时办结: 5 working days from 2021-09-30 on the work calendar (国庆 in between).
    due = server.get_json("/v1/calendar/add?date=%s&n=5" % ISSUE_DATE)["date"]
    y, m, d = due.split("-")
    assert "5个工作日内办结" in desk.find("#r-time").text
    assert "%s年%d月%d日前" % (y, int(m), int(d)) in desk.find("#r-time").text
    # In place: the same verdict element, at the same height; no reload.
    assert desk.js("return window.__verdict === document.getElementById('r-verdict')")
    assert desk.js("return document.getElementById('r-verdict').getBoundingClientRect().top") == top

    # 二（一）4: legal risk answered yes → investigate, deliberate, assess, then issue.
    desk.answer("legal_risk", "yes")
    assert desk.outcome() == "issue_after_risk_assessment"
    decision = server.post_json("/v1/decide", {"text": NOTARIZATION, "date": ISSUE_DATE, "facts": {
        "within_duties": "yes", "verifiable": "yes", "legal_risk": "yes"}})
    steps = [li.text for li in desk.find_all("#r-steps li")]
    assert len(steps) == len(decision["steps"]) > 0
    for shown, step in zip(steps, decision["steps"]):
        assert shown.startswith(step["text"]) and shown.endswith("二（一）4")
    # 不确定 takes an answer back.
    desk.answer("legal_risk", "unknown")
    assert desk.outcome() == "must_issue"
    assert desk.find('[data-fact="legal_risk"] [value="unknown"]').get_attribute("aria-pressed") == "true"

    # New words start a new request: no answer carries over to them.
    desk.ask("开个单身证明")
    assert desk.outcome() == "refuse_redirect"
    assert not desk.find_all('[data-fact] [aria-pressed="true"]')  # no answers carried over


# --- printing ----------------------------------------------------------------------------

def test_the_notice_prints_on_one_a4_page_with_the_route(desk, server, output):
    desk.ask("开个单身证明", purpose="银行贷款", date=ISSUE_DATE)
    desk.find("#committee").send_keys("隆畅社区居民委员会")
    text, pages = desk.print_pdf(output / "notice-marital-status.pdf")
    flat = squash(text)
    item = server.get_json("/v1/items/marital-status")
    assert pages == 1
    for expected in ("一次性告知单", "开个单身证明", "婚姻状况证明（附件1第8项）", "银行贷款", "不予出具，告知办事途径",
                     "二（二）2", clause_text("2.2.2"), item["route"]["text"], "2021年9月30日",
                     "隆畅社区居民委员会", server.get_json("/readyz")["catalog"]["sha256"]):
        assert squash(expected) in flat, expected
    for agency in item["route"]["agencies"]:
        assert agency in flat
    # The screen is not what prints: no form, no buttons.
    assert "判定" not in text.replace("判定回执", "")


def test_the_longest_route_still_fits_one_page(desk, server, output):
    items = server.get_json("/v1/items")["items"]
    longest = max(items, key=lambda it: len(it["route"]["text"]) + len(it["name"]))
    desk.ask(longest["name"], date=ISSUE_DATE)
    assert desk.item() == longest["id"]
    text, pages = desk.print_pdf(output / ("notice-%s.pdf" % longest["id"]))
    assert pages == 1
    assert squash(longest["route"]["text"]) in squash(text)


def test_an_issued_certificate_prints_the_guides_template_filled(desk, server, output):
    # 二（三）3 表单样本: the example guide's 证明式样, filled by the service.
    desk.ask(NOTARIZATION, date=ISSUE_DATE)
    desk.find("#committee").send_keys("隆畅社区居民委员会")
    desk.answer("within_duties", "yes")
    desk.answer("verifiable", "yes")
    assert desk.outcome() == "must_issue"
    guide = server.get_json("/v1/guides/kinship-notarization")
    desk.wait(lambda d: desk.find_all("#r-certificate input"), message="no certificate form")
    fields = desk.find_all("#r-certificate input")
    names = [f.get_attribute("name") for f in fields]
    assert names == re.findall(r"\{\{\s*([^{}]+?)\s*\}\}", guide["certificate_template"]["text"])[:len(names)]
    values = {}
    for f in fields:
        name = f.get_attribute("name")
        if name == "出具日期":
            assert f.get_attribute("value") == "2021年9月30日"
        elif name == "出具单位":
            assert f.get_attribute("value") == "隆畅社区居民委员会"
        else:
            f.send_keys("测试" + name)
        values[name] = f.get_attribute("value")
    desk.js("window.__printed = 0; window.print = function () { window.__printed += 1; }")
    desk.find("#r-certificate button[type=submit]").click()
    desk.wait(lambda d: desk.js("return window.__printed") == 1, message="the certificate did not print")
    assert desk.js("return document.body.classList.contains('print-certificate')")
    filled = server.post_json("/v1/guides/kinship-notarization/certificate", values)
    text, pages = desk.print_pdf(output / "certificate-kinship-notarization.pdf")
    assert pages == 1
    assert squash(filled["text"]) in squash(text)
    assert squash(filled["title"]) in squash(text)
    assert "一次性告知单" not in text
    desk.js("window.dispatchEvent(new Event('afterprint'))")
    assert not desk.js("return document.body.classList.contains('print-certificate')")


# --- items and guides --------------------------------------------------------------------

def test_the_items_browser_lists_routes_and_carve_outs(desk, server):
    catalog = server.get_json("/v1/items")["items"]
    desk.open("#items", fresh=False)
    desk.wait(lambda d: len(desk.find_all(".item-card")) == len(catalog), message="items not listed")
    kinship = desk.find("#item-kinship")
    kinship_item = [i for i in catalog if i["id"] == "kinship"][0]
    assert kinship_item["route"]["text"] in kinship.text
    # 附件1 第1项: （不动产登记情况、公证办理情况除外）
    for co in kinship_item["carve_outs"]:
        assert co["scenario"] in kinship.find_element("css selector", ".item-carve").text
    desk.find("#items-filter").send_keys("公证")
    desk.wait(lambda d: len(desk.find_all(".item-card")) < len(catalog))
    shown = [c.get_attribute("data-item") for c in desk.find_all(".item-card")]
    assert "kinship" in shown and "kinship-notarization" in shown and "birth" not in shown
    before = desk.seq()
    desk.find('#item-kinship [data-decide="kinship"]').click()
    desk.settled(before)
    assert desk.js("return location.hash") == "#desk"
    assert desk.item() == "kinship" and desk.outcome() == "refuse_redirect"


def test_the_guides_show_the_template_and_procedure(desk, server):
    guide = server.get_json("/v1/guides/kinship-notarization")
    desk.open("#guides", fresh=False)
    desk.wait(lambda d: desk.find_all('.guide-list a[href="#guides/kinship-notarization"]'))
    desk.find('.guide-list a[href="#guides/kinship-notarization"]').click()
    desk.wait(lambda d: desk.find_all("article.guide"))
    shown = desk.find("article.guide").text
    assert guide["name"] in shown
    for step in guide["procedure"]:
        assert step["description"] in shown
    assert squash(guide["certificate_template"]["text"]) in squash(shown)
    assert guide["supervision_hotline"] in shown


# --- language, keyboard, accessibility ----------------------------------------------------

def test_the_english_switch(desk):
    desk.ask("开个单身证明", date=ISSUE_DATE)
    before = desk.seq()
    desk.find("#lang").click()
    desk.settled(before)  # decided again, for the explanation in English
    assert desk.js("return document.documentElement.lang") == "en"
    assert desk.find("#decide").text == "Decide"
    assert desk.find("#outcome").text == "Do not issue"
    label = outcome_label(cli("decide", "开个单身证明", "--date", ISSUE_DATE, "--lang", "en"))
    assert desk.find("#r-verdict .outcome-desc span").text == label
    assert "2.2.2" in desk.find(".explanation").text
    # Policy text stays verbatim Chinese.
    assert desk.find("#r-clause blockquote").text == clause_text("2.2.2")
    # The choice is kept for the next visit.
    desk.open(fresh=False)
    assert desk.js("return document.documentElement.lang") == "en"
    desk.find("#lang").click()
    assert desk.js("return document.documentElement.lang") == "zh-CN"


def test_keyboard_alone_decides_and_answers(desk):
    from selenium.webdriver.common.keys import Keys
    # The first stop is "skip to the main content"; the page opens in the text field.
    assert desk.js("return document.querySelector('a[href], button, input').className") == "skip"
    assert desk.js("return document.activeElement.name") == "text"
    before = desk.seq()
    desk.driver.switch_to.active_element.send_keys(NOTARIZATION, Keys.ENTER)
    desk.settled(before)
    # Tab forward from the text field to the first open question's 是, then Enter.
    for _ in range(40):
        desk.driver.switch_to.active_element.send_keys(Keys.TAB)
        if desk.js("var a = document.activeElement; return !!a.closest('[data-fact]') && a.value === 'yes'"):
            break
    fact = desk.js("return document.activeElement.closest('[data-fact]').getAttribute('data-fact')")
    before = desk.seq()
    desk.driver.switch_to.active_element.send_keys(Keys.ENTER)
    desk.settled(before)
    # The answer is taken, and the focus stays on it for the next key.
    assert desk.js("var a = document.activeElement; return a.closest('[data-fact]').getAttribute('data-fact') + '=' + a.value") == fact + "=yes"
    assert desk.find('[data-fact="%s"] [value="yes"]' % fact).get_attribute("aria-pressed") == "true"


ACCESSIBILITY = """
// Every form control has a label; every button has a name; text has AA contrast against the
// background it is drawn on (4.5:1, or 3:1 for large text).
function parse(c) { var m = c.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; }
function lum(c) {
  var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
}
function background(el) {
  for (; el; el = el.parentElement) {
    var c = parse(getComputedStyle(el).backgroundColor);
    if (c.a > 0.5) return c;
  }
  return {r: 255, g: 255, b: 255, a: 1};
}
var problems = [];
document.querySelectorAll("input, select, textarea").forEach(function (i) {
  if (i.type === "hidden" || !i.offsetParent) return;
  if (!(i.labels && i.labels.length) && !i.getAttribute("aria-label")) problems.push("no label: " + (i.name || i.id));
});
document.querySelectorAll("button, a[href]").forEach(function (b) {
  if (b.offsetParent && !(b.textContent.trim() || b.getAttribute("aria-label"))) problems.push("no name: " + b.outerHTML.slice(0, 80));
});
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var n = walker.nextNode(); n; n = walker.nextNode()) {
  var el = n.parentElement;
  if (!n.textContent.trim() || !el.offsetParent) continue;
  var s = getComputedStyle(el);
  if (s.visibility === "hidden" || el.closest(".visually-hidden, .print-only, [aria-hidden=true]")) continue;
  var fg = parse(s.color), bg = background(el);
  var l1 = lum(fg), l2 = lum(bg);
  var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  var size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
  var need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < need) problems.push("contrast " + ratio.toFixed(2) + " < " + need + ": " + n.textContent.trim().slice(0, 30));
}
return problems;
"""


def test_labels_and_contrast(desk):
    desk.ask("开个单身证明", date=ISSUE_DATE)
    assert desk.js(ACCESSIBILITY) == []
    desk.ask(NOTARIZATION)
    desk.answer("within_duties", "yes")
    desk.answer("verifiable", "yes")
    desk.wait(lambda d: desk.find_all("#r-certificate input"))
    assert desk.js(ACCESSIBILITY) == []
    desk.open("#items", fresh=False)
    desk.wait(lambda d: desk.find_all(".item-card"))
    assert desk.js(ACCESSIBILITY) == []


# --- what the eye sees: screenshots at desk and phone sizes --------------------------------

SIZES = [(1366, 768), (390, 844)]


def not_blank(png):
    from PIL import Image
    image = Image.open(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 16)
    return colours is None or len(colours) > 50  # a page, not a flat colour


def no_sideways_scroll(desk):
    return desk.js("return document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width,height", SIZES)
def test_screenshots(desk, output, width, height):
    desk.viewport(width, height)
    desk.open()
    form_top = desk.js("return document.getElementById('ask').getBoundingClientRect().top")
    shots = []

    def shot(name):
        path = output / ("desk-%s-%dx%d.png" % (name, width, height))
        desk.driver.save_screenshot(str(path))
        assert not_blank(path), path
        assert no_sideways_scroll(desk), name
        shots.append(path)

    shot("start")
    desk.ask("开个单身证明", date=ISSUE_DATE)
    # No layout jump: the form stays where it was; the outcome is on the first screen.
    assert desk.js("return document.getElementById('ask').getBoundingClientRect().top") == form_top
    assert desk.js("var r = document.getElementById('outcome').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight")
    shot("refuse-redirect")
    desk.ask(NOTARIZATION, date=ISSUE_DATE)
    desk.answer("within_duties", "yes")
    desk.answer("verifiable", "yes")
    desk.wait(lambda d: desk.find_all("#r-certificate input"))
    shot("must-issue")
    desk.js("document.getElementById('r-questions').scrollIntoView()")
    shot("questions")
    desk.open("#items", fresh=False)
    desk.wait(lambda d: desk.find_all(".item-card"))
    shot("items")
    desk.open("#guides/kinship-notarization", fresh=False)
    desk.wait(lambda d: desk.find_all("article.guide"))
    shot("guide")
    assert len(shots) == 6


# --- nothing from outside ------------------------------------------------------------------

def test_the_page_loads_nothing_from_outside(desk):
    desk.ask("开个单身证明", date=ISSUE_DATE)
    urls = desk.js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert urls and all(u.startswith(desk.base) for u in urls), urls
    for f in (SOURCE / "web").iterdir():
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I) or f.suffix == ".svg", f
        assert "@import" not in text and "@font-face" not in text, f
    severe = [e for e in desk.driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
