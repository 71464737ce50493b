"""Checks convert_official.py on random state_dicts with the official names and shapes.

    cd tools/dro && /usr/bin/python3 -m unittest test_convert_official

The reference forward pass below reads the weights by their official names and follows the
official computation as described in its code (static kNN graph, edge = [neighbour, centre],
pre-norm transformer with the unbiased-std LayerNorm, symmetric kernel); it shares no code with
model.py, so a wrong mapping (say q and k swapped, or the two transformers crossed) fails here.
"""

import math
import unittest

import torch
import torch.nn.functional as F

from convert_official import convert
from model import EmbedGraph, KernelGraph

OFFICIAL = dict(emb=512, latent=64, edge=[64, 64, 128, 256, 512], cvae=[64, 64, 128, 256], ff=1024, kernel=[300, 100], head=[512, 256])
SMALL = dict(emb=16, latent=64, edge=[8, 8, 16, 16, 32], cvae=[8, 8, 16, 16], ff=24, kernel=[20, 10], head=[24, 12])


def official_state_dict(s, gen):
    """A random state_dict laid out like the official Network's (names and shapes)."""
    sd = {}
    r = lambda *shape: torch.randn(*shape, generator=gen) * (1 / math.sqrt(shape[1] if len(shape) > 1 else 1))

    def bn(name, c):
        sd[f'{name}.weight'] = 1 + 0.1 * torch.randn(c, generator=gen)
        sd[f'{name}.bias'] = 0.1 * torch.randn(c, generator=gen)
        sd[f'{name}.running_mean'] = 0.1 * torch.randn(c, generator=gen)
        sd[f'{name}.running_var'] = 0.8 + 0.4 * torch.rand(c, generator=gen)
        sd[f'{name}.num_batches_tracked'] = torch.tensor(1000)

    def linear(name, o, i, bias=True):
        sd[f'{name}.weight'] = r(o, i)
        if bias:
            sd[f'{name}.bias'] = 0.1 * torch.randn(o, generator=gen)

    for enc in ('encoder_robot', 'encoder_object'):
        c_in = 6
        for i, c in enumerate(s['edge']):
            sd[f'{enc}.conv{i + 1}.0.weight'] = r(c, c_in).view(c, c_in, 1, 1)
            bn(f'{enc}.conv{i + 1}.1', c)
            c_in = c
        cat = sum(s['edge']) + s['edge'][-1]
        sd[f'{enc}.conv6.0.weight'] = r(s['emb'], cat).view(s['emb'], cat, 1)
        bn(f'{enc}.conv6.1', s['emb'])
    d = s['emb']
    for tf in ('transformer_robot', 'transformer_object'):
        for part, attns, subs in (('encoder', ['self_attn'], 2), ('decoder', ['self_attn', 'src_attn'], 3)):
            base = f'{tf}.model.{part}.layers.0'
            for a in attns:
                for j in range(4):
                    linear(f'{base}.{a}.linears.{j}', d, d)
            linear(f'{base}.feed_forward.w_1', s['ff'], d)
            linear(f'{base}.feed_forward.w_2', d, s['ff'])
            for j in range(subs):
                sd[f'{base}.sublayer.{j}.norm.a_2'] = 1 + 0.1 * torch.randn(d, generator=gen)
                sd[f'{base}.sublayer.{j}.norm.b_2'] = 0.1 * torch.randn(d, generator=gen)
            sd[f'{tf}.model.{part}.norm.a_2'] = 1 + 0.1 * torch.randn(d, generator=gen)
            sd[f'{tf}.model.{part}.norm.b_2'] = 0.1 * torch.randn(d, generator=gen)
    c_in = 6 + d
    for i, c in enumerate(s['cvae']):
        sd[f'point_encoder.conv{i + 1}.0.weight'] = r(c, c_in).view(c, c_in, 1, 1)
        bn(f'point_encoder.bn{i + 1}', c)
        c_in = c
    sd['point_encoder.conv5.0.weight'] = r(d, sum(s['cvae'])).view(d, sum(s['cvae']), 1)
    bn('point_encoder.bn5', d)
    linear('point_encoder.linear1', s['head'][0], 2 * d, bias=False)
    bn('point_encoder.bn6', s['head'][0])
    linear('point_encoder.linear2', s['head'][1], s['head'][0])
    bn('point_encoder.bn7', s['head'][1])
    linear('point_encoder.linear3', 2 * s['latent'], s['head'][1])
    # the official module registers bn1..bn5 a second time inside conv1..conv5
    for i in range(5):
        for f in ('weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'):
            sd[f'point_encoder.conv{i + 1}.1.{f}'] = sd[f'point_encoder.bn{i + 1}.{f}']
    lat = s['latent']
    linear('latent_encoder.block.fc_0', 4 * lat, 2 * lat)
    linear('latent_encoder.block.fc_1', 4 * lat, 4 * lat)
    linear('latent_encoder.block.shortcut', 4 * lat, 2 * lat, bias=False)
    linear('latent_encoder.fc_mu', lat, 4 * lat)
    linear('latent_encoder.fc_logvar', lat, 4 * lat)
    f = d + lat
    dims = [2 * f] + s['kernel'] + [1]
    for i in range(3):
        linear(f'kernel.mlp.{3 * i}', dims[i + 1], dims[i])
    return sd


