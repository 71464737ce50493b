"""Tiny random-weight model plus reference inputs/outputs from PyTorch, for the TypeScript ONNX
runner test (src/core/dro/fixtures/). Deterministic: same seed, same files.

    /usr/bin/python3 tools/dro/make_fixture.py [--out src/core/dro/fixtures]
"""

import argparse
import json
import os

import torch

from export import export_model
from model import DroConfig, DroNetwork, EmbedGraph, KernelGraph, randomize_batchnorm

TINY = DroConfig(
    emb_dim=8, latent_dim=64, k=4, edge_widths=[8, 8, 16], heads=2, ff_dim=16, kernel_hidden=[16, 8],
    cvae_k=4, cvae_widths=[8, 8], cvae_head=[16, 16],
)
N = M = 32
# Real ShadowHand links (with geometry) so a loader that checks names against the hand accepts it.
LINKS = ['palm', 'ffproximal', 'ffmiddle', 'ffdistal', 'mfproximal', 'mfmiddle', 'mfdistal', 'thdistal']


def f32_list(t: torch.Tensor):
    # float32 values written with 9 significant digits round-trip exactly.
    return [float(f'{v:.9g}') for v in t.reshape(-1).tolist()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '../../src/core/dro/fixtures'))
    args = ap.parse_args()
    torch.manual_seed(7)
    torch.set_num_threads(1)
    net = DroNetwork(TINY)
    gen = torch.Generator().manual_seed(7)
    randomize_batchnorm(net, gen)
    # PyTorch's default init shrinks activations layer by layer, so every distance would come out
    # near softplus(0); He-scaled kernel weights spread them, so a wrong runner cannot pass by luck.
    with torch.no_grad():
        for layer in net.kernel.layers:
            layer.weight.normal_(0, 2.5 / layer.weight.shape[1] ** 0.5, generator=gen)
        # z is the same for every point: weight the per-point part of phi more, so distances vary by pair.
        first = net.kernel.layers[0].weight
        e, f = TINY.emb_dim, TINY.feature_dim
        first[:, e:f] *= 0.2
        first[:, f + e:] *= 0.2
        first[:, :e] *= 10
        first[:, f:f + e] *= 10
    net.eval()

    model_dir = os.path.join(args.out, 'tiny')
    links = [LINKS[i % len(LINKS)] for i in range(N)]
    local = (torch.rand(N, 3, generator=gen) - 0.5) * 0.02

    # The robot cloud is already zero-mean, so it is the network input whether or not a runner centres it.
    robot = torch.randn(1, N, 3, generator=gen) * 0.04
    robot = robot - robot.mean(dim=1, keepdim=True)
    obj = torch.randn(1, M, 3, generator=gen) * 0.04 + torch.tensor([0.01, -0.02, 0.03])
    z = torch.randn(1, TINY.latent_dim, generator=gen)
    with torch.no_grad():
        phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
        # centre the pre-softplus values near -0.5 so the outputs sit where softplus bends
        d = KernelGraph(net)(phi_r, phi_o)
        net.kernel.layers[-1].bias -= torch.log(torch.expm1(d)).mean() + 0.5
    export_model(net, model_dir, 'shadowhand', links, local.tolist(), M, True,
                 'tools/dro/make_fixture.py: random weights, for tests only')
    with torch.no_grad():
        phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
        dro = KernelGraph(net)(phi_r, phi_o)
        full, _, _ = net(robot, obj, z=z)
    assert torch.allclose(full, dro), 'split kernel differs from the network forward pass'
    ref = {
        'model': 'tiny/dro.json',
        'shapes': {'robot_pc': [1, N, 3], 'object_pc': [1, M, 3], 'z': [1, TINY.latent_dim],
                   'phi_robot': list(phi_r.shape), 'phi_object': list(phi_o.shape), 'dro': list(dro.shape)},
        'robot_pc': f32_list(robot), 'object_pc': f32_list(obj), 'z': f32_list(z),
        'phi_robot': f32_list(phi_r), 'phi_object': f32_list(phi_o), 'dro': f32_list(dro),
    }
    with open(os.path.join(args.out, 'tiny-reference.json'), 'w') as f:
        json.dump(ref, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {model_dir} and tiny-reference.json; F = {TINY.feature_dim}, dro range '
          f'{dro.min().item():.4f}..{dro.max().item():.4f}')


if __name__ == '__main__':
    main()
