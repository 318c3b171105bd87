#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (for the tests that submit sweeps as job arrays).
# Idempotent: installs slurm-wlm and munge if missing, writes a munge key and slurm.conf for this host,
# starts munged, slurmctld and slurmd (as root) unless they run, and waits until sinfo shows the node up.
# Needs root and Debian/Ubuntu apt.
set -euo pipefail

log() { echo "slurm-up: $*"; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  log "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  # other installs may hold the dpkg lock for a while
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurm-wlm munge >/dev/null
fi

# munge: one key shared by the (single) node; munged runs as the munge user
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  log "creating the munge key"
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null; then
  log "starting munged"
  runuser -u munge -- /usr/sbin/munged
fi
for _ in $(seq 1 20); do munge -n </dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done

host=$(hostname -s)
cpus=$(nproc)
# leave some memory to the system, as sites do; slurmd refuses a node that reports less than configured
memory=$(( $(free -m | awk '/^Mem:/ {print $2}') * 9 / 10 ))
conf=/etc/slurm/slurm.conf
install -d /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
wanted=$(cat <<EOF
# one-node cluster written by .ci/slurm-up.sh
ClusterName=creepcell
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MaxArraySize=100001
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)
if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$wanted" ]; then
  log "writing $conf ($host, $cpus CPUs, $memory MB)"
  printf '%s\n' "$wanted" >"$conf"
  # a changed configuration needs fresh daemons
  for pidfile in /run/slurmd.pid /run/slurmctld.pid; do
    [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
fi

running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if ! running /run/slurmctld.pid; then log "starting slurmctld"; /usr/sbin/slurmctld; fi
if ! running /run/slurmd.pid; then log "starting slurmd"; /usr/sbin/slurmd; fi

for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$host" -o '%T' 2>/dev/null | head -n1 || true)
  case "$state" in
    idle|mixed|allocated|completing) log "node $host is $state"; exit 0 ;;
    down*|drain*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
log "node $host did not come up (sinfo: ${state:-no answer}); see /var/log/slurm/"
exit 1
