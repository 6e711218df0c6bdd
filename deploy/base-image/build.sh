#!/usr/bin/env bash
# Builds Backroom's base image from Debian's own packages, with no container registry and no Docker:
# debootstrap a minimal Debian, add a headless Java 17 and what the embedded PostgreSQL binaries need, and write it
# as a `docker save` tar, the format Jib reads for a local base (-Djib.from.image=tar:///…).
#
#   sudo deploy/base-image/build.sh [OUTPUT_TAR]        # default: target/base-image/backroom-base.tar
#
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), DEBIAN_SECURITY_MIRROR (default
# http://deb.debian.org/debian-security), DEBIAN_SUITE (default bookworm).
# Needs root (debootstrap, chroot), debootstrap, python3, and network access to the Debian mirror only.
set -euo pipefail

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SUITE=${DEBIAN_SUITE:-bookworm}
# ca-certificates: TLS to an external database or a webhook; tzdata: a store's own time zone (TZ=Europe/Paris).
# The embedded PostgreSQL binaries bring their own libssl, libicu, libxml2 and libz; besides glibc they need only
# libgcc_s and libstdc++ (`ldd` on them), which Java needs too. glibc has C.UTF-8 built in, so no `locales`.
PACKAGES=(openjdk-17-jre-headless ca-certificates tzdata)
# The image runs as 1000:1000 (pom.xml, profile "image"); initdb and postgres refuse a uid without a passwd entry.
APP_UID=1000
APP_GID=1000

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
output=$(realpath -m "${1:-$repo/target/base-image/backroom-base.tar}")

[[ $(id -u) == 0 ]] || { echo "build.sh: run as root (debootstrap and chroot need it)" >&2; exit 1; }
for tool in debootstrap python3 unshare chroot tar gzip sha256sum; do
	command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (apt-get install -y debootstrap)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/var/tmp}/backroom-base.XXXXXX")
# The chroot's mounts live in a private mount namespace (below), so they vanish with it; only the folder is left.
trap 'rm -rf --one-file-system "$work"' EXIT
root=$work/rootfs
started=$(date +%s)

echo "== debootstrap $SUITE (minbase) from $MIRROR"
debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
	|| { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }

# Runs a command inside the new root, with /proc, /dev and the host's DNS, in a mount namespace of its own.
in_root() {
	cp /etc/resolv.conf "$root/etc/resolv.conf"
	unshare --mount --pid --fork --mount-proc="$root/proc" bash -c '
		set -e
		mount --rbind /dev "$1/dev"
		shift
		exec chroot "$@"' bash "$root" "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"
}

# The point release debootstrap installs, plus its updates and security fixes (Java's come through the latter).
cat >"$root/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF

echo "== apt-get upgrade, install ${PACKAGES[*]}"
in_root apt-get update -q >"$work/apt.log" 2>&1 || { tail -n 30 "$work/apt.log" >&2; exit 1; }
in_root apt-get upgrade -y -q >>"$work/apt.log" 2>&1 || { tail -n 30 "$work/apt.log" >&2; exit 1; }
in_root apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >>"$work/apt.log" 2>&1 \
	|| { tail -n 30 "$work/apt.log" >&2; exit 1; }
in_root groupadd --gid "$APP_GID" backroom
in_root useradd --uid "$APP_UID" --gid "$APP_GID" --home-dir /home/backroom --create-home \
	--shell /usr/sbin/nologin backroom
install -d -o "$APP_UID" -g "$APP_GID" -m 0750 "$root/data"

echo "== cleaning caches"
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/debconf/*-old \
	"$root"/var/log/*.log "$root"/var/log/apt/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
	"$root"/usr/share/info/* "$root"/tmp/* "$root"/var/tmp/*
# A container runtime provides these at run time; the build's own must not ship.
: >"$root/etc/resolv.conf"
: >"$root/etc/hostname"
: >"$root/etc/machine-id"

java_home=$(dirname "$(dirname "$(readlink -f "$root/usr/bin/java")")")
java_home=${java_home#"$root"}
architecture=$(chroot "$root" dpkg --print-architecture)
java_version=$(chroot "$root" dpkg-query -W -f '${Version}' openjdk-17-jre-headless)
echo "== Java $java_version at $java_home ($architecture)"

echo "== writing $output"
layer=$work/layer.tar
# Numeric owners and sorted names, so the layer does not depend on the build machine's users or directory order
# (file times still differ from one build to the next). The pseudo file systems stay empty folders.
tar --create --file "$layer" --directory "$root" --numeric-owner --sort=name --xattrs \
	--exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' --exclude='./run/*' .
mkdir -p "$(dirname "$output")"
JAVA_HOME_IN_IMAGE=$java_home ARCHITECTURE=$architecture SUITE=$SUITE JAVA_VERSION=$java_version \
	PACKAGES="${PACKAGES[*]}" python3 - "$layer" "$output" <<'PY'
import gzip, hashlib, io, json, os, shutil, sys, tarfile, time

layer, output = sys.argv[1], sys.argv[2]

def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

# The layer's diff id is the digest of the uncompressed tar; the file itself is gzipped (Jib sees the gzip magic
# and keeps it as is; `docker load` and podman read it too).
diff_id = sha256(layer)
compressed = layer + ".gz"
with open(layer, "rb") as source, gzip.GzipFile(compressed, "wb", compresslevel=6, mtime=0) as target:
    shutil.copyfileobj(source, target, 1 << 20)

java_home = os.environ["JAVA_HOME_IN_IMAGE"]
created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
config = {
    "architecture": os.environ["ARCHITECTURE"],
    "os": "linux",
    "created": created,
    "config": {
        "Env": [
            "PATH=" + java_home + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=" + java_home,
            "LANG=C.UTF-8",
        ],
        "WorkingDir": "/",
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
    "history": [{
        "created": created,
        "created_by": "deploy/base-image/build.sh: debootstrap --variant=minbase " + os.environ["SUITE"]
                      + " + " + os.environ["PACKAGES"] + " (openjdk " + os.environ["JAVA_VERSION"] + ")",
    }],
}
config_bytes = json.dumps(config, indent=2).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
layer_name = diff_id + "/layer.tar"
manifest = [{"Config": config_name, "RepoTags": ["backroom-base:" + os.environ["SUITE"]], "Layers": [layer_name]}]

def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(data))

partial = output + ".partial"
with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
    add_bytes(archive, config_name, config_bytes)
    archive.add(compressed, arcname=layer_name)
    add_bytes(archive, "manifest.json", json.dumps(manifest).encode())
os.replace(partial, output)
print("layer diff id sha256:" + diff_id)
PY

size=$(du -m "$output" | cut -f1)
echo "== base image $output: ${size} MB, built in $(( $(date +%s) - started )) s"
