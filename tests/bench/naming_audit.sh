#!/usr/bin/env bash
# Benchmark for issue 3: `ppg naming audit` over 1,000,000 generated group names (half of
# them non-compliant, about 57 MB), side by side with grep -cP (PCRE) and ripgrep running
# the equivalent regular expression on the same file. Run by `make bench`.
#
# The binary is taken from $CARGO_TARGET_DIR when it is set. With CALLGRIND=1 (and valgrind
# installed) it also prints the instructions each tool executes on the first 100,000 names,
# a figure that, unlike wall time, does not move with the machine's load.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench
mkdir -p "$OUT"
NAMES="$OUT/names-1m.txt"
N="${N:-1000000}"

if [ ! -s "$NAMES" ] || [ "$(wc -l < "$NAMES")" != "$N" ]; then
  python3 - "$N" "$NAMES" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261122)
depts = ["总经办", "行政部", "人事部", "财务部", "技术部", "研发一组", "市场部", "销售部"]
types = ["部门群", "项目群", "临时群", "客户群", "通知群"]
topics = ["ERP升级", "双十一活动", "招聘", "年度预算", "客户回访", "产品发布", "培训", "系统迁移", "季度复盘", "供应商对接"]
def good():
    return f"【{rng.choice(depts)}】-【{rng.choice(topics)}{rng.randint(1, 999)}】-【{rng.choice(types)}】"
bad = [
    lambda g: g.replace("【", "[").replace("】", "]"),
    lambda g: g.replace("】-【", "】—【"),
    lambda g: g.replace("技术部", "研发部").replace("人事部", "人力资源部").replace("【", "", 1) if rng.random() < 0.3 else g.replace("技术部", "技术部门").replace("人事部", "HR部").replace("【行政部", "【行政中心").replace("【财务部", "【财务中心").replace("【总经办", "【总经理办").replace("【研发一组", "【研发1组").replace("【市场部", "【营销部").replace("【销售部", "【销售中心"),
    lambda g: g.replace("群】", "闲聊群】"),
    lambda g: g.replace("】-【", "】-【超长的项目名称用来测试长度限制", 1),
    lambda g: g.replace("【", "").replace("】", ""),
    lambda g: " " + g,
]
with open(path, "w", encoding="utf-8") as f:
    for i in range(n):
        g = good()
        f.write((g if i % 2 == 0 else rng.choice(bad)(g)) + "\n")
PY
fi

REGEX='^(?!.*(闲聊|八卦|吃喝))(?=.{1,30}$)【(总经办|行政部|人事部|财务部|技术部|研发一组|市场部|销售部)】-【[^\s【】\[\]\-_/\\]{2,20}】-【(部门群|项目群|临时群|客户群|通知群)】$'
export LC_ALL=C.UTF-8

cargo build --release --quiet --bin ppg
PPG="${CARGO_TARGET_DIR:-target}/release/ppg"
size_mb=$(python3 -c "import os;print(round(os.path.getsize('$NAMES')/1e6,1))")
echo "input: $N names, $size_mb MB ($NAMES)"

best() { # best wall time of 3 runs, in seconds; standard input is $NAMES for every run
  local best=999999
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N); "$@" < "$NAMES" > "$OUT/last.out"; t1=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $t1 - $t0))")
  done
  printf '%.3f' "$best"
}

ppg_t=$(best "$PPG" naming audit)
ppg_ok=$(python3 -c "import json;print(json.load(open('$OUT/last.out'))['ok'])")
grep_t=$(best grep -cP "$REGEX" "$NAMES")
grep_ok=$(cat "$OUT/last.out")
if command -v rg >/dev/null; then
  rg_t=$(best rg -c --pcre2 "$REGEX" "$NAMES"); rg_ok=$(cat "$OUT/last.out")
else
  rg_t="n/a"; rg_ok="(ripgrep not installed)"
fi
cat <<REPORT
naming audit benchmark (best of 3, whole process)
  ppg naming audit : ${ppg_t} s  compliant=${ppg_ok}
  grep -cP         : ${grep_t} s  compliant=${grep_ok}
  rg -c --pcre2    : ${rg_t} s  compliant=${rg_ok}
  ratio ppg/grep   : $(python3 -c "print(round($ppg_t/$grep_t, 2))")
REPORT

if [ "${CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  head -n 100000 "$NAMES" > "$OUT/names-100k.txt"
  instructions() { # instructions executed by the whole process, input $OUT/names-100k.txt
    # (Output to a file, not /dev/null: GNU grep stops at the first match when it sees that.)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" < "$OUT/names-100k.txt" \
      2>&1 >"$OUT/last.out" | sed -n 's/.*Collected : //p'
  }
  echo "instructions on 100,000 names (callgrind)"
  echo "  ppg naming audit : $(instructions "$PPG" naming audit)"
  echo "  grep -cP         : $(instructions grep -cP "$REGEX")"
  if command -v rg >/dev/null; then
    echo "  rg -c --pcre2    : $(instructions rg -c --pcre2 "$REGEX")"
  fi
fi
