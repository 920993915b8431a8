"""Writes the ZEN yardstick's decision: a GoRules JSON Decision Model (JDM) graph with one
decision table equivalent to jianzheng's rules for a request by item id and purpose over the
national first batch (附件1): a purpose that matches a carve-out → issue_for_stated_purpose
(附件1), any other purpose → refuse_redirect with the list's route (二（二）2), an item not
on the list → refuse (二（一）1). The table is generated from `jianzheng items --json` and the
clause texts from data/clauses.json, so both sides decide from the same data.

usage: make_jdm.py ITEMS_JSON CLAUSES_JSON OUT_JSON"""
import json
import sys


def literal(s):
    return json.dumps(s, ensure_ascii=False)


def main(items_path, clauses_path, out_path):
    catalog = json.load(open(items_path, encoding="utf-8"))
    clauses = {c["id"]: c for c in json.load(open(clauses_path, encoding="utf-8"))["clauses"]}
    inputs = [{"id": "in-item", "type": "expression", "field": "item", "name": "Item"},
              {"id": "in-purpose", "type": "expression", "field": "purpose", "name": "Purpose"}]
    fields = ["outcome", "item.id", "item.name", "clause.id", "clause.path", "clause.text", "carve_out",
              "route.text", "route.agencies", "route.documents"]
    outputs = [{"id": "out-%d" % i, "type": "expression", "field": f, "name": f} for i, f in enumerate(fields)]

    def rule(n, item_cell, purpose_cell, values):
        r = {"_id": "rule-%d" % n, "in-item": item_cell, "in-purpose": purpose_cell}
        for i, f in enumerate(fields):
            r["out-%d" % i] = values.get(f, "null")
        return r

    rules = []
    for item in catalog["items"]:
        base = {"item.id": literal(item["id"]), "item.name": literal(item["name"])}
        for c in item.get("carve_outs", []):
            if not c.get("words"):
                continue
            test = " or ".join("contains($, %s)" % literal(w) for w in c["words"])
            clause = clauses["annex.1"]
            rules.append(rule(len(rules), literal(item["id"]), test, {
                **base, "outcome": literal("issue_for_stated_purpose"), "clause.id": literal(clause["id"]),
                "clause.path": literal(clause["path"]), "clause.text": literal(clause["text"]),
                "carve_out": literal(c["scenario"])}))
        clause = clauses["2.2.2"]
        route = item.get("route") or {}
        rules.append(rule(len(rules), literal(item["id"]), "", {
            **base, "outcome": literal("refuse_redirect"), "clause.id": literal(clause["id"]),
            "clause.path": literal(clause["path"]), "clause.text": literal(clause["text"]),
            "route.text": literal(route.get("text", "")), "route.agencies": literal(route.get("agencies", [])),
            "route.documents": literal(route.get("documents", []))}))
    clause = clauses["2.1.1"]
    rules.append(rule(len(rules), "", "", {"outcome": literal("refuse"), "clause.id": literal(clause["id"]),
                                           "clause.path": literal(clause["path"]), "clause.text": literal(clause["text"])}))
    graph = {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [
            {"id": "request", "type": "inputNode", "name": "Request", "position": {"x": 0, "y": 0}},
            {"id": "table", "type": "decisionTableNode", "name": "Certificates", "position": {"x": 300, "y": 0},
             "content": {"hitPolicy": "first", "inputs": inputs, "outputs": outputs, "rules": rules}},
            {"id": "response", "type": "outputNode", "name": "Response", "position": {"x": 600, "y": 0}}],
        "edges": [{"id": "e1", "type": "edge", "sourceId": "request", "targetId": "table"},
                  {"id": "e2", "type": "edge", "sourceId": "table", "targetId": "response"}]}
    json.dump(graph, open(out_path, "w", encoding="utf-8"), ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:4])
