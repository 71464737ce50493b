"""PyTorch reference inputs/outputs for a trained checkpoint, for check-onnx.mjs (verifies that an
exported model folder computes what the checkpoint does).

    /usr/bin/python3 tools/dro/write_reference.py tools/dro/out/shadowhand/checkpoint.pt \\
        --model public/models/dro/shadowhand --out tools/dro/out/shadowhand-reference.json
    node tools/dro/check-onnx.mjs public/models/dro/shadowhand tools/dro/out/shadowhand-reference.json
"""

import argparse
import json
import os

import torch

from model import DroConfig, DroNetwork, EmbedGraph, KernelGraph


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoint')
    ap.add_argument('--model', required=True, help='the exported folder (its dro.json gives N and M)')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    torch.set_num_threads(1)
    ckpt = torch.load(args.checkpoint, map_location='cpu')
    net = DroNetwork(DroConfig(**ckpt['config']))
    net.load_state_dict(ckpt['state_dict'])
    net.eval()
    with open(os.path.join(args.model, 'dro.json')) as f:
        manifest = json.load(f)
    n, m = len(manifest['robotPoints']['links']), manifest['objectPoints']
    gen = torch.Generator().manual_seed(3)
    robot = torch.randn(1, n, 3, generator=gen) * 0.04
    robot = robot - robot.mean(dim=1, keepdim=True)
    obj = torch.randn(1, m, 3, generator=gen) * 0.04
    z = torch.randn(1, net.cfg.latent_dim, generator=gen)
    with torch.no_grad():
        phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
        dro = KernelGraph(net)(phi_r, phi_o)
    flat = lambda t: [float(f'{v:.9g}') for v in t.reshape(-1).tolist()]
    shapes = {'robot_pc': robot, 'object_pc': obj, 'z': z, 'phi_robot': phi_r, 'phi_object': phi_o, 'dro': dro}
    with open(args.out, 'w') as f:
        json.dump({'shapes': {k: list(v.shape) for k, v in shapes.items()}, **{k: flat(v) for k, v in shapes.items()}}, f)
    print(f'wrote {args.out} (N = {n}, M = {m}, dro {dro.min().item():.4f}..{dro.max().item():.4f} m)')


if __name__ == '__main__':
    main()
