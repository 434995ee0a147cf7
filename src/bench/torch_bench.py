"""PyTorch baseline for `npm run bench`: the reference MNIST CNN, channels-last, Adam, batch 150.

Prints one JSON object. Usage: /usr/bin/python3 torch_bench.py MNIST_DIR THREADS[,THREADS...] STEPS
With `--inference BATCH[,BATCH...]` it measures batch inference instead (eval mode, no_grad, test
images, best of STEPS rounds): {"batch_inference": {threads: {batch: samples/s}}}.
"""
import json
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    with open(path, 'rb') as f:
        data = f.read()
    rank = data[3]
    dims = struct.unpack('>' + 'I' * rank, data[4:4 + 4 * rank])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


class ReferenceCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, 3)
        self.c2 = nn.Conv2d(32, 64, 3)
        self.c3 = nn.Conv2d(64, 128, 3)
        self.d1 = nn.Linear(128 * 22 * 22, 256)
        self.d2 = nn.Linear(256, 10)

    def forward(self, x):
        x = F.relu(self.c1(x))
        x = F.relu(self.c2(x))
        x = F.relu(self.c3(x))
        # Flatten in NHWC order like Keras (the cost is the same either way).
        x = x.permute(0, 2, 3, 1).reshape(x.shape[0], -1)
        x = F.relu(self.d1(x))
        return self.d2(x)


def batch_inference(mnist_dir, threads, rounds, batches):
    images = read_idx(os.path.join(mnist_dir, 't10k-images-idx3-ubyte'))[: max(batches)]
    x_all = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    out = {}
    for n in threads:
        torch.set_num_threads(n)
        torch.manual_seed(0)
        model = ReferenceCnn().to(memory_format=torch.channels_last).eval()
        out[str(n)] = {}
        with torch.no_grad():
            for batch in batches:
                x = x_all[:batch].contiguous(memory_format=torch.channels_last)
                F.softmax(model(x), dim=1)
                best = float('inf')
                for _ in range(rounds):
                    t0 = time.perf_counter()
                    F.softmax(model(x), dim=1)
                    best = min(best, time.perf_counter() - t0)
                out[str(n)][str(batch)] = batch / best
    print(json.dumps({'torch': torch.__version__, 'batch_inference': out}))


def main():
    if '--inference' in sys.argv:
        i = sys.argv.index('--inference')
        batch_inference(sys.argv[1], [int(t) for t in sys.argv[2].split(',')], int(sys.argv[3]),
                        [int(b) for b in sys.argv[i + 1].split(',')])
        return
    mnist_dir, threads, steps = sys.argv[1], [int(t) for t in sys.argv[2].split(',')], int(sys.argv[3])
    batch = 150
    images = read_idx(os.path.join(mnist_dir, 'train-images-idx3-ubyte'))[: batch * (steps + 2)]
    labels = read_idx(os.path.join(mnist_dir, 'train-labels-idx1-ubyte'))[: batch * (steps + 2)]
    x_all = torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)
    y_all = torch.from_numpy(labels.astype(np.int64))
    blas = '/usr/lib/x86_64-linux-gnu/libblas.so.3'
    out = {'torch': torch.__version__, 'blas': os.path.realpath(blas) if os.path.exists(blas) else 'unknown',
           'training': {}, 'inference': {}}
    for n in threads:
        torch.set_num_threads(n)
        torch.manual_seed(0)
        model = ReferenceCnn().to(memory_format=torch.channels_last)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
        times = []
        cpu_times = []
        for i in range(steps + 2):
            x = x_all[i * batch:(i + 1) * batch].contiguous(memory_format=torch.channels_last)
            y = y_all[i * batch:(i + 1) * batch]
            t0 = time.perf_counter()
            c0 = time.process_time()
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            if i >= 2:
                times.append(time.perf_counter() - t0)
                cpu_times.append(time.process_time() - c0)
        ms = statistics.median(times) * 1000
        model.eval()
        with torch.no_grad():
            one = x_all[:1].contiguous(memory_format=torch.channels_last)
            lat = []
            for i in range(23):
                t0 = time.perf_counter()
                model(one)
                if i >= 3:
                    lat.append(time.perf_counter() - t0)
        out['training'][str(n)] = {'ms_per_step': ms, 'samples_per_s': batch / ms * 1000,
                                   'cpu_ms_per_step': sum(cpu_times) / len(cpu_times) * 1000}
        out['inference'][str(n)] = {'batch1_ms': statistics.median(lat) * 1000}
    print(json.dumps(out))


if __name__ == '__main__':
    main()
