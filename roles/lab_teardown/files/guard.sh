#!/bin/sh
# usage: guard.sh PIDFILE LOG COMMAND...
# Finds the runner that started this script (cnibench's JVM, or ansible-playbook), then leaves a
# process in its own session that waits for the runner to end and runs COMMAND (the lab's cleanup
# playbook) with its output in LOG. Killing the process in PIDFILE disarms it.
pidfile=$1 log=$2
shift 2

runner=$PPID
while [ "$runner" -gt 1 ]; do
  case "$(tr '\0' ' ' < /proc/"$runner"/cmdline 2>/dev/null)" in
    *cnibench.jar*|*cnibench.cli.Main*|*ansible-playbook*) break ;;
  esac
  runner=$(sed 's/.*) //' /proc/"$runner"/stat | cut -d' ' -f2)
done
if [ "$runner" -le 1 ]; then
  echo "guard: no runner process (cnibench or ansible-playbook) above $$" >&2
  exit 1
fi

rm -f "$pidfile"
setsid sh -c '
  pidfile=$1 runner=$2 log=$3
  shift 3
  echo $$ > "$pidfile"
  while kill -0 "$runner" 2>/dev/null; do sleep 1; done
  rm -f "$pidfile"
  echo "runner $runner ended without tearing the lab down; cleaning up" > "$log"
  "$@" >> "$log" 2>&1
' guard "$pidfile" "$runner" "$log" "$@" < /dev/null > /dev/null 2>&1 &

i=0
while [ ! -s "$pidfile" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
[ -s "$pidfile" ] || { echo "guard: did not start" >&2; exit 1; }
echo "guard $(cat "$pidfile") watches runner $runner"
