"""W1-W4 on PyTorch (CPU, float32, NCHW), for `npm run bench` (bench/torch.ts runs it).

    /usr/bin/python3 bench/torch_bench.py DIR

DIR holds job.json (the workload, the sizes of bench/protocol.ts, the thread count, and the input
arrays: name -> [file, dtype, shape]) and the arrays as raw little-endian files, made by the Node
child from the same seeded data as every other engine. The protocol is bench/README.md's: single
ops get `warmup` calls, then `samples` samples of enough back-to-back calls to last >= minSeconds
(the median per call); training times whole epochs (gather the batch by index, forward, loss,
backward, SGD update, the loss read back as a number, a seeded reshuffle each epoch). Prints one
JSON line after "BENCH-TORCH " (seconds, and what the Node side checks: the output file, the
training predictions or the first loss).
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

PREFIX = "BENCH-TORCH "


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 == 1 else (s[mid - 1] + s[mid]) / 2


def time_op(call, op):
    for _ in range(op["warmup"]):
        call()
    per_call = []
    for _ in range(op["samples"]):
        start = time.perf_counter()
        calls = 0
        while True:
            call()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= op["minSeconds"]:
                break
        per_call.append(elapsed / calls)
    return median(per_call)


def time_runs(run, count):
    seconds = []
    for _ in range(count):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return median(seconds)


def load(job, folder, name):
    file, dtype, shape = job["arrays"][name]
    data = np.fromfile(os.path.join(folder, file), dtype=dtype).reshape(shape)
    if dtype == "<f8":
        return torch.from_numpy(data.astype(np.float32))
    return torch.from_numpy(data.astype(np.int64))


def save(folder, name, tensor):
    path = os.path.join(folder, name)
    tensor.detach().numpy().astype("<f4").tofile(path)
    return name


def single_op(job, folder, forward):
    """W1 and W4: the median seconds per call; the last output is written for the check."""
    out = [None]

    def call():
        out[0] = forward()

    seconds = time_op(call, job["sizes"]["op"])
    return {"seconds": seconds, "output": save(folder, "out.f32", out[0])}


def trainer(x, labels, params, forward, lr):
    opt = torch.optim.SGD(params, lr=lr)

    def step(idx):
        loss = F.cross_entropy(forward(x[idx]), labels[idx])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def epoch(step, n, gen, steps=None):
    """One mini-batch epoch of 32 (or `steps` steps) over a fresh seeded permutation."""
    perm = torch.randperm(n, generator=gen)
    loss = float("nan")
    for s, start in enumerate(range(0, n, 32)):
        if steps is not None and s >= steps:
            break
        loss = step(perm[start : start + 32])
    return loss


def leaf(t):
    return t.clone().requires_grad_(True)


def w2(job, folder):
    mlp = job["sizes"]["mlp"]
    x, labels = load(job, folder, "x"), load(job, folder, "labels")
    params = [leaf(load(job, folder, name)) for name in ("w1", "b1", "w2", "b2", "w3", "b3")]
    w1, b1, w2_, b2, w3, b3 = params

    def forward(xb):
        h1 = F.relu(xb @ w1 + b1)
        h2 = F.relu(h1 @ w2_ + b2)
        return h2 @ w3 + b3

    step = trainer(x, labels, params, forward, 0.1)
    gen = torch.Generator().manual_seed(2)
    n = x.shape[0]
    for _ in range(mlp["warmupEpochs"]):
        epoch(step, n, gen)
    seconds = time_runs(lambda: epoch(step, n, gen), mlp["epochs"])
    with torch.no_grad():
        predictions = forward(x).argmax(1).tolist()
    return {"seconds": seconds, "predictions": predictions}


def w3(job, folder):
    cnn = job["sizes"]["cnn"]
    x, labels = load(job, folder, "x"), load(job, folder, "labels")
    params = [leaf(load(job, folder, name)) for name in ("k1", "c1", "k2", "c2", "wd", "bd")]
    k1, c1, k2, c2, wd, bd = params

    def forward(xb):
        h1 = F.max_pool2d(F.relu(F.conv2d(xb, k1, c1, padding=1)), 2)
        h2 = F.max_pool2d(F.relu(F.conv2d(h1, k2, c2, padding=1)), 2)
        return h2.flatten(1) @ wd + bd

    step = trainer(x, labels, params, forward, 0.01)
    gen = torch.Generator().manual_seed(3)
    n = x.shape[0]
    first = epoch(step, n, gen, 1)
    epoch(step, n, gen, cnn["warmupSteps"])

    def run():
        for _ in range(cnn["epochsPerRun"]):
            epoch(step, n, gen)

    return {"seconds": time_runs(run, cnn["runs"]), "firstLoss": first}


def main(folder):
    with open(os.path.join(folder, "job.json"), encoding="utf8") as f:
        job = json.load(f)
    torch.set_num_threads(job["threads"])
    workload = job["workload"]
    if workload.startswith("W1"):
        a, b = load(job, folder, "a"), load(job, folder, "b")
        result = single_op(job, folder, lambda: a @ b)
    elif workload == "W4":
        x, w = load(job, folder, "x"), load(job, folder, "w")
        result = single_op(job, folder, lambda: F.conv2d(x, w, None, stride=1, padding=1))
    elif workload == "W2":
        result = w2(job, folder)
    else:
        result = w3(job, folder)
    result["version"] = torch.__version__
    result["threads"] = torch.get_num_threads()
    result["blas"] = blas_library()
    print(PREFIX + json.dumps(result), flush=True)


def blas_library():
    """The BLAS library this process loaded (Debian's torch uses the system's libblas.so.3:
    OpenBLAS when libopenblas0 is installed, else the reference BLAS, 25-50x slower)."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.split()[-1]}
    except OSError:
        return "unknown"
    if any("openblas" in p for p in paths):
        return "OpenBLAS"
    if any("blis" in p for p in paths):
        return "BLIS"
    return "reference BLAS (slow: apt-get install -y libopenblas0-pthread)" if paths else "none found"


if __name__ == "__main__":
    main(sys.argv[1])