def reference_dro(sd, robot, obj, z, k):
    """D(R,O) straight from the official names (batch 1, eval mode)."""
    def bn(x, name, axis):
        shape = [1] * x.dim()
        shape[axis] = -1
        g = lambda f: sd[f'{name}.{f}'].view(shape)
        return (x - g('running_mean')) / torch.sqrt(g('running_var') + 1e-5) * g('weight') + g('bias')

    def encoder(pts, enc):
        p = pts[0]
        d2 = ((p[:, None, :] - p[None, :, :]) ** 2).sum(-1)
        nb = d2.argsort(dim=1)[:, :k]
        x = torch.cat([p[nb], p[:, None, :].expand(-1, k, -1)], dim=-1)  # [N,k,6]
        pooled = []
        for i in range(1, 6):
            w = sd[f'{enc}.conv{i}.0.weight'][:, :, 0, 0]
            x = F.leaky_relu(bn(torch.einsum('nkc,oc->nko', x, w), f'{enc}.conv{i}.1', 2), 0.2)
            pooled.append(x.max(dim=1).values)
        pooled.append(pooled[-1].mean(0, keepdim=True).expand(p.shape[0], -1))
        h = torch.cat(pooled, dim=1) @ sd[f'{enc}.conv6.0.weight'][:, :, 0].T
        return F.leaky_relu(bn(h, f'{enc}.conv6.1', 1), 0.2)

    def ln(x, name):
        return sd[f'{name}.a_2'] * (x - x.mean(-1, keepdim=True)) / (x.std(-1, keepdim=True) + 1e-6) + sd[f'{name}.b_2']

    def lin(x, name):
        return x @ sd[f'{name}.weight'].T + sd[f'{name}.bias']

    def mha(q_in, kv, name, heads=4):
        q, kk, v = (lin(t, f'{name}.linears.{j}') for j, t in enumerate((q_in, kv, kv)))
        dk = q.shape[-1] // heads
        outs = []
        for h in range(heads):
            sl = slice(h * dk, (h + 1) * dk)
            a = torch.softmax(q[:, sl] @ kk[:, sl].T / math.sqrt(dk), dim=-1)
            outs.append(a @ v[:, sl])
        return lin(torch.cat(outs, dim=-1), f'{name}.linears.3')

    def ffn(x, name):
        return lin(torch.relu(lin(x, f'{name}.w_1')), f'{name}.w_2')

    def transformer(own, other, tf):
        e, dd = f'{tf}.model.encoder', f'{tf}.model.decoder'
        m = other
        m = m + mha(ln(m, f'{e}.layers.0.sublayer.0.norm'), ln(m, f'{e}.layers.0.sublayer.0.norm'), f'{e}.layers.0.self_attn')
        m = m + ffn(ln(m, f'{e}.layers.0.sublayer.1.norm'), f'{e}.layers.0.feed_forward')
        m = ln(m, f'{e}.norm')
        x = own
        n = ln(x, f'{dd}.layers.0.sublayer.0.norm')
        x = x + mha(n, n, f'{dd}.layers.0.self_attn')
        x = x + mha(ln(x, f'{dd}.layers.0.sublayer.1.norm'), m, f'{dd}.layers.0.src_attn')
        x = x + ffn(ln(x, f'{dd}.layers.0.sublayer.2.norm'), f'{dd}.layers.0.feed_forward')
        return ln(x, f'{dd}.norm')

    r = encoder(robot, 'encoder_robot')
    o = encoder(obj, 'encoder_object')
    r2 = r + transformer(r, o, 'transformer_robot')
    o2 = o + transformer(o, r, 'transformer_object')
    a = torch.cat([r2, z.expand(r2.shape[0], -1)], dim=1)
    b = torch.cat([o2, z.expand(o2.shape[0], -1)], dim=1)

    def mlp(x):
        x = torch.relu(lin(x, 'kernel.mlp.0'))
        x = torch.relu(lin(x, 'kernel.mlp.3'))
        return lin(x, 'kernel.mlp.6')[..., 0]

    na, nb_ = a.shape[0], b.shape[0]
    ab = torch.cat([a[:, None, :].expand(-1, nb_, -1), b[None, :, :].expand(na, -1, -1)], dim=-1)
    ba = torch.cat([b[None, :, :].expand(na, -1, -1), a[:, None, :].expand(-1, nb_, -1)], dim=-1)
    return F.softplus((mlp(ab) + mlp(ba)) / 2)[None], torch.cat([r2, o2])


