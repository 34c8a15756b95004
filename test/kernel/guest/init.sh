#!/bin/sh
# PID 1 of the user-mode Linux guest (see test/kernel/README.md). The root is the host's / read-only;
# OUT (a kernel command-line word) is the host folder holding command.sh and env.sh and receiving exit-code.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/out
mount -t hostfs -o "$OUT" hostfs /run/out
# Host folders under /tmp or /run (hidden by the tmpfs above), mounted again read-only at the same path.
for dir in $(echo "${READONLY:-}" | tr ',' ' '); do mkdir -p "$dir"; mount -r -t hostfs -o "$dir" hostfs "$dir"; done
# Host folders the command may write to, comma-separated, mounted read-write at the same path.
for dir in $(echo "${WRITABLE:-}" | tr ',' ' '); do mkdir -p "$dir"; mount -t hostfs -o "$dir" hostfs "$dir"; done

# The UML kernel's modules live in /usr/lib/uml/modules, not /lib/modules: `modprobe -d` with a root whose
# lib/modules points there finds them, and naming the wrapper in /proc/sys/kernel/modprobe lets the kernel
# auto-load (request_module) schedulers and the IPVS family itself.
mkdir -p /run/modroot/lib
ln -s /usr/lib/uml/modules /run/modroot/lib/modules
printf '#!/bin/sh\nexec /sbin/modprobe -d /run/modroot "$@"\n' > /run/modprobe
chmod 755 /run/modprobe
echo /run/modprobe > /proc/sys/kernel/modprobe
for module in $(echo "${MODULES:-}" | tr ',' ' '); do /run/modprobe "$module"; done
ip link set lo up
hostname ktest

. /run/out/env.sh
cd "$GUEST_CWD"
echo '@@guest-ready@@'
/bin/sh /run/out/command.sh </dev/null 2>&1
echo $? > /run/out/exit-code
echo '@@guest-done@@'
cd /
sync
busybox poweroff -f
