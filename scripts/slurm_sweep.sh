#!/usr/bin/env bash
# Example Slurm batch script: a large sweep (or run) of sdsim over several nodes with MPI.
# Submit from the sdsim folder after `bash scripts/build.sh`:   sbatch scripts/slurm_sweep.sh
#
# Each MPI rank (one per node here) runs its share of the sweep points with all the cores of its
# node (--threads 0); rank 0 gathers the results in order and writes results/<name>/sweep.csv,
# byte-identical to a run on one machine with the same seed. Adjust the resources to the cluster.
#SBATCH --job-name=sdsim-sweep
#SBATCH --nodes=4
#SBATCH --ntasks-per-node=1
#SBATCH --cpus-per-task=32
#SBATCH --time=02:00:00
#SBATCH --output=sdsim-sweep-%j.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-.}"

# srun starts one sdsim per task (Open MPI picks up Slurm's PMI); `mpirun` works too.
srun ./build/sdsim sweep scenarios/dronten/baseline.json \
  --vary domains.jeugd.demand.toegang.per_1000=60,65,70,75,80 \
  --vary domains.jeugd.forms.verblijf.capacity=20,25,30,35 \
  --replications 10000 --seed 2026 --threads 0 --quiet \
  --out "results/sweep_${SLURM_JOB_ID:-local}"

# The same for many scenarios at once: srun ./build/sdsim run scenarios/*/*.json -r 10000 --out ...