class ConvertOfficial(unittest.TestCase):
    def test_official_sizes_are_accepted(self):
        net = convert(official_state_dict(OFFICIAL, torch.Generator().manual_seed(0)))
        cfg = net.cfg
        self.assertEqual((cfg.emb_dim, cfg.latent_dim, cfg.k, cfg.feature_dim), (512, 64, 32, 576))
        self.assertEqual(cfg.kernel_hidden, [300, 100])
        self.assertEqual(net.ignored_official, [])
        inference = sum(p.numel() for n, p in net.named_parameters() if not n.startswith('posterior.'))
        self.assertTrue(12.0e6 < inference < 13.5e6, inference)

    def test_converted_network_computes_the_official_forward_pass(self):
        gen = torch.Generator().manual_seed(1)
        sd = official_state_dict(SMALL, gen)
        for i in (0, 3, 6):  # spread the distances, so the comparison below is not between near-constants
            sd[f'kernel.mlp.{i}.weight'] *= 4
        net = convert({'state_dict': {f'network.{k}': v for k, v in sd.items()}}, k=6)
        robot = torch.randn(1, 40, 3, generator=gen) * 0.05
        obj = torch.randn(1, 30, 3, generator=gen) * 0.05
        z = torch.randn(1, 64, generator=gen)
        with torch.no_grad():
            phi_r, phi_o = EmbedGraph(net)(robot, obj, z)
            ours = KernelGraph(net)(phi_r, phi_o)
            expected, embeddings = reference_dro(sd, robot, obj, z, 6)
        torch.testing.assert_close(torch.cat([phi_r[0, :, :16], phi_o[0, :, :16]]), embeddings, rtol=1e-4, atol=1e-5)
        torch.testing.assert_close(ours, expected, rtol=1e-4, atol=1e-5)
        self.assertGreater(expected.std().item(), 1e-2)  # not a constant output

    def test_missing_and_misshaped_tensors_are_named(self):
        sd = official_state_dict(SMALL, torch.Generator().manual_seed(2))
        del sd['transformer_object.model.decoder.layers.0.src_attn.linears.2.bias']
        sd['kernel.mlp.3.weight'] = torch.zeros(10, 7)
        with self.assertRaises(ValueError) as err:
            convert(sd)
        self.assertIn('missing transformer_object.model.decoder.layers.0.src_attn.linears.2.bias', str(err.exception))
        self.assertIn('kernel.mlp.3.weight has shape (10, 7)', str(err.exception))

    def test_other_checkpoints_are_refused_clearly(self):
        with self.assertRaises(ValueError) as err:
            convert({'conv.weight': torch.zeros(3)})
        self.assertIn('not an official DRO state_dict', str(err.exception))


if __name__ == '__main__':
    unittest.main()
