// Package jianzheng wraps libjianzheng_c, the C ABI of jianzheng (减证), for Go services:
// JSON in, JSON out. It links through pkg-config (`#cgo pkg-config: jianzheng_c`), so
// PKG_CONFIG_PATH finds an installed tree wherever it is. One *Engine serves every goroutine.
// Answers are the library's JSON as it gave them; an error object becomes an *Error.
// Used by ../main.go (the ctest example.go_decide); docs/c-api.md, "From Go".
package jianzheng

/*
#cgo pkg-config: jianzheng_c
#include <stdlib.h>
#include <jianzheng/jianzheng.h>
*/
import "C"

import (
	"encoding/json"
	"errors"
	"fmt"
	"unsafe"
)

// Engine is an immutable decision engine; safe for concurrent use.
type Engine struct{ p *C.jz_engine }

// Error is the library's error object: a stable code, the place, and a message.
type Error struct {
	Code    string `json:"code"`
	Where   string `json:"where"`
	Origin  string `json:"origin,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + " at " + e.Where + ": " + e.Message }

// AsError returns the error object when answer is one, else nil.
func AsError(answer string) *Error {
	var wrapper struct {
		Error *Error `json:"error"`
	}
	if json.Unmarshal([]byte(answer), &wrapper) != nil {
		return &Error{Code: "internal", Message: "not JSON: " + answer}
	}
	return wrapper.Error
}

// take copies a string the library returned and frees it.
func take(p *C.char) (string, error) {
	if p == nil {
		return "", errors.New("jianzheng: out of memory")
	}
	defer C.jz_string_free(p)
	return C.GoString(p), nil
}

// answer is take, with an error object turned into an *Error.
func answer(p *C.char) (string, error) {
	s, err := take(p)
	if err != nil {
		return "", err
	}
	if len(s) > 9 && s[:9] == `{"error":` {
		return "", AsError(s)
	}
	return s, nil
}

// NewEngine makes an engine: "" for the embedded default (the national first batch), else
// the catalogs JSON of jz_engine_new (a layer, or an array of layers, paths and "embedded").
func NewEngine(catalogsJSON string) (*Engine, error) {
	var in *C.char
	if catalogsJSON != "" {
		in = C.CString(catalogsJSON)
		defer C.free(unsafe.Pointer(in))
	}
	var errJSON *C.char
	p := C.jz_engine_new(in, &errJSON)
	if p == nil {
		s, err := take(errJSON)
		if err != nil {
			return nil, err
		}
		if e := AsError(s); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("jianzheng: no engine: %s", s)
	}
	return &Engine{p}, nil
}

// Close frees the engine; no call on it may be running.
func (e *Engine) Close() {
	C.jz_engine_free(e.p)
	e.p = nil
}

type call func(*C.jz_engine, *C.char) *C.char

func (e *Engine) run(f call, in string) (string, error) {
	cs := C.CString(in)
	defer C.free(unsafe.Pointer(cs))
	return answer(f(e.p, cs))
}

// Decide returns the Decision JSON for a Request JSON.
func (e *Engine) Decide(requestJSON string) (string, error) {
	return e.run(func(p *C.jz_engine, s *C.char) *C.char { return C.jz_decide_json(p, s) }, requestJSON)
}

// Admit answers a department's Demand JSON (二（三）4 准入) with the Admission JSON.
func (e *Engine) Admit(demandJSON string) (string, error) {
	return e.run(func(p *C.jz_engine, s *C.char) *C.char { return C.jz_admit_json(p, s) }, demandJSON)
}

// Supervise answers a Complaint JSON (二（三）6 监督) with the Supervision JSON.
func (e *Engine) Supervise(complaintJSON string) (string, error) {
	return e.run(func(p *C.jz_engine, s *C.char) *C.char { return C.jz_supervise_json(p, s) }, complaintJSON)
}

// DecideBatch takes JSON Lines of Requests and returns JSON Lines: one line per non-blank
// request line, in order; a bad line is an error object naming its line number.
func (e *Engine) DecideBatch(requestsJSONL string) (string, error) {
	return e.run(func(p *C.jz_engine, s *C.char) *C.char { return C.jz_decide_batch_json(p, s) }, requestsJSONL)
}

// Resolve returns {"query", "certainty", "matches"} for free text naming a certificate.
func (e *Engine) Resolve(text string) (string, error) {
	return e.run(func(p *C.jz_engine, s *C.char) *C.char { return C.jz_resolve_json(p, s) }, text)
}

// Version is the library version, MAJOR.MINOR.PATCH.
func Version() string { return C.GoString(C.jz_version()) }
