#!/usr/bin/env bash
# Proves that the built image runs, with no Docker or other container engine: unpacks the OCI tar Jib wrote into a
# throw-away root file system and starts the image's own entry point, environment, working directory and user in
# it (chroot, in new mount, PID and UTS namespaces; the host's loopback network), as a container runtime would.
# Then: health answers 200, the owner signs in with BACKROOM_ADMIN_PASSWORD and creates a customer and reads it
# back, every process runs as the image's user, and SIGTERM stops Backroom and its embedded PostgreSQL cleanly.
#
#   sudo deploy/image-check.sh [IMAGE_TAR] [NAME=VALUE ...]    # default target/jib-image.tar
#
# NAME=VALUE pairs are added to the image's environment (as `docker run -e`); BACKROOM_DEMO=false unless given.
# IMAGE_CHECK_PORT picks the port (default: a free one on 127.0.0.1); IMAGE_CHECK_DEADLINE the seconds to wait
# for the first health answer and for the stop (default 300); IMAGE_CHECK_LOG a file to keep the image's output in.
set -euo pipefail

image=$(realpath "${1:-target/jib-image.tar}")
shift $(( $# > 0 ? 1 : 0 ))
deadline=${IMAGE_CHECK_DEADLINE:-300}

[[ $(id -u) == 0 ]] || { echo "image-check.sh: run as root (chroot and namespaces need it)" >&2; exit 1; }
for tool in python3 unshare curl mount; do
	command -v "$tool" >/dev/null || { echo "image-check.sh: $tool is missing" >&2; exit 1; }
done
[[ -f $image ]] || { echo "image-check.sh: no image at $image (./mvnw -Pimage package)" >&2; exit 1; }

port=${IMAGE_CHECK_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
password=$(python3 -c 'import secrets; print("check-" + secrets.token_urlsafe(18))')
work=$(mktemp -d "${TMPDIR:-/var/tmp}/backroom-image-check.XXXXXX")
root=$work/rootfs
data=$work/data
runner=
pid1=

# On any exit: end the namespace (its PID 1 taking every process in it along, and its mounts with it), then the files.
cleanup() {
	local status=$?
	if [[ -n ${IMAGE_CHECK_LOG:-} && -f $work/app.log ]]; then
		cp "$work/app.log" "$IMAGE_CHECK_LOG"
	fi
	if [[ -n $pid1 ]] && kill -0 "$pid1" 2>/dev/null; then
		echo "== stopping what is still running (pid $pid1)" >&2
		kill -KILL "$pid1" 2>/dev/null || true
	elif [[ -n $runner ]]; then
		kill -KILL "$runner" 2>/dev/null || true   # --kill-child: its child goes with it
	fi
	if [[ -n $runner ]]; then
		wait "$runner" 2>/dev/null || true
	fi
	if findmnt -rn -o TARGET | grep -qF "$work"; then
		echo "image-check.sh: mounts left under $work" >&2
		status=1
	else
		rm -rf --one-file-system "$work"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	echo "FAILED: $*" >&2
	if [[ -f $work/app.log ]]; then
		echo "--- the last lines of the image's output:" >&2
		tail -n 40 "$work/app.log" >&2
	fi
	exit 1
}

echo "== unpacking $image ($(du -m "$image" | cut -f1) MB)"
mkdir -p "$root" "$data"
unpacking=$(date +%s)
python3 - "$image" "$root" "$work/config.json" <<'PY'
import json, os, shutil, sys, tarfile

image, root, config_out = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3]
WHITEOUT, OPAQUE = ".wh.", ".wh..wh..opq"

def inside(path):
    """The path in the new root, refusing any that would leave it (.., or through a symlink pointing out)."""
    name = os.path.normpath(path.lstrip("/"))
    if name == "." :
        return root
    if name.startswith(".."):
        sys.exit("refusing layer entry " + path)
    target = os.path.join(root, name)
    parent = os.path.realpath(os.path.dirname(target))
    if parent != root and not parent.startswith(root + os.sep):
        sys.exit("refusing layer entry " + path + " (its folder leads out of the root)")
    return target

def remove(target):
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    elif os.path.lexists(target):
        os.remove(target)

with tarfile.open(image) as outer:
    def blob(digest):
        return outer.extractfile("blobs/" + digest.replace(":", "/"))
    index = json.load(outer.extractfile("index.json"))
    manifest = json.load(blob(index["manifests"][0]["digest"]))
    config = json.load(blob(manifest["config"]["digest"]))
    for number, layer in enumerate(manifest["layers"], 1):
        with tarfile.open(fileobj=blob(layer["digest"]), mode="r:*") as tar:
            members = tar.getmembers()
        # Whiteouts hide what lower layers put there; they say nothing of this layer's own entries.
        for member in members:
            folder, base = os.path.split(member.name)
            if base == OPAQUE:
                target = inside(folder)
                for child in os.listdir(target) if os.path.isdir(target) else []:
                    remove(os.path.join(target, child))
            elif base.startswith(WHITEOUT):
                remove(inside(os.path.join(folder, base[len(WHITEOUT):])))
        with tarfile.open(fileobj=blob(layer["digest"]), mode="r:*") as tar:
            for member in tar:
                if os.path.basename(member.name).startswith(WHITEOUT):
                    continue
                target = inside(member.name)
                if target == root:
                    continue
                # Replace, never write through, what a lower layer left there (a symlink could point anywhere).
                if not (member.isdir() and os.path.isdir(target) and not os.path.islink(target)):
                    remove(target)
                if member.islnk():
                    inside(member.linkname)
                tar.extract(member, root, set_attrs=True, numeric_owner=True)
        print("   layer %d of %d: %s (%d entries)" % (number, len(manifest["layers"]), layer["digest"][:19], len(members)))

with open(config_out, "w") as file:
    json.dump(config.get("config", {}), file)
PY
echo "   unpacked in $(( $(date +%s) - unpacking )) s: $(du -sm "$root" | cut -f1) MB"

# What the image says to run, read from its config: nothing of it is assumed here.
python3 - "$work/config.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
for key in ("Entrypoint", "Cmd", "WorkingDir", "User", "Env", "ExposedPorts", "Volumes"):
    print("   %-11s %s" % (key, json.dumps(config.get(key))))
PY

cat >"$work/hosts" <<EOF
127.0.0.1	localhost backroom-image-check
::1	localhost ip6-localhost ip6-loopback
EOF
: >"$work/resolv.conf"
env_args=("BACKROOM_DEMO=false" "$@" "BACKROOM_ADMIN_PASSWORD=$password" "SERVER_PORT=$port" "SERVER_ADDRESS=127.0.0.1")
# The volume is owned by the image's user (numbers, or names looked up in the image): read it like the rest.
user=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("User") or "0")' "$work/config.json")
lookup() { [[ $2 =~ ^[0-9]+$ ]] && echo "$2" || awk -F: -v name="$2" '$1 == name {print $3}' "$root/etc/$1"; }
uid=$(lookup passwd "${user%%:*}")
gid=$(if [[ $user == *:* ]]; then lookup group "${user#*:}"; else awk -F: -v uid="$uid" '$3 == uid {print $4}' "$root/etc/passwd"; fi)
chown "$uid:${gid:-0}" "$data"

# Runs in the new namespaces, as root of the host still: it resolves the image user in the image, enters the root,
# drops to that user and becomes the entry point (so that is PID 1 of the namespace, as in a container).
LAUNCHER=$(cat <<'PY'
import json, os, sys

root, config_path, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
config = json.load(open(config_path))

def entries(name):
    try:
        with open(os.path.join(root, "etc", name)) as file:
            return [line.rstrip("\n").split(":") for line in file if line.strip()]
    except FileNotFoundError:
        return []

passwd, groups = entries("passwd"), entries("group")
user, _, group = (config.get("User") or "0").partition(":")
account = next((row for row in passwd if user in (row[0], row[2])), None)
uid = int(user) if user.isdigit() else int(account[2])
gid = (int(group) if group.isdigit() else int(next(row for row in groups if row[0] == group)[2])) if group \
    else (int(account[3]) if account else 0)
supplementary = sorted({gid} | {int(row[2]) for row in groups if account and account[0] in row[3].split(",")})

env = dict(entry.split("=", 1) for entry in config.get("Env") or [])
env.update(dict(pair.split("=", 1) for pair in extra))
env.setdefault("HOME", account[5] if account else "/")
env.setdefault("HOSTNAME", os.uname().nodename)
argv = (config.get("Entrypoint") or []) + (config.get("Cmd") or [])

os.chroot(root)
os.chdir(config.get("WorkingDir") or "/")
os.setgroups(supplementary)
os.setgid(gid)
os.setuid(uid)
os.execvpe(argv[0], argv, env)
PY
)
export LAUNCHER

echo "== starting the image's entry point on 127.0.0.1:$port (data volume $data)"
started=$(date +%s.%N)
# Inside the new namespaces: the mounts a runtime gives a container, then the launcher turns into the image's process.
unshare --mount --pid --uts --fork --kill-child bash -c '
	set -e
	root=$1 work=$2 data=$3
	shift 3
	hostname backroom-image-check
	mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
	mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys" 2>/dev/null || mount --rbind -o ro /sys "$root/sys"
	mount -t tmpfs -o nosuid,mode=0755 tmpfs "$root/dev"
	for node in null zero full random urandom tty; do
		touch "$root/dev/$node"
		mount --bind "/dev/$node" "$root/dev/$node"
	done
	mkdir "$root/dev/shm" "$root/dev/pts"
	mount -t tmpfs -o nosuid,nodev,mode=1777 shm "$root/dev/shm"
	ln -s /proc/self/fd "$root/dev/fd"
	ln -s /proc/self/fd/0 "$root/dev/stdin"
	ln -s /proc/self/fd/1 "$root/dev/stdout"
	ln -s /proc/self/fd/2 "$root/dev/stderr"
	mount -t tmpfs -o nosuid,nodev,mode=1777 tmpfs "$root/tmp"
	mkdir -p "$root/data"
	mount --bind "$data" "$root/data"
	for file in hosts resolv.conf; do
		touch "$root/etc/$file"
		mount --bind "$work/$file" "$root/etc/$file"
	done
	exec python3 -c "$LAUNCHER" "$root" "$work/config.json" "$@" </dev/null
' bash "$root" "$work" "$data" "${env_args[@]}" >"$work/app.log" 2>&1 &
runner=$!

# The namespace's PID 1 is unshare's child; it becomes the entry point's process by exec, keeping its host pid.
until [[ -n $pid1 ]]; do
	pid1=$(cat "/proc/$runner/task/$runner/children" 2>/dev/null | awk '{print $1}') || true
	kill -0 "$runner" 2>/dev/null || fail "the namespace did not start"
	sleep 0.05
done

elapsed() { python3 -c 'import sys, time; print("%.1f" % (time.time() - float(sys.argv[1])))' "$started"; }
base=http://127.0.0.1:$port
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/actuator/health") == 200 ]]; do
	kill -0 "$pid1" 2>/dev/null || fail "the image's process ended before health answered"
	(( ${started%.*} + deadline > $(date +%s) )) || fail "no 200 from /actuator/health within $deadline s"
	sleep 0.5
done
health_after=$(elapsed)
echo "== health 200 after $health_after s (load average $(cut -d' ' -f1-3 /proc/loadavg)): $(curl -s "$base/actuator/health")"

# Everything the image started runs as its user, the embedded PostgreSQL included.
namespace=$(readlink "/proc/$pid1/ns/pid")
for proc in /proc/[0-9]*; do
	[[ $(readlink "$proc/ns/pid" 2>/dev/null) == "$namespace" ]] || continue
	echo "$(awk '/^Uid:/ {print $2}' "$proc/status" 2>/dev/null) $(cat "$proc/comm" 2>/dev/null)"
done | sort | uniq -c >"$work/processes"
echo "== processes in the image: $(awk '{printf "%s%s x%s (uid %s)", sep, $3, $1, $2; sep=", "}' "$work/processes")"
grep -q " postgres$" "$work/processes" || fail "no embedded PostgreSQL runs in the image"
awk -v uid="$uid" '$2 != uid {bad = 1} END {exit bad}' "$work/processes" \
	|| fail "a process runs as another user than the image's ($uid)"
[[ -f $data/postgres/PG_VERSION ]] || fail "the embedded database is not in the /data volume"
echo "== the database is in the volume: $(cd "$data" && echo *) (owned by $(stat -c %u:%g "$data/postgres"))"

name="Image Check $(date -u +%H%M%S)"
created=$(curl -s -u "admin:$password" -H 'Content-Type: application/json' -w '\n%{http_code}' \
	-d "{\"name\":\"$name\"}" "$base/api/customers")
[[ ${created##*$'\n'} == 201 ]] || fail "creating a customer answered ${created##*$'\n'}: ${created%$'\n'*}"
id=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["id"])' "${created%$'\n'*}")
read_back=$(curl -s -f -u "admin:$password" "$base/api/customers/$id") || fail "reading customer $id back failed"
python3 - "$read_back" "$name" <<'PY' || fail "customer $id read back is not the one created: $read_back"
import json, sys
customer = json.loads(sys.argv[1])
assert customer["name"] == sys.argv[2], customer
print("== customer created and read back: id %s, code %s, name %s, status %s"
      % (customer["id"], customer.get("code"), customer["name"], customer.get("status")))
PY

echo "== SIGTERM to the image's process"
stopping=$(date +%s)
kill -TERM "$pid1"
while kill -0 "$pid1" 2>/dev/null; do
	(( stopping + deadline > $(date +%s) )) || fail "still running $deadline s after SIGTERM"
	sleep 0.2
done
status=0
wait "$runner" || status=$?
runner=
pid1=
echo "== exited with status $status after $(( $(date +%s) - stopping )) s"
# 143 is the JVM's answer to SIGTERM after its shutdown hooks ran (128 + 15), what `docker stop` expects.
[[ $status == 0 || $status == 143 ]] || fail "exit status $status"
grep -q "Graceful shutdown complete" "$work/app.log" || fail "no graceful shutdown in the log"
tail -n 1 "$data/postgres.log" | grep -q "database system is shut down" || fail "PostgreSQL did not shut down cleanly"
[[ ! -e $data/postgres/postmaster.pid ]] || fail "PostgreSQL left its postmaster.pid behind"
if grep -E "^[0-9TZ:.+-]+ +(ERROR|FATAL)" "$work/app.log"; then fail "errors in the log"; fi
echo "== stopped cleanly: graceful shutdown, PostgreSQL shut down, nothing left running"
echo "OK: $(basename "$image") runs: first health answer after $health_after s, a customer created and read back, clean stop"
