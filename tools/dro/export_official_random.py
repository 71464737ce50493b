"""A model at the official D(R,O) widths with random weights, for the browser benchmark: 512 robot
and object points, embedding 512 + latent 64, k = 32, kernel MLP 1152 -> 300 -> 100 -> 1 (about
12.8 M parameters, ~50 MB). Never committed.

    /usr/bin/python3 tools/dro/export_official_random.py [--hand shadowhand] [--data tools/dro/data/shadowhand] \\
        [--out tools/dro/out/official-random] [--reference tools/dro/out/official-random-reference.json]

Robot points: farthest point sampling on export-hand-points.ts data when --data exists, else
random points near the palm (the benchmark only times the network).
"""

import argparse
import json
import os

import torch

from export import export_model
from model import DroNetwork, EmbedGraph, KernelGraph, official_config, randomize_batchnorm

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--hand', default='shadowhand', choices=['shadowhand', 'leaphand'])
    ap.add_argument('--data', default=None)
    ap.add_argument('--out', default=os.path.join(HERE, 'out', 'official-random'))
    ap.add_argument('--points', type=int, default=512)
    ap.add_argument('--reference', default=None, help='also write PyTorch inputs/outputs for check-onnx.mjs')
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    net = DroNetwork(official_config())
    randomize_batchnorm(net, torch.Generator().manual_seed(0))
    net.eval()
    data = args.data or os.path.join(HERE, 'data', args.hand)
    hand_file = os.path.join(data, f'{args.hand}-hand.json')
    if os.path.exists(hand_file):
        from data import HandPoints
        links, local = HandPoints(hand_file, args.points).manifest_points()
        points_from = f'farthest point sampling of {hand_file}'
    else:
        links = ['palm'] * args.points
        local = ((torch.rand(args.points, 3) - 0.5) * 0.08).tolist()
        points_from = 'random points in the palm frame (no export-hand-points.ts data found)'
    export_model(net, args.out, args.hand, links, local, args.points, True,
                 'tools/dro/export_official_random.py: official widths, random weights (benchmark only)',
                 {'robotPoints': points_from})
    print(f'wrote {args.out}: {sum(os.path.getsize(os.path.join(args.out, f)) for f in os.listdir(args.out)) / 1e6:.1f} MB')
    if args.reference:
        gen = torch.Generator().manual_seed(1)
        robot = torch.randn(1, args.points, 3, generator=gen) * 0.04
        robot = robot - robot.mean(dim=1, keepdim=True)
        obj = torch.randn(1, args.points, 3, generator=gen) * 0.04
        z = torch.randn(1, 64, generator=gen)
        with torch.no_grad():
            phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
            dro = KernelGraph(net)(phi_r, phi_o)
        flat = lambda t: [float(f'{v:.9g}') for v in t.reshape(-1).tolist()]
        with open(args.reference, 'w') as f:
            json.dump({'shapes': {'robot_pc': list(robot.shape), 'object_pc': list(obj.shape), 'z': [1, 64],
                                  'phi_robot': list(phi_r.shape), 'phi_object': list(phi_o.shape), 'dro': list(dro.shape)},
                       'robot_pc': flat(robot), 'object_pc': flat(obj), 'z': flat(z),
                       'phi_robot': flat(phi_r), 'phi_object': flat(phi_o), 'dro': flat(dro)}, f)
        print(f'wrote {args.reference}')


if __name__ == '__main__':
    main()
