#!/bin/sh
# A crawl spread over machines (issue 15, khobor(7) A WHOLE CRAWL): GNU
# parallel sends each WET file to one of two ssh logins (--sshloginfile,
# --transferfile, --return), each job runs khobor FILE > FILE.jsonl there, and
# the files it brings back, put together in order, equal one serial run.  The
# two logins are an sshd this test starts on loopback addresses, with a key
# made for the run and thrown away after it.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

SSHD=/usr/sbin/sshd
for c in parallel ssh ssh-keygen rsync; do
	if ! command -v "$c" >/dev/null 2>&1; then
		echo "1..0 # SKIP no $c (make deps installs it)"
		exit 0
	fi
done
if [ ! -x "$SSHD" ] || [ "$(id -u)" -ne 0 ]; then
	echo "1..0 # SKIP needs $SSHD (openssh-server) and root, to start an sshd for the test"
	exit 0
fi
HOME=$TMP
export HOME
mkdir -p "$HOME/.parallel" "$TMP/ssh" "$TMP/remote" /run/sshd
: >"$HOME/.parallel/will-cite"
cd "$TMP" || exit 1

S=$TMP/ssh
ssh-keygen -q -t ed25519 -N '' -f "$S/hostkey" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$S/key" || exit 1
cp "$S/key.pub" "$S/authorized_keys"

# An sshd of our own, on 127.0.0.1 and 127.0.0.2 (two logins), on a free port.
started=
for try in 1 2 3 4 5; do
	port=$((20000 + ($$ * 7 + try * 1009) % 30000))
	cat >"$S/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
ListenAddress 127.0.0.2
HostKey $S/hostkey
AuthorizedKeysFile $S/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
PidFile $S/sshd.pid
LogLevel VERBOSE
EOF
	if "$SSHD" -f "$S/sshd_config" -E "$S/sshd.log"; then
		started=1
		break
	fi
done
if [ -z "$started" ]; then
	echo "1..0 # SKIP the test's sshd did not start: $(tail -n 1 "$S/sshd.log" 2>/dev/null)"
	exit 0
fi
trap 'kill "$(cat "$S/sshd.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM

SSH="ssh -i $S/key -p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
up=1
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	if $SSH root@127.0.0.1 true 2>/dev/null && $SSH root@127.0.0.2 true 2>/dev/null; then
		up=0
		break
	fi
	sleep 0.5
done
ok "$up" "an sshd of the test's own answers on two logins (port $port)"
printf '1/%s root@127.0.0.1\n1/%s root@127.0.0.2\n' "$SSH" "$SSH" >logins

for i in 1 2 3 4; do
	python3 "$TOP/bench/warc/gen-wet.py" --size 40e3 --seed "$((i + 10))" --bengali 30 --jobs 1 \
		"part-$i.warc.wet.gz" || exit 1
	echo "part-$i.warc.wet.gz"
done >paths
while IFS= read -r f; do
	khobor --lang ben "$f"
done <paths >serial.jsonl 2>/dev/null
ok "$([ -s serial.jsonl ]; echo $?)" "serial: $(wc -l <serial.jsonl | tr -d ' ') articles"

# Each file goes to a login, runs there, and its JSON comes back.  The
# remote side is this machine: the same khobor and rules, by absolute path.
parallel --sshloginfile logins --workdir "$TMP/remote" --transferfile '{}' --return '{.}.jsonl' --cleanup \
	"'$BIN/khobor' -r '$RULES' --lang ben {} > {.}.jsonl" :::: paths >par.out 2>par.err
is $? 0 "parallel --sshloginfile --transferfile --return: exit status 0"
is_file par.err /dev/null "parallel over ssh: nothing on stderr"
while IFS= read -r f; do cat "${f%.gz}.jsonl"; done <paths >merged.jsonl
is_file merged.jsonl serial.jsonl "parallel over ssh: the files brought back, merged in order, equal the serial run"
left=$(find "$TMP/remote" -type f 2>/dev/null | wc -l | tr -d ' ')
is "$left" 0 "parallel over ssh: --cleanup left nothing on the remote side"
# (The jobs run after the two logins of the start-up check: count past those.)
[ "$(grep -c "Connection from .* on 127.0.0.1 port $port" "$S/sshd.log")" -gt 1 ] &&
	[ "$(grep -c "Connection from .* on 127.0.0.2 port $port" "$S/sshd.log")" -gt 1 ]
ok $? "parallel over ssh: both logins were used"

done_testing
