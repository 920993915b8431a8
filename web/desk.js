// The desk page (docs/desk.md): the clerk types what the resident asks; the page asks
// `jianzheng serve` (POST v1/decide) and shows the outcome, the deciding clause verbatim, the
// route, the steps, the due date and the receipt; open questions decide again at once; the
// one-time notice and the filled certificate print on A4. Plain JavaScript, no build step, no
// request leaves the service's own origin.
"use strict";

(function () {
  var STRINGS = window.JZ_STRINGS;
  // The five tri-state facts of a Request, in the order the page shows them (design.md §4).
  var FACTS = ["within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk"];
  var ANSWERS = ["yes", "no", "unknown"];
  var ISSUING = {
    must_issue: true, issue_after_deliberation: true, issue_transitional: true,
    issue_after_risk_assessment: true, issue_for_stated_purpose: true
  };

  var state = {
    lang: "zh",
    request: null,      // the Request last sent (docs/schemas/request.schema.json)
    decision: null,     // the Decision it got back
    matches: [],        // v1/resolve candidates for the request's text
    seq: 0,             // decisions started; a late answer to an older one is dropped
    items: null,        // v1/items, for the browser and the guides
    itemsDate: null,
    guides: {},         // item id -> guide JSON, or null when the item has none
    certificateValues: {},
    purposeAnswers: {}, // scenario -> the clerk's answer to a purpose question
    purposeSeen: {}     // scenario -> the last purpose question about it (kept once answered yes)
  };

  // --- small helpers ----------------------------------------------------------------------

  function $(id) { return document.getElementById(id); }

  function S() { return STRINGS[state.lang]; }

  // A string of the current language, {name} filled from vars.
  function t(key, vars) {
    var s = S();
    var v = key.split(".").reduce(function (o, k) { return o == null ? o : o[k]; }, s);
    if (v == null) v = key;
    if (vars) v = String(v).replace(/\{(\w+)\}/g, function (m, k) { return vars[k] != null ? vars[k] : m; });
    return v;
  }

  // Builds an element: el("p", {class: "x"}, "text", child, …). Text is always text (no HTML).
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : v);
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function fill(node) {
    node.textContent = "";
    for (var i = 1; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function today() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate());
  }

  // "2021-09-30" as people write it: 2021年9月30日 (zh) or as is (en).
  function humanDate(iso) {
    if (!iso) return "";
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || state.lang !== "zh") return iso;
    return m[1] + "年" + Number(m[2]) + "月" + Number(m[3]) + "日";
  }

  function paren(x) { return state.lang === "zh" ? "（" + x + "）" : " (" + x + ")"; }

  function joinList(xs) { return xs.join(state.lang === "zh" ? "、" : ", "); }

  // --- the service ------------------------------------------------------------------------

  // JSON from the service; its error object ({"error": {code, where, message}}) is thrown.
  function api(path, body, accept) {
    var opts = { headers: { Accept: accept || "application/json" } };
    if (body !== undefined) {
      opts.method = "POST";
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!r.ok || !data) {
          var err = new Error((data && data.error && data.error.message) || (r.status + " " + r.statusText));
          err.code = data && data.error ? data.error.code : "http_" + r.status;
          err.status = r.status;
          throw err;
        }
        return data;
      });
    }, function () {
      var err = new Error(t("network_error"));
      err.code = "network";
      throw err;
    });
  }

  function showError(err) {
    var box = $("error");
    if (!err) { box.hidden = true; box.textContent = ""; return; }
    fill(box, t("error"), err.message, err.code ? " [" + err.code + "]" : "");
    box.hidden = false;
  }

  // --- deciding ---------------------------------------------------------------------------

  function formRequest() {
    var form = $("ask");
    var text = form.elements.text.value.trim();
    var purpose = form.elements.purpose.value.trim();
    var date = form.elements.date.value;
    var prev = state.request;
    var r = { text: text };
    if (purpose) r.purpose = purpose;
    if (date) r.date = date;
    // The same words keep the clerk's answers and chosen item; new words start afresh, and a
    // new purpose asks its own purpose question.
    if (prev && prev.text === text) {
      if (prev.item) r.item = prev.item;
      if (prev.facts) r.facts = Object.assign({}, prev.facts);
    }
    if (prev && prev.text === text && (prev.purpose || "") === purpose) {
      if (prev.carve_out) r.carve_out = prev.carve_out;
    } else {
      state.purposeAnswers = {};
    }
    return r;
  }

  function decide(request, focusAfter) {
    var seq = ++state.seq;
    var result = $("result");
    result.setAttribute("data-state", "busy");
    result.setAttribute("aria-busy", "true");
    showError(null);
    var lang = "?lang=" + state.lang;
    // The candidates for the words: asked once per text (answers to questions keep the words).
    var same = state.request && state.request.text === request.text;
    var resolving = request.text && !request.item && !same
      ? api("v1/resolve" + lang, { text: request.text, date: request.date }).then(function (r) { return r.matches; },
                                                                                 function () { return []; })
      : Promise.resolve(same ? state.matches : []);
    return Promise.all([api("v1/decide" + lang, request), resolving]).then(function (both) {
      if (seq !== state.seq) return;
      state.request = request;
      state.decision = both[0];
      state.matches = both[1] || [];
      render(focusAfter);
      result.setAttribute("data-state", "done");
    }, function (err) {
      if (seq !== state.seq) return;
      result.setAttribute("data-state", state.decision ? "done" : "error");
      showError(err);
    }).then(function () {
      if (seq === state.seq) result.setAttribute("aria-busy", "false");
    });
  }

  // Another item is another request: answers given about the first one do not carry over.
  function chooseItem(request, id) {
    if (request.item !== id) {
      delete request.facts;
      delete request.carve_out;
      state.purposeAnswers = {};
    }
    request.item = id;
  }

  // Answers an open question and decides again at once.
  function answer(change, focus) {
    var r = JSON.parse(JSON.stringify(state.request));
    change(r);
    return decide(r, focus);
  }

  // --- rendering the decision -------------------------------------------------------------

  // A cited clause's number as the policy writes it (二（三）5); `fallback` when not cited.
  function clausePath(d, id, fallback) {
    for (var i = 0; i < d.clauses.length; i++) if (d.clauses[i].id === id) return d.clauses[i].path || id;
    return fallback || id;
  }

  // A clause id (docs/design.md §3: "2.1.3", "annex.1") as the policy numbers it (二（一）3, 附件1),
  // for clauses a decision names without citing them (an item question's candidates).
  function clauseLabel(d, id) {
    var cited = clausePath(d, id, "");
    if (cited) return cited;
    var m = /^annex\.(\d)$/.exec(id);
    if (m) return "附件" + m[1];
    var parts = id.split(".");
    var cn = "〇一二三四五六七八九";
    if (!/^[1-9](\.[1-9]){0,2}$/.test(id)) return id;
    return cn[+parts[0]] + (parts[1] ? "（" + cn[+parts[1]] + "）" : "") + (parts[2] || "");
  }

  function itemOf(id) {
    if (!state.items) return null;
    for (var i = 0; i < state.items.items.length; i++) if (state.items.items[i].id === id) return state.items.items[i];
    return null;
  }

  function render(focusAfter) {
    var d = state.decision;
    var result = $("result");
    result.setAttribute("data-outcome", d.outcome);
    result.setAttribute("data-item", d.item ? d.item.id : "");
    result.setAttribute("data-seq", String(state.seq));
    $("idle").hidden = true;
    $("decision").hidden = false;

    var questions = collectQuestions(d);
    renderVerdict(d);
    renderItem(d, questions);
    renderClause(d);
    renderRoute(d);
    renderSteps(d);
    renderTime(d);
    renderQuestions(d, questions);
    renderExplain(d);
    renderReceipt(d);
    renderCertificateForm(d);
    renderNotice(d);
    if (focusAfter) focusAfter();
  }

  function verdictClass(outcome) {
    if (ISSUING[outcome]) return "verdict verdict-issue";
    return outcome === "refuse_redirect" ? "verdict verdict-redirect" : "verdict verdict-refuse";
  }

  // The outcome first and largest, with what the resident needs next: where to go instead, or
  // when the certificate is ready. The cards below give the clause, the route and the steps.
  function renderVerdict(d) {
    var box = $("r-verdict");
    var agencies = d.route && d.route.agencies ? d.route.agencies : [];
    box.className = verdictClass(d.outcome);
    fill(box,
      el("h2", { class: "visually-hidden", text: t("outcome_heading") }),
      el("p", { id: "outcome", class: "headline", text: t("headline." + d.outcome) }),
      el("p", { class: "outcome-desc" },
        el("span", { text: t("outcome." + d.outcome) }),
        d.clauses.length ? el("span", { class: "clause-no", text: d.clauses[0].path || d.clauses[0].id }) : null),
      agencies.length ? el("p", { class: "next" }, t("route_go") + t("colon"), el("strong", { lang: "zh-CN", text: joinList(agencies) })) : null,
      d.time_limit ? el("p", { class: "next" }, el("strong", { text: timeText(d.time_limit) })) : null);
  }

  // The item recognised. When the engine is unsure of it, its item question lists the
  // candidates with the outcome each leads to; otherwise other plausible names from v1/resolve
  // are offered. A click decides that item by id.
  function renderItem(d, questions) {
    var box = $("r-item");
    var r = state.request;
    var parts = [];
    if (d.item) {
      var item = itemOf(d.item.id);
      var where = item && item.seq ? t("list_seq", { n: item.seq }) : item && item.disposition === "by_committee" ? t("county_item") : "";
      parts.push(el("p", { class: "item-line" },
        el("span", { class: "muted", text: t("recognised") + " " }),
        el("strong", { class: "item-name", text: d.item.name }),
        where ? el("span", { class: "muted", text: " · " + where }) : null,
        r.item ? el("span", { class: "muted", text: " · " + t("by_id") }) : null));
    } else if (questions.item.length) {
      parts.push(el("p", { class: "item-line" }, el("strong", { text: t("candidates_unsure") })));
    } else {
      parts.push(el("p", { class: "item-line" }, el("strong", { text: t("unrecognised") })));
      parts.push(el("p", { class: "muted small", text: t("unrecognised_hint") }));
    }
    if (r.text) parts.push(el("p", { class: "asked small" }, el("span", { class: "muted", text: t("asked") + t("colon") }), r.text));
    if (questions.item.length) {
      parts.push(questions.item.map(function (q) { return itemQuestion(d, q, r); }));
    } else {
      var others = state.matches.filter(function (m) { return !d.item || m.item !== d.item.id; });
      if (others.length) {
        parts.push(el("div", { class: "candidates", "data-fact": "item" },
          el("span", { class: "muted", text: t("candidates") }),
          others.map(function (m) {
            return el("button", {
              type: "button", class: "chip", value: m.item, "data-candidate": m.item,
              onclick: function () { answer(function (q) { chooseItem(q, m.item); }); }
            }, m.name);
          })));
      }
    }
    fill(box, parts);
  }

  // The item question: one button per candidate, with the outcome and clause it leads to.
  function itemQuestion(d, q, r) {
    return el("fieldset", { class: "question open item-question", "data-fact": "item" },
      el("legend", { text: q.question || q.text || t("item_question") }),
      el("div", { class: "answers candidates-list" }, q.candidates.map(function (c) {
        var id = c.id || c.item;
        var leads = c.outcome || c.outcome_if_chosen;
        return el("button", {
          type: "button", class: "chip candidate", value: id, "data-candidate": id,
          "aria-pressed": r.item === id ? "true" : "false",
          onclick: function () { answer(function (req) { chooseItem(req, id); }); }
        }, el("strong", { lang: "zh-CN", text: c.name }),
           leads ? el("span", { class: "small", text: " → " + t("headline." + leads) +
                                (c.clause ? " " + clauseLabel(d, c.clause) : "") }) : null);
      })),
      q.outcome_if_none ? el("p", { class: "small muted", text: t("if_none", { o: t("outcome." + q.outcome_if_none) }) }) : null);
  }

  function renderClause(d) {
    var box = $("r-clause");
    var first = d.clauses[0];
    var rest = d.clauses.slice(1);
    fill(box,
      el("h2", { text: t("clause_heading") }),
      el("p", { class: "clause-head" }, el("span", { class: "clause-no big", text: first.path || first.id })),
      el("blockquote", { class: "verbatim", lang: "zh-CN", text: first.text }),
      d.carve_out ? el("p", { class: "carve" }, t("carve_out", { s: d.carve_out.scenario })) : null,
      rest.length ? el("details", { class: "also" },
        el("summary", { text: t("clause_also") + " " + rest.map(function (c) { return c.path || c.id; }).join(" · ") }),
        rest.map(function (c) {
          return el("p", { class: "small" }, el("span", { class: "clause-no", text: c.path || c.id }), " ",
                    el("span", { lang: "zh-CN", text: c.text }));
        })) : null);
  }

  function renderRoute(d) {
    var box = $("r-route");
    var route = d.route;
    var has = route && route.text;
    box.hidden = !has && d.outcome !== "refuse_redirect";
    if (box.hidden) { box.textContent = ""; return; }
    if (!has) { fill(box, el("h2", { text: t("route_heading") }), el("p", { text: t("route_none") })); return; }
    var notes = route.notes || [];
    fill(box,
      el("h2", { text: t("route_heading") }),
      route.agencies && route.agencies.length
        ? el("p", { class: "go" }, el("span", { class: "muted", text: t("route_go") + t("colon") }),
             el("strong", { lang: "zh-CN", text: joinList(route.agencies) }))
        : null,
      el("p", { class: "verbatim", lang: "zh-CN", text: route.text }),
      notes.length ? el("ul", { class: "notes" }, notes.map(function (n) {
        return el("li", null, n.from ? t("route_note", { from: humanDate(n.from) }) : "",
                  el("span", { lang: "zh-CN", text: n.text }), el("span", { class: "muted", text: "（" + n.source + "）" }));
      })) : null);
  }

  function renderSteps(d) {
    var box = $("r-steps");
    box.hidden = !d.steps.length;
    if (box.hidden) { box.textContent = ""; return; }
    fill(box, el("h2", { text: t("steps_heading") }),
      el("ol", null, d.steps.map(function (s) {
        return el("li", null, s.text, " ", el("span", { class: "clause-no", text: clausePath(d, s.clause) }));
      })));
  }

  function timeText(tl) {
    if (!tl) return "";
    if (tl.kind === "on_the_spot") return t("on_the_spot");
    return t("working_days", { n: tl.working_days }) + (tl.due ? (state.lang === "zh" ? "，" : ", ") + t("due", { d: humanDate(tl.due) }) : "");
  }

  function renderTime(d) {
    var box = $("r-time");
    var tl = d.time_limit;
    var flags = d.flags || [];
    box.hidden = !tl && !flags.length;
    if (box.hidden) { box.textContent = ""; return; }
    fill(box,
      tl ? el("h2", { text: t("time_heading") }) : null,
      tl ? el("p", { class: "due" }, el("strong", { text: timeText(tl) }),
              tl.kind === "working_days" ? el("span", { class: "muted", text: " · " + t("due_label") + " " }) : " ",
              el("span", { class: "clause-no", text: clausePath(d, "2.3.5", "二（三）5") })) : null,
      tl && tl.note ? el("p", { class: "small muted", text: tl.note }) : null,
      flags.map(function (f) { return el("p", { class: "flag", text: t("flags." + f) }); }));
  }

  // Every question the decision puts to the clerk, sorted by kind from its JSON (docs/desk.md):
  // an item question (candidates), purpose questions (a scenario), questions on the five facts,
  // and anything else, shown as text.
  function collectQuestions(d) {
    var out = { item: [], purpose: [], facts: {}, other: [] };
    if (d.item_question && Array.isArray(d.item_question.candidates)) out.item.push(d.item_question);
    (d.purpose_questions || []).forEach(function (q) { out.purpose.push(q); });
    (d.open_questions || []).forEach(function (q) {
      if (Array.isArray(q.candidates)) out.item.push(q);
      else if (q.scenario) out.purpose.push(q);
      else if (FACTS.indexOf(q.fact) >= 0) out.facts[q.fact] = q;
      else out.other.push(q);
    });
    return out;
  }

  // The controls: 是 / 否 / 不确定 for each purpose question and each fact. Questions the clerk
  // has answered stay on screen with the answer pressed, so an answer can be changed.
  function renderQuestions(d, questions) {
    var box = $("questions");
    var active = document.activeElement;
    var holder = active && active.closest ? active.closest("#questions [data-fact]") : null;
    var focusKey = holder ? [holder.getAttribute("data-fact"), holder.getAttribute("data-scenario"), active.value] : null;
    var r = state.request;
    var facts = r.facts || {};
    var nodes = [];
    var shown = {};
    questions.purpose.forEach(function (q) {
      state.purposeSeen[q.scenario] = q;
      shown[q.scenario] = true;
      nodes.push(purposeQuestion(q, r, true));
    });
    if (r.carve_out && !shown[r.carve_out] && state.purposeSeen[r.carve_out])
      nodes.push(purposeQuestion(state.purposeSeen[r.carve_out], r, false));
    // Facts that must all be yes for one outcome are put together under one note
    // (二（一）3: 三项均为“是”时…), not as separate "if yes" lines.
    var groups = {};
    FACTS.forEach(function (f) {
      var q = questions.facts[f];
      if (!q && !facts[f]) return;
      var all = q ? [f].concat(q.together_with || []).sort() : [];
      var key = all.length > 1 ? all.join("+") + ">" + q.outcome_if_yes : null;
      var node = factQuestion(f, q, facts[f], !key);
      if (!key) { nodes.push(node); return; }
      if (!groups[key]) {
        groups[key] = el("div", { class: "question-group" },
          el("p", { class: "group-note", text: t("if_all_yes", { n: t("count." + all.length), o: t("outcome." + q.outcome_if_yes) }) }));
        nodes.push(groups[key]);
      }
      groups[key].appendChild(node);
    });
    questions.other.forEach(function (q) {
      nodes.push(el("div", { class: "question", "data-fact": q.fact || q.kind || "question" },
        el("p", { text: q.question || q.text || JSON.stringify(q) })));
    });
    // The outcome beside the controls too: on a phone the verdict may be scrolled away.
    var now = el("p", { class: "now" }, el("span", { class: "muted", text: t("questions_now") }),
                 el("strong", { text: t("headline." + d.outcome) }),
                 el("span", { class: "muted small", text: " · " + t("questions_hint") }));
    fill(box, now, nodes.length ? nodes : el("p", { class: "muted", text: t("questions_none") }));
    if (focusKey) {
      var sel = '[data-fact="' + focusKey[0] + '"]' + (focusKey[1] ? '[data-scenario="' + focusKey[1] + '"]' : "") +
                ' [value="' + focusKey[2] + '"]';
      var again = null;
      try { again = box.querySelector(sel); } catch (e) { again = null; }
      (again || $("questions-heading")).focus();
    }
  }

  function answerButtons(current, onAnswer) {
    return el("div", { class: "answers", role: "group" }, ANSWERS.map(function (a) {
      return el("button", {
        type: "button", value: a, class: "answer answer-" + a, "aria-pressed": current === a ? "true" : "false",
        onclick: function () { onAnswer(a); }
      }, t(a));
    }));
  }

  // "If yes: …", or, when other facts must be yes as well, "连同…均为“是”时：…".
  function ifYes(q) {
    if (!q || !q.outcome_if_yes) return null;
    var o = t("outcome." + q.outcome_if_yes);
    var with_ = (q.together_with || []).map(function (f) { return t("fact_name." + f); });
    var text = with_.length ? t("if_yes_together", { facts: with_.map(quote).join(""), o: o }) : t("if_yes", { o: o });
    return el("p", { class: "if-yes small muted", text: text });
  }

  function quote(x) { return state.lang === "zh" ? "“" + x + "”" : "“" + x + "” "; }

  function factQuestion(fact, q, current, withOutcome) {
    return el("fieldset", { class: "question" + (q ? " open" : " answered"), "data-fact": fact, id: "q-" + fact },
      el("legend", { text: t("fact_question." + fact) }),
      withOutcome ? ifYes(q) : null,
      answerButtons(current, function (a) {
        answer(function (req) {
          req.facts = req.facts || {};
          req.facts[fact] = a;
        });
      }));
  }

  // A purpose question: is the purpose this carve-out of the list (附件1 （…除外）)? Only a yes
  // goes into the request (its carve_out); a no or 不确定 leaves the purpose to the engine,
  // which does not apply a merely possible match.
  function purposeQuestion(q, r, open) {
    var current = r.carve_out === q.scenario ? "yes" : state.purposeAnswers[q.scenario] || null;
    return el("fieldset", { class: "question" + (open ? " open" : " answered"), "data-fact": "carve_out", "data-scenario": q.scenario },
      el("legend", { text: q.question || t("purpose_question", { s: q.scenario }) }),
      q.text ? el("p", { class: "small", lang: "zh-CN" }, el("span", { class: "muted", text: t("carve_out_text") }), q.text) : null,
      q.evidence && q.evidence.length ? el("p", { class: "small muted", text: t("evidence", { e: joinList(q.evidence) }) }) : null,
      open ? ifYes(q) : null,
      answerButtons(current, function (a) {
        state.purposeAnswers[q.scenario] = a;
        answer(function (req) {
          if (a === "yes") req.carve_out = q.scenario;
          else if (req.carve_out === q.scenario) delete req.carve_out;
        });
      }));
  }

  function renderExplain(d) {
    fill($("r-explain"),
      el("h2", { text: t("explanation_heading") }),
      el("p", { class: "explanation", text: d.explanation }),
      d.trace && d.trace.length ? el("details", null, el("summary", { text: t("trace_heading") }),
        el("ol", { class: "trace small" }, d.trace.map(function (s) {
          return el("li", { class: s.fired ? "fired" : "" }, el("code", { text: s.rule }), " ", s.why);
        }))) : null);
  }

  function receiptRows(d) {
    var rc = d.receipt;
    return [
      [t("receipt_catalog"), rc.catalog],
      [t("receipt_sha"), rc.catalog_sha256],
      [t("receipt_engine"), rc.engine],
      [t("receipt_as_of"), rc.as_of]
    ];
  }

  function renderReceipt(d) {
    fill($("r-receipt"), el("h2", { text: t("receipt_heading") }),
      el("dl", null, receiptRows(d).map(function (row) {
        return [el("dt", { text: row[0] }), el("dd", null, el("code", { text: row[1] }))];
      })));
  }

  // --- the certificate: the item's service guide, filled (二（三）3 表单样本) ------------------

  // The item's service guide, or null: only items the committees issue have one (二（三）3).
  function loadGuide(id) {
    if (Object.prototype.hasOwnProperty.call(state.guides, id)) return Promise.resolve(state.guides[id]);
    var item = itemOf(id);
    if (item && item.disposition !== "by_committee") return Promise.resolve(state.guides[id] = null);
    return api("v1/guides/" + encodeURIComponent(id)).then(function (g) {
      state.guides[id] = g;
      return g;
    }, function (err) {
      if (err.status !== 404) throw err;
      state.guides[id] = null;
      return null;
    });
  }

  function placeholders(text) {
    var names = [];
    var re = /\{\{\s*([^{}]+?)\s*\}\}/g, m;
    while ((m = re.exec(text))) if (names.indexOf(m[1]) < 0) names.push(m[1]);
    return names;
  }

  function defaultValue(name) {
    if (/日期$/.test(name)) return humanDate(state.request.date || today());
    if (name === "出具单位") return $("committee").value.trim();
    return "";
  }

  function renderCertificateForm(d) {
    var box = $("r-certificate");
    if (!ISSUING[d.outcome] || !d.item) { box.hidden = true; box.textContent = ""; return; }
    var id = d.item.id;
    var seq = state.seq;
    loadGuide(id).then(function (g) {
      if (seq !== state.seq) return;
      box.hidden = false;
      if (!g || !g.certificate_template || !g.certificate_template.text) {
        fill(box, el("h2", { text: t("certificate_heading") }), el("p", { class: "muted", text: t("certificate_none") }));
        return;
      }
      var values = state.certificateValues[id] || (state.certificateValues[id] = {});
      var fields = placeholders(g.certificate_template.text).map(function (name, i) {
        var fid = "cert-" + i;
        if (values[name] == null) values[name] = defaultValue(name);
        return el("div", { class: "field" },
          el("label", { for: fid, lang: "zh-CN", text: name }),
          el("input", { id: fid, type: "text", name: name, value: values[name],
                        oninput: function (e) { values[name] = e.target.value; } }));
      });
      var form = el("form", { class: "cert-fields", onsubmit: function (e) { e.preventDefault(); printCertificate(id, values); } },
        fields, el("button", { type: "submit", class: "primary", text: t("certificate_make") }));
      fill(box, el("h2", { text: t("certificate_heading") }),
        el("p", { class: "small muted" }, t("certificate_hint"), " ",
          el("a", { href: "#guides/" + encodeURIComponent(id), text: g.name + " · " + t("nav_guides") })),
        form);
    }, function (err) { showError(err); });
  }

  function printCertificate(id, values) {
    showError(null);
    return api("v1/guides/" + encodeURIComponent(id) + "/certificate", values).then(function (c) {
      fill($("certificate"),
        el("article", { class: "certificate-page", lang: "zh-CN" },
          el("h1", { text: c.title }),
          el("div", { class: "certificate-text", text: c.text })));
      document.body.classList.add("print-certificate");
      window.print();
    }, showError);
  }

  window.addEventListener("afterprint", function () { document.body.classList.remove("print-certificate"); });

  // --- the one-time notice (一次性告知单) -----------------------------------------------------

  function renderNotice(d) {
    var r = state.request;
    var rows = [];
    var row = function (label, value, cls) {
      if (value == null || value === "" || (Array.isArray(value) && !value.length)) return;
      rows.push(el("tr", { class: cls || null }, el("th", { scope: "row", text: label }), el("td", null, value)));
    };
    var first = d.clauses[0];
    row(t("notice_asked"), r.text || (d.item ? d.item.name : ""));
    if (d.item) {
      var listed = itemOf(d.item.id);
      var where = listed && listed.seq ? paren(t("list_seq", { n: listed.seq })) : "";
      if (d.item.name !== r.text || where) row(t("notice_item"), d.item.name + where);
    }
    row(t("notice_purpose"), r.purpose || "");
    row(t("notice_decision"), el("strong", { class: "notice-outcome", text: t("outcome." + d.outcome) }), "notice-decision");
    row(t("notice_clause"), [el("strong", { text: (first.path || first.id) + " " }), el("span", { lang: "zh-CN", text: first.text }),
      d.carve_out ? el("span", { text: paren(t("carve_out", { s: d.carve_out.scenario })) }) : null]);
    if (d.route && d.route.text) {
      row(t("notice_route"), el("span", { lang: "zh-CN", text: d.route.text }), "notice-route");
      row(t("notice_where"), d.route.agencies && d.route.agencies.length ? el("strong", { text: joinList(d.route.agencies) }) : "");
      (d.route.notes || []).forEach(function (n) { row("", n.text + "（" + n.source + "）"); });
    }
    if (d.steps.length) row(t("notice_steps"), el("ol", null, d.steps.map(function (s) { return el("li", { text: s.text }); })));
    if (d.time_limit) row(t("notice_time"), timeText(d.time_limit));
    row(t("notice_date"), humanDate(r.date || d.receipt.as_of));

    var committee = $("committee").value.trim();
    document.body.classList.add("has-notice");
    fill($("notice"),
      el("article", { class: "notice-page" },
        el("h1", { text: t("notice_title") }),
        el("p", { class: "notice-intro", text: t("notice_intro") }),
        el("table", { class: "notice-table" }, el("tbody", null, rows)),
        el("div", { class: "notice-sign" },
          el("p", null, t("notice_committee") + t("colon"), el("span", { class: "fill-line wide", text: committee }), " " + t("notice_seal")),
          el("p", null, t("notice_clerk") + t("colon"), el("span", { class: "fill-line" }), "　　",
             t("notice_resident") + t("colon"), el("span", { class: "fill-line" }))),
        el("p", { class: "notice-receipt" }, t("notice_receipt") + t("colon") + receiptRows(d).map(function (x) {
          return x[0] + " " + x[1];
        }).join(" · "))));
  }

  // --- the items browser ------------------------------------------------------------------

  function loadItems() {
    var date = $("q-date").value || today();
    if (state.items && state.itemsDate === date) return Promise.resolve(state.items);
    return api("v1/items?date=" + encodeURIComponent(date)).then(function (data) {
      state.items = data;
      state.itemsDate = date;
      return data;
    });
  }

  function validity(co) {
    return (co.from ? t("carve_out_from", { d: humanDate(co.from) }) : "") + (co.until ? t("carve_out_until", { d: humanDate(co.until) }) : "");
  }

  function layerTitle(id) {
    var layers = state.items && state.items.catalog.layers || [];
    for (var i = 0; i < layers.length; i++) if (layers[i].id === id) return layers[i].title || id;
    return id;
  }

  function basisText(b) { return b.title + (b.article || ""); }

  function itemCard(it) {
    var isBy = it.disposition === "by_committee";
    return el("li", { class: "item-card", id: "item-" + it.id, "data-item": it.id },
      el("h2", null,
        it.seq ? el("span", { class: "seq", text: String(it.seq) }) : null,
        el("span", { lang: "zh-CN", text: it.name }), " ",
        el("span", { class: "badge badge-" + it.disposition, text: t("disposition." + it.disposition) })),
      it.aliases.length ? el("p", { class: "aliases small" }, el("span", { class: "muted", text: t("aliases") + t("colon") }),
        el("span", { lang: "zh-CN", text: joinList(it.aliases.map(function (a) { return a.name; })) })) : null,
      it.route && it.route.text ? el("div", { class: "item-route" }, el("h3", { text: t("route_heading") }),
        it.route.agencies.length ? el("p", { class: "go small" }, el("span", { class: "muted", text: t("route_go") + t("colon") }),
                                      el("strong", { text: joinList(it.route.agencies) })) : null,
        el("p", { class: "verbatim", lang: "zh-CN", text: it.route.text })) : null,
      it.carve_outs.length ? el("div", { class: "item-carve" }, el("h3", { text: t("carve_outs") }),
        el("ul", null, it.carve_outs.map(function (co) {
          return el("li", null, el("strong", { lang: "zh-CN", text: co.scenario }), validity(co),
            co.bases.length ? el("span", { class: "small muted", text: " — " + co.bases.map(basisText).join("；") }) : null);
        }))) : null,
      it.bases.length ? el("p", { class: "small" }, el("span", { class: "muted", text: t("bases") + t("colon") }),
        it.bases.map(basisText).join("；")) : null,
      it.complexity ? el("p", { class: "small" }, t("complexity." + it.complexity),
        it.limit_working_days ? paren(t("time_limit_days", { n: it.limit_working_days })) : "") : null,
      el("p", { class: "small muted", text: t("layer") + t("colon") + layerTitle(it.layer) }),
      el("p", { class: "item-actions" },
        el("button", { type: "button", "data-decide": it.id, onclick: function () { decideItem(it); }, text: t("decide_this") }),
        isBy ? el("a", { class: "button-link", href: "#guides/" + encodeURIComponent(it.id), text: t("open_guide") }) : null));
  }

  function haystack(it) {
    return [it.id, it.name, it.route ? it.route.text : ""].concat(it.aliases.map(function (a) { return a.name; }),
      it.carve_outs.map(function (c) { return c.scenario; })).join(" ").toLowerCase();
  }

  function renderItems() {
    var list = $("items-list");
    var q = $("items-filter").value.trim().toLowerCase();
    var all = state.items.items;
    var shown = all.filter(function (it) { return !q || haystack(it).indexOf(q) >= 0; });
    fill(list, shown.map(itemCard));
    $("items-count").textContent = q ? t("items_shown", { n: shown.length, total: all.length }) : t("items_count", { n: all.length });
  }

  function showItems() {
    return loadItems().then(renderItems, showError);
  }

  function decideItem(it) {
    var form = $("ask");
    form.elements.text.value = it.name;
    location.hash = "#desk";
    decide({ text: it.name, item: it.id, purpose: form.elements.purpose.value.trim() || undefined,
             date: form.elements.date.value || undefined });
  }

  // --- service guides ---------------------------------------------------------------------

  function guideSection(label, content) {
    if (content == null || content === "" || (Array.isArray(content) && !content.length)) return null;
    return [el("dt", { text: label }), el("dd", null, content)];
  }

  function renderGuide(g) {
    var L = function (k) { return t("guide." + k); };
    var list = function (xs) { return xs && xs.length ? el("ul", null, xs.map(function (x) { return el("li", { text: x }); })) : null; };
    var time = g.complexity === "simple" ? t("on_the_spot") : g.limit_working_days ? t("working_days", { n: g.limit_working_days }) : "";
    return el("article", { class: "guide", lang: "zh-CN" },
      el("h2", { text: g.name }),
      el("p", { class: "guide-links" },
        el("a", { href: "#guides", text: t("guide_back") }), " · ",
        el("a", { href: "v1/guides/" + encodeURIComponent(g.item) + "?format=html", target: "_blank", rel: "noopener", text: t("guide_print") })),
      el("dl", { class: "guide-dl" },
        guideSection(L("purpose"), g.purpose),
        guideSection(L("issuer"), g.issuer),
        guideSection(L("requesters"), g.requesters && g.requesters.join("、")),
        guideSection(L("service_object"), g.service_object),
        guideSection(L("conditions"), list(g.conditions)),
        guideSection(L("residence_condition"), g.residence_condition),
        guideSection(L("materials"), g.materials && g.materials.length ? el("ul", null, g.materials.map(function (m) {
          return el("li", null, el("strong", { text: m.name }), " " + t("material_form", { form: m.form, copies: m.copies }),
                    m.note ? "（" + m.note + "）" : "");
        })) : null),
        guideSection(L("procedure"), g.procedure && g.procedure.length ? el("ol", null, g.procedure.map(function (p) {
          return el("li", null, el("strong", { text: p.name }), t("colon") + p.description);
        })) : null),
        guideSection(L("time"), time),
        guideSection(L("bases"), list((g.bases || []).map(basisText))),
        guideSection(L("fee"), g.fee),
        guideSection(L("location"), g.location),
        guideSection(L("hours"), g.hours),
        guideSection(L("consultation"), g.consultation),
        guideSection(L("hotline"), g.supervision_hotline),
        guideSection(L("template"), g.certificate_template && g.certificate_template.text
          ? el("pre", { class: "template", text: g.certificate_template.text }) : null),
        guideSection(L("forms"), (g.forms || []).map(function (f) {
          return [el("p", null, el("strong", { text: f.title })), el("pre", { class: "template", text: f.text })];
        })),
        guideSection(L("published"), list((g.published || []).map(function (p) { return p.where; }))),
        guideSection(L("note"), g.note)));
  }

  function showGuides(id) {
    var body = $("guides-body");
    fill(body, el("p", { class: "muted", text: t("loading") }));
    return loadItems().then(function (data) {
      var by = data.items.filter(function (it) { return it.disposition === "by_committee"; });
      return Promise.all(by.map(function (it) { return loadGuide(it.id); })).then(function (guides) {
        var have = guides.filter(Boolean);
        if (id) {
          var g = have.filter(function (x) { return x.item === id; })[0];
          if (g) { fill(body, renderGuide(g)); return; }
        }
        if (!have.length) { fill(body, el("p", { text: t("guides_none") })); return; }
        fill(body, el("ul", { class: "guide-list" }, have.map(function (g) {
          return el("li", null, el("a", { href: "#guides/" + encodeURIComponent(g.item), lang: "zh-CN", text: g.name }),
                    g.purpose ? el("p", { class: "small muted", lang: "zh-CN", text: g.purpose }) : null);
        })));
      });
    }).catch(showError);
  }

  // --- views, language, start -------------------------------------------------------------

  function route() {
    var h = location.hash.replace(/^#\/?/, "");
    var parts = h.split("/");
    var view = parts[0] === "items" || parts[0] === "guides" ? parts[0] : "desk";
    document.body.setAttribute("data-view", view);  // print CSS: the notice prints from the desk
    Array.prototype.forEach.call(document.querySelectorAll("[data-view-panel]"), function (p) {
      p.hidden = p.getAttribute("data-view-panel") !== view;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".nav a"), function (a) {
      if (a.getAttribute("data-view") === view) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    if (view === "items") showItems();
    if (view === "guides") showGuides(parts[1] ? decodeURIComponent(parts[1]) : null);
  }

  function applyStrings() {
    var s = S();
    document.documentElement.lang = s.html_lang;
    document.title = s.title;
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (n) { n.textContent = t(n.getAttribute("data-t")); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-t-placeholder]"), function (n) {
      n.placeholder = t(n.getAttribute("data-t-placeholder"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-t-label]"), function (n) {
      n.setAttribute("aria-label", t(n.getAttribute("data-t-label")));
    });
    $("lang").lang = state.lang === "zh" ? "en" : "zh-CN";
    fill($("examples"), s.examples.map(function (x) {
      return el("button", { type: "button", class: "chip", onclick: function () {
        var f = $("ask");
        f.elements.text.value = x;
        f.requestSubmit ? f.requestSubmit() : submit(new Event("submit"));
      } }, x);
    }));
  }

  function setLanguage(lang) {
    state.lang = lang;
    try { localStorage.setItem("jz-lang", lang); } catch (e) { /* private mode: the choice lasts the visit */ }
    applyStrings();
    if (state.request) decide(state.request);
    route();
  }

  function submit(e) {
    e.preventDefault();
    var r = formRequest();
    if (!r.text) { $("q-text").focus(); return; }
    decide(r);
  }

  function start() {
    var params = new URLSearchParams(location.search);
    var saved = null;
    try { saved = localStorage.getItem("jz-lang"); } catch (e) { saved = null; }
    state.lang = params.get("lang") === "en" || (!params.get("lang") && saved === "en") ? "en" : "zh";
    var form = $("ask");
    form.elements.date.value = params.get("date") || today();
    form.addEventListener("submit", submit);
    $("lang").addEventListener("click", function () { setLanguage(state.lang === "zh" ? "en" : "zh"); });
    $("print-notice").addEventListener("click", function () {
      document.body.classList.remove("print-certificate");
      window.print();
    });
    var committee = $("committee");
    try { committee.value = localStorage.getItem("jz-committee") || ""; } catch (e) { /* none kept */ }
    committee.addEventListener("input", function () {
      try { localStorage.setItem("jz-committee", committee.value); } catch (e) { /* none kept */ }
      if (state.decision) renderNotice(state.decision);
    });
    $("items-filter").addEventListener("input", function () { if (state.items) renderItems(); });
    // Esc empties the request field for the next resident.
    $("q-text").addEventListener("keydown", function (e) { if (e.key === "Escape") e.target.value = ""; });
    window.addEventListener("hashchange", route);
    applyStrings();
    route();
    loadItems().catch(function () { /* the browser shows the error when opened */ });
    // A link may carry the request: ?text=…&purpose=…&date=… (or ?item=<id>) decides at once.
    if (params.get("text") || params.get("item")) {
      form.elements.text.value = params.get("text") || "";
      if (params.get("purpose")) form.elements.purpose.value = params.get("purpose");
      var linked = formRequest();
      if (params.get("item")) linked.item = params.get("item");
      if (!linked.text) delete linked.text;
      decide(linked);
    } else if (!location.hash || location.hash === "#desk") {
      $("q-text").focus();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
