#!/usr/bin/env bash
# The main job: set up, build, and answer a few real requests a community service desk gets,
# with the compiled-in national list and no files at all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
jz=build/bin/jianzheng

run() {
  echo
  echo "\$ jianzheng $*"
  # Exit 1 means a negative answer (a refusal): part of the demo, not a failure.
  "$jz" "$@" || [ $? -eq 1 ]
}

echo "== $($jz --version): 用内置的第一批清单回答社区窗口的真实请求"
echo "   answering real desk requests with the compiled-in first-batch list"
# 居民要开"单身证明"：第一批清单第8项婚姻状况证明，告知办事途径（二（二）2）
run decide "开个单身证明"
# 办理不动产登记要亲属关系证明：第1项的除外情形，注明用途后出具（附件1 …除外）
run decide --purpose "办理不动产登记" --fact within_duties=yes --fact verifiable=yes --date 2021-09-30 "亲属关系证明"
# 银行明确要求收入证明，村委会能核实：过渡期据实出具（二（一）3）
run decide --fact transitional_need=yes --fact within_duties=yes --fact verifiable=yes "麻烦开一下收入证明，贷款用"
# 不在任何清单上、也没有法律依据的证明：不予出具（二（二）1）
run decide "居住证明"
# 名称识别：拼音首字母
run resolve wfzjlzm
# 限时办结的到期日：2021-09-30 之后第3个工作日（国庆调休）
run calendar add 2021-09-30 3
# 实施方案在 2021-03-15 所处阶段与下一个截止日期（三、具体安排）
run schedule --at 2021-03-15
