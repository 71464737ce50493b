"""Converts a checkpoint of the official D(R,O) code (zhenyuwei2003/DRO-Grasp, MIT) into our
DroNetwork and exports it to the hoi-studio/dro@1 contract.

The official state_dict names and shapes were read from its public model code (model/network.py,
encoder.py, transformer.py, latent_encoder.py, mlp.py); this mapping is our own. Sizes are read from
the tensors; the two numbers a state_dict does not hold are the official values unless given:
kNN k = 32 (encoders) and 4 attention heads.

    /usr/bin/python3 tools/dro/convert_official.py model_3robots.pth --hand shadowhand \\
        --points-from public/models/dro/shadowhand/dro.json --out tools/dro/out/official-shadowhand

The robot points of the output come from an existing dro.json (--points-from) or from
export-hand-points.ts data (--data, farthest point sampling to --points); the official robot cloud
(per-link samples of its own meshes) is not part of the checkpoint.
"""

import argparse
import json
import os
from typing import Dict, List, Tuple

import torch

from model import DroConfig, DroNetwork

BN = ('weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked')
LINEAR = ('weight', 'bias')


def _strip_prefix(sd: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    """Accepts a bare state_dict, {'state_dict': ...}, or keys under 'network.' / 'module.'."""
    if 'state_dict' in sd and isinstance(sd['state_dict'], dict):
        sd = sd['state_dict']
    out = {}
    for k, v in sd.items():
        for prefix in ('network.', 'module.'):
            if k.startswith(prefix):
                k = k[len(prefix):]
        out[k] = v
    return out


def official_config(sd: Dict[str, torch.Tensor], k: int = 32, heads: int = 4) -> DroConfig:
    """Our config from the shapes of an official state_dict."""
    edge = [sd[f'encoder_robot.conv{i}.0.weight'].shape[0] for i in range(1, 6)]
    cvae = [sd[f'point_encoder.conv{i}.0.weight'].shape[0] for i in range(1, 5)]
    emb = sd['encoder_robot.conv6.0.weight'].shape[0]
    return DroConfig(
        emb_dim=emb,
        latent_dim=sd['latent_encoder.fc_mu.weight'].shape[0],
        k=k,
        edge_widths=edge,
        heads=heads,
        ff_dim=sd['transformer_robot.model.encoder.layers.0.feed_forward.w_1.weight'].shape[0],
        kernel_hidden=[sd['kernel.mlp.0.weight'].shape[0], sd['kernel.mlp.3.weight'].shape[0]],
        cvae_k=20,
        cvae_widths=cvae,
        cvae_head=[sd['point_encoder.linear1.weight'].shape[0], sd['point_encoder.linear2.weight'].shape[0]],
    )


def name_map(cfg: DroConfig) -> List[Tuple[str, str]]:
    """(our name, official name) for every tensor of DroNetwork."""
    pairs: List[Tuple[str, str]] = []

    def group(ours: str, theirs: str, fields):
        pairs.extend((f'{ours}.{f}', f'{theirs}.{f}') for f in fields)

    for ours, theirs in (('robot_encoder', 'encoder_robot'), ('object_encoder', 'encoder_object')):
        for i in range(len(cfg.edge_widths)):
            group(f'{ours}.edge.{i}.0', f'{theirs}.conv{i + 1}.0', ('weight',))
            group(f'{ours}.edge.{i}.1', f'{theirs}.conv{i + 1}.1', BN)
        group(f'{ours}.project.0', f'{theirs}.conv{len(cfg.edge_widths) + 1}.0', ('weight',))
        group(f'{ours}.project.1', f'{theirs}.conv{len(cfg.edge_widths) + 1}.1', BN)

    def attention(ours: str, theirs: str):
        for j, part in enumerate(('q', 'k', 'v', 'out')):
            group(f'{ours}.{part}', f'{theirs}.linears.{j}', LINEAR)

    def norm(ours: str, theirs: str):
        pairs.extend([(f'{ours}.gain', f'{theirs}.a_2'), (f'{ours}.bias', f'{theirs}.b_2')])

    for ours, theirs in (('robot_transformer', 'transformer_robot'), ('object_transformer', 'transformer_object')):
        enc, dec = f'{theirs}.model.encoder', f'{theirs}.model.decoder'
        norm(f'{ours}.enc_norm1', f'{enc}.layers.0.sublayer.0.norm')
        attention(f'{ours}.enc_attn', f'{enc}.layers.0.self_attn')
        norm(f'{ours}.enc_norm2', f'{enc}.layers.0.sublayer.1.norm')
        group(f'{ours}.enc_ff.inner', f'{enc}.layers.0.feed_forward.w_1', LINEAR)
        group(f'{ours}.enc_ff.outer', f'{enc}.layers.0.feed_forward.w_2', LINEAR)
        norm(f'{ours}.enc_final', f'{enc}.norm')
        norm(f'{ours}.dec_norm1', f'{dec}.layers.0.sublayer.0.norm')
        attention(f'{ours}.dec_self', f'{dec}.layers.0.self_attn')
        norm(f'{ours}.dec_norm2', f'{dec}.layers.0.sublayer.1.norm')
        attention(f'{ours}.dec_cross', f'{dec}.layers.0.src_attn')
        norm(f'{ours}.dec_norm3', f'{dec}.layers.0.sublayer.2.norm')
        group(f'{ours}.dec_ff.inner', f'{dec}.layers.0.feed_forward.w_1', LINEAR)
        group(f'{ours}.dec_ff.outer', f'{dec}.layers.0.feed_forward.w_2', LINEAR)
        norm(f'{ours}.dec_final', f'{dec}.norm')

    # The CVAE posterior (training only; kept so a converted model can be fine-tuned).
    for i in range(len(cfg.cvae_widths)):
        group(f'posterior.edge.{i}.0', f'point_encoder.conv{i + 1}.0', ('weight',))
        group(f'posterior.edge.{i}.1', f'point_encoder.bn{i + 1}', BN)
    last = len(cfg.cvae_widths) + 1
    group('posterior.project.0', f'point_encoder.conv{last}.0', ('weight',))
    group('posterior.project.1', f'point_encoder.bn{last}', BN)
    group('posterior.fc1.0', 'point_encoder.linear1', ('weight',))
    group('posterior.fc1.1', f'point_encoder.bn{last + 1}', BN)
    group('posterior.fc2.0', 'point_encoder.linear2', LINEAR)
    group('posterior.fc2.1', f'point_encoder.bn{last + 2}', BN)
    group('posterior.fc3', 'point_encoder.linear3', LINEAR)
    group('posterior.res_in', 'latent_encoder.block.fc_0', LINEAR)
    group('posterior.res_out', 'latent_encoder.block.fc_1', LINEAR)
    group('posterior.res_skip', 'latent_encoder.block.shortcut', ('weight',))
    group('posterior.mu', 'latent_encoder.fc_mu', LINEAR)
    group('posterior.logvar', 'latent_encoder.fc_logvar', LINEAR)

    # The kernel MLP is Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear, Dropout.
    for i in range(len(cfg.kernel_hidden) + 1):
        group(f'kernel.layers.{i}', f'kernel.mlp.{3 * i}', LINEAR)
    return pairs


def convert(official: Dict[str, torch.Tensor], k: int = 32, heads: int = 4) -> DroNetwork:
    """Our network holding the official weights; raises naming every missing or mis-shaped tensor."""
    sd = _strip_prefix(official)
    try:
        cfg = official_config(sd, k, heads)
    except KeyError as e:
        raise ValueError(f'not an official DRO state_dict: no tensor {e}') from None
    net = DroNetwork(cfg)
    ours = net.state_dict()
    pairs = name_map(cfg)
    problems = []
    loaded = {}
    for mine, theirs in pairs:
        if theirs not in sd:
            problems.append(f'missing {theirs}')
        elif tuple(sd[theirs].shape) != tuple(ours[mine].shape):
            problems.append(f'{theirs} has shape {tuple(sd[theirs].shape)}, expected {tuple(ours[mine].shape)}')
        else:
            loaded[mine] = sd[theirs].to(ours[mine].dtype)
    unmapped = sorted(set(ours) - {m for m, _ in pairs})
    if unmapped:
        problems.append(f'no official name for {unmapped}')
    if problems:
        raise ValueError('cannot convert the official state_dict: ' + '; '.join(problems))
    net.load_state_dict(loaded)
    # Names the official code registers twice (point_encoder.bnX is also point_encoder.convX.1)
    # or that belong to parts we do not have are reported, not silently dropped.
    used = {t for _, t in pairs}
    aliases = {f'point_encoder.conv{i + 1}.1.{f}' for i in range(len(cfg.cvae_widths) + 1) for f in BN}
    net.ignored_official = sorted(set(sd) - used - aliases)
    return net.eval()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoint')
    ap.add_argument('--hand', required=True, choices=['shadowhand', 'leaphand'])
    ap.add_argument('--out', required=True)
    ap.add_argument('--points-from', help='dro.json whose robotPoints to reuse')
    ap.add_argument('--data', help='export-hand-points.ts folder to sample robot points from')
    ap.add_argument('--points', type=int, default=512, help='robot and object points (official: 512)')
    ap.add_argument('--k', type=int, default=32)
    ap.add_argument('--heads', type=int, default=4)
    args = ap.parse_args()
    torch.set_num_threads(1)
    from export import export_model

    state = torch.load(args.checkpoint, map_location='cpu')
    net = convert(state, args.k, args.heads)
    if args.points_from:
        with open(args.points_from) as f:
            pts = json.load(f)['robotPoints']
        links, local = pts['links'], pts['local']
    elif args.data:
        from data import HandPoints
        links, local = HandPoints(os.path.join(args.data, f'{args.hand}-hand.json'), args.points).manifest_points()
    else:
        ap.error('give --points-from or --data for the robot points')
    export_model(net, args.out, args.hand, links, local, args.points, True,
                 f'converted from the official DRO checkpoint {os.path.basename(args.checkpoint)} (zhenyuwei2003/DRO-Grasp, MIT)',
                 {'convertedBy': 'tools/dro/convert_official.py', 'ignoredOfficialTensors': net.ignored_official})
    print(f'wrote {args.out} ({len(links)} robot points, F = {net.cfg.feature_dim})')


if __name__ == '__main__':
    main()
