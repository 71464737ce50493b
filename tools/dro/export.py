"""Writes a DroNetwork to the hoi-studio/dro@1 contract (docs/dro-model.md): dro.json, embed.onnx,
kernel.onnx in one folder, and checks the ONNX files with onnx's checker."""

import copy
import json
import os
from typing import Optional

import onnx
import torch

from model import DroNetwork, EmbedGraph, KernelGraph

FORMAT = 'hoi-studio/dro@1'
OPSET = 17


def _name_output_dims(model, example_outputs, dynamic):
    # The tracer names output axes after internal nodes ('Concatphi_robot_dim_0'); write the fixed
    # sizes and the contract's axis names instead, so the files describe themselves.
    for out, value in zip(model.graph.output, example_outputs):
        for axis, dim in enumerate(out.type.tensor_type.shape.dim):
            name = dynamic.get(out.name, {}).get(axis)
            if name:
                dim.dim_param = name
            else:
                dim.dim_value = int(value.shape[axis])


def _export(module, args, path, inputs, outputs, dynamic):
    example = module(*args)
    example = example if isinstance(example, tuple) else (example,)
    torch.onnx.export(
        module,
        args,
        path,
        input_names=inputs,
        output_names=outputs,
        dynamic_axes=dynamic,
        opset_version=OPSET,
        do_constant_folding=True,
    )
    model = onnx.load(path)
    _name_output_dims(model, example, dynamic)
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return model


def export_onnx(net: DroNetwork, out_dir: str, n: int, m: int) -> None:
    """embed.onnx and kernel.onnx; n and m only shape the tracing example, axis 1 stays dynamic."""
    os.makedirs(out_dir, exist_ok=True)
    # torch 1.13's exporter folds BatchNorm into the convolutions in place: export a copy so the
    # caller's network keeps its weights.
    net = copy.deepcopy(net).eval()
    cfg = net.cfg
    gen = torch.Generator().manual_seed(0)
    robot = torch.randn(1, n, 3, generator=gen) * 0.05
    obj = torch.randn(1, m, 3, generator=gen) * 0.05
    z = torch.randn(1, cfg.latent_dim, generator=gen)
    with torch.no_grad():
        _export(
            EmbedGraph(net), (robot, obj, z), os.path.join(out_dir, 'embed.onnx'),
            ['robot_pc', 'object_pc', 'z'], ['phi_robot', 'phi_object'],
            {'robot_pc': {1: 'N'}, 'object_pc': {1: 'M'}, 'phi_robot': {1: 'N'}, 'phi_object': {1: 'M'}},
        )
        phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
        _export(
            KernelGraph(net), (phi_r[:, : min(n, 64)], phi_o), os.path.join(out_dir, 'kernel.onnx'),
            ['phi_robot', 'phi_object'], ['dro'],
            {'phi_robot': {1: 'R'}, 'phi_object': {1: 'M'}, 'dro': {1: 'R', 2: 'M'}},
        )


def write_manifest(
    out_dir: str,
    net: DroNetwork,
    hand: str,
    links: list,
    local: list,
    object_points: int,
    center_robot: bool,
    source: str,
    training: Optional[dict] = None,
) -> dict:
    if hand not in ('shadowhand', 'leaphand'):
        raise ValueError(f"dro.json: hand must be 'shadowhand' or 'leaphand', not {hand!r}")
    if len(links) != len(local):
        raise ValueError(f'dro.json: {len(links)} link names for {len(local)} robot points')
    cfg = net.cfg
    manifest = {
        'format': FORMAT,
        'hand': hand,
        'robotPoints': {'links': list(links), 'local': [[round(float(c), 7) for c in p] for p in local]},
        'objectPoints': int(object_points),
        'latent': cfg.latent_dim,
        'centerRobot': bool(center_robot),
        'embed': 'embed.onnx',
        'kernel': 'kernel.onnx',
        'featureDim': cfg.feature_dim,
        'source': source,
        'architecture': cfg.to_dict(),
        'parameters': sum(p.numel() for name, p in net.named_parameters() if not name.startswith('posterior.')),
    }
    if training:
        manifest['training'] = training
    with open(os.path.join(out_dir, 'dro.json'), 'w') as f:
        f.write(manifest_text(manifest))
    return manifest


def manifest_text(manifest: dict) -> str:
    """Indented JSON with one robot point per line (a 512-point file stays readable)."""
    points = manifest['robotPoints']
    text = json.dumps({**manifest, 'robotPoints': '@POINTS@'}, indent=1)
    inner = (
        '{\n  "links": ' + json.dumps(points['links']) + ',\n  "local": [\n'
        + ',\n'.join('   ' + json.dumps(p) for p in points['local']) + '\n  ]\n }'
    )
    return text.replace('"@POINTS@"', inner) + '\n'


def export_model(net: DroNetwork, out_dir: str, hand: str, links: list, local: list, object_points: int,
                 center_robot: bool, source: str, training: Optional[dict] = None) -> dict:
    export_onnx(net, out_dir, len(links), object_points)
    return write_manifest(out_dir, net, hand, links, local, object_points, center_robot, source, training)
