// What this shows: a Go service deciding with the C ABI through cgo and pkg-config
// (jianzheng/jianzheng.go): a resident's request, a department's demand (准入), a complaint
// (监督), a batch with a bad line, a bad request as a typed error, and one engine shared by
// four goroutines. Run as the ctest example.go_decide; docs/c-api.md, "From Go".
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"jianzheng.example/decide/jianzheng"
)

func must(s string, err error) string {
	if err != nil {
		fmt.Fprintln(os.Stderr, "unexpected:", err)
		os.Exit(1)
	}
	return s
}

func main() {
	engine, err := jianzheng.NewEngine("")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer engine.Close()
	fmt.Println("jianzheng", jianzheng.Version())

	// 单身证明 is 婚姻状况证明, 附件1 第8项: refused with its route under 二（二）2.
	request := `{"text": "单身证明", "purpose": "银行贷款", "date": "2021-09-30"}`
	var decision struct {
		Outcome string `json:"outcome"`
		Clauses []struct {
			Path string `json:"path"`
		} `json:"clauses"`
	}
	answer := must(engine.Decide(request))
	if err := json.Unmarshal([]byte(answer), &decision); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("decide:", decision.Outcome, decision.Clauses[0].Path)

	var verdict struct {
		Outcome string `json:"outcome"`
	}
	// 二（三）4: a department may not demand a listed certificate from committees.
	_ = json.Unmarshal([]byte(must(engine.Admit(`{"department": "县人社局", "item": "marital-status"}`))), &verdict)
	fmt.Println("admit:", verdict.Outcome)
	// 二（三）6: a bank demanding it is unreasonable.
	_ = json.Unmarshal([]byte(must(engine.Supervise(
		`{"body": "某银行", "body_kind": "civil_commercial_entity", "text": "单身证明"}`))), &verdict)
	fmt.Println("supervise:", verdict.Outcome)

	// JSON Lines: the second line is bad and comes back as an error line naming it.
	lines := strings.Split(strings.TrimSuffix(must(engine.DecideBatch(
		"{\"item\": \"kinship\"}\n{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}\n")), "\n"), "\n")
	if e := jianzheng.AsError(lines[1]); e != nil {
		fmt.Printf("batch: %d lines; line %d %s at %s\n", len(lines), e.Line, e.Code, e.Where)
	}

	var bad *jianzheng.Error
	if _, err := engine.Decide(`{"item": `); errors.As(err, &bad) {
		fmt.Println("bad request:", bad.Code, "at", bad.Where)
	}

	// One engine, four goroutines at once: the same answer as one.
	var wg sync.WaitGroup
	var mu sync.Mutex
	agree := true
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				if got, err := engine.Decide(request); err != nil || got != answer {
					mu.Lock()
					agree = false
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	fmt.Println("goroutines agree:", agree)

	if _, err := jianzheng.NewEngine(`["/no/such/layer.json"]`); errors.As(err, &bad) {
		fmt.Println("bad catalogs:", bad.Code)
	}
}
