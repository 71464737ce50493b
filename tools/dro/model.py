"""The project's own D(R,O) network (Wei et al., ICRA 2025), written from the paper and the public
description of zhenyuwei2003/DRO-Grasp; widths, point counts and k are configurable so the same code
makes the tiny test model, the reduced shipped models and a model at the official widths.

Shapes: robot_pc [B,N,3], object_pc [B,M,3], z [B,latent]; phi_* [B,*,F] with F = emb + latent;
dro [B,N,M] in metres.
"""

from dataclasses import asdict, dataclass, field
from typing import List, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class DroConfig:
    emb_dim: int = 512
    latent_dim: int = 64
    k: int = 32
    # 1x1 edge-conv widths of the DGCNN encoders; their per-layer maxima plus a global mean of the
    # last one are concatenated before the final projection to emb_dim.
    edge_widths: List[int] = field(default_factory=lambda: [64, 64, 128, 256, 512])
    heads: int = 4
    ff_dim: int = 1024
    kernel_hidden: List[int] = field(default_factory=lambda: [300, 100])
    # CVAE posterior encoder (training only)
    cvae_k: int = 20
    cvae_widths: List[int] = field(default_factory=lambda: [64, 64, 128, 256])
    cvae_head: List[int] = field(default_factory=lambda: [512, 256])
    # Three robot point indices on one rigid link (the palm). When set, the robot cloud is turned
    # into the frame they span before anything else sees it, so the network does not have to learn
    # to recognise the hand's points in every orientation (the initial orientation is random at
    # inference). None: the cloud is used as given (the official network).
    frame_points: Optional[List[int]] = None
    # With frame_points: turn the object cloud into the same palm frame. D is unchanged (one
    # rotation for both clouds), but the object's orientation relative to the palm, which the
    # initial configuration sets, then reaches the network and can pick one grasp of many.
    frame_object: bool = False

    @property
    def feature_dim(self) -> int:
        return self.emb_dim + self.latent_dim

    def to_dict(self) -> dict:
        return asdict(self)


def official_config() -> DroConfig:
    return DroConfig()


def knn_indices(points: torch.Tensor, k: int) -> torch.Tensor:
    """[B,N,3] -> [B,N,k] indices of the k nearest points (each point is its own nearest)."""
    sq = (points * points).sum(-1)
    d2 = sq.unsqueeze(2) - 2 * points @ points.transpose(1, 2) + sq.unsqueeze(1)
    return (-d2).topk(k, dim=-1)[1]


def edge_features(points: torch.Tensor, feats: Optional[torch.Tensor], k: int) -> torch.Tensor:
    """[B,N,3] -> [B,6(+C),N,k]: (neighbour xyz, centre xyz[, centre features]) per kNN edge.

    Neighbour first, centre second, as the official encoder concatenates them (not the usual
    DGCNN neighbour-minus-centre), so converted weights mean the same thing.
    """
    b, n, _ = points.shape
    idx = knn_indices(points, k)
    base = torch.arange(b, device=points.device).view(-1, 1, 1) * n
    flat = (idx + base).reshape(-1)
    neigh = points.reshape(b * n, 3)[flat].reshape(b, n, k, 3)
    centre = points.unsqueeze(2).expand(b, n, k, 3)
    parts = [neigh, centre]
    if feats is not None:
        parts.append(feats.unsqueeze(2).expand(b, n, k, feats.shape[-1]))
    return torch.cat(parts, dim=3).permute(0, 3, 1, 2)


def conv_bn(c_in: int, c_out: int, dims: int) -> nn.Sequential:
    conv = nn.Conv2d if dims == 2 else nn.Conv1d
    bn = nn.BatchNorm2d if dims == 2 else nn.BatchNorm1d
    return nn.Sequential(conv(c_in, c_out, kernel_size=1, bias=False), bn(c_out), nn.LeakyReLU(0.2))


class PointEncoder(nn.Module):
    """DGCNN with one static kNN graph on the coordinates: [B,N,3] -> [B,N,emb]."""

    def __init__(self, cfg: DroConfig):
        super().__init__()
        self.k = cfg.k
        widths = [6] + list(cfg.edge_widths)
        self.edge = nn.ModuleList(conv_bn(widths[i], widths[i + 1], 2) for i in range(len(cfg.edge_widths)))
        self.project = conv_bn(sum(cfg.edge_widths) + cfg.edge_widths[-1], cfg.emb_dim, 1)

    def forward(self, points: torch.Tensor) -> torch.Tensor:
        x = edge_features(points, None, self.k)
        pooled = []
        for layer in self.edge:
            x = layer(x)
            pooled.append(x.max(dim=-1)[0])
        n = points.shape[1]
        pooled.append(pooled[-1].mean(dim=-1, keepdim=True).expand(-1, -1, n))
        return self.project(torch.cat(pooled, dim=1)).transpose(1, 2)


class UnbiasedLayerNorm(nn.Module):
    """LayerNorm as the DRO transformer has it: unbiased std, eps added outside the square root."""

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        mean = x.mean(-1, keepdim=True)
        centred = x - mean
        std = torch.sqrt((centred * centred).sum(-1, keepdim=True) / (x.shape[-1] - 1))
        return self.gain * centred / (std + self.eps) + self.bias


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int):
        super().__init__()
        assert dim % heads == 0, f'emb_dim {dim} is not divisible by {heads} heads'
        self.heads = heads
        self.q = nn.Linear(dim, dim)
        self.k = nn.Linear(dim, dim)
        self.v = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, dim)

    def forward(self, query: torch.Tensor, memory: torch.Tensor) -> torch.Tensor:
        b, nq, d = query.shape
        h, dk = self.heads, d // self.heads
        q = self.q(query).reshape(b, -1, h, dk).transpose(1, 2)
        k = self.k(memory).reshape(b, -1, h, dk).transpose(1, 2)
        v = self.v(memory).reshape(b, -1, h, dk).transpose(1, 2)
        weights = torch.softmax(q @ k.transpose(-2, -1) / (dk ** 0.5), dim=-1)
        return self.out((weights @ v).transpose(1, 2).reshape(b, -1, d))


class FeedForward(nn.Module):
    def __init__(self, dim: int, hidden: int):
        super().__init__()
        self.inner = nn.Linear(dim, hidden)
        self.outer = nn.Linear(hidden, dim)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.outer(F.relu(self.inner(x)))


class CrossTransformer(nn.Module):
    """One pre-norm encoder block over the other cloud, one decoder block for this cloud
    (self-attention, cross-attention to the encoded other cloud, FFN), final norms on both."""

    def __init__(self, cfg: DroConfig):
        super().__init__()
        d = cfg.emb_dim
        self.enc_norm1, self.enc_attn = UnbiasedLayerNorm(d), Attention(d, cfg.heads)
        self.enc_norm2, self.enc_ff = UnbiasedLayerNorm(d), FeedForward(d, cfg.ff_dim)
        self.enc_final = UnbiasedLayerNorm(d)
        self.dec_norm1, self.dec_self = UnbiasedLayerNorm(d), Attention(d, cfg.heads)
        self.dec_norm2, self.dec_cross = UnbiasedLayerNorm(d), Attention(d, cfg.heads)
        self.dec_norm3, self.dec_ff = UnbiasedLayerNorm(d), FeedForward(d, cfg.ff_dim)
        self.dec_final = UnbiasedLayerNorm(d)

    def forward(self, own: torch.Tensor, other: torch.Tensor) -> torch.Tensor:
        m = other
        n = self.enc_norm1(m)
        m = m + self.enc_attn(n, n)
        m = m + self.enc_ff(self.enc_norm2(m))
        m = self.enc_final(m)
        x = own
        n = self.dec_norm1(x)
        x = x + self.dec_self(n, n)
        x = x + self.dec_cross(self.dec_norm2(x), m)
        x = x + self.dec_ff(self.dec_norm3(x))
        return self.dec_final(x)


class GraspPosteriorEncoder(nn.Module):
    """CVAE q(z | grasp): DGCNN over the target robot cloud and the object cloud with their
    features, pooled to a vector, then an MLP to (mu, logvar)."""

    def __init__(self, cfg: DroConfig):
        super().__init__()
        self.k = cfg.cvae_k
        widths = [6 + cfg.emb_dim] + list(cfg.cvae_widths)
        self.edge = nn.ModuleList(conv_bn(widths[i], widths[i + 1], 2) for i in range(len(cfg.cvae_widths)))
        self.project = conv_bn(sum(cfg.cvae_widths), cfg.emb_dim, 1)
        h1, h2 = cfg.cvae_head
        self.fc1 = nn.Sequential(nn.Linear(2 * cfg.emb_dim, h1, bias=False), nn.BatchNorm1d(h1), nn.LeakyReLU(0.2), nn.Dropout(0.5))
        self.fc2 = nn.Sequential(nn.Linear(h1, h2), nn.BatchNorm1d(h2), nn.LeakyReLU(0.2), nn.Dropout(0.5))
        self.fc3 = nn.Linear(h2, 2 * cfg.latent_dim)
        # residual block 2L -> 4L, then the two heads (the official latent encoder's shape)
        lat = cfg.latent_dim
        self.res_in = nn.Linear(2 * lat, 4 * lat)
        self.res_out = nn.Linear(4 * lat, 4 * lat)
        self.res_skip = nn.Linear(2 * lat, 4 * lat, bias=False)
        nn.init.zeros_(self.res_out.weight)
        self.mu = nn.Linear(4 * lat, lat)
        self.logvar = nn.Linear(4 * lat, lat)

    def forward(self, points: torch.Tensor, feats: torch.Tensor):
        x = edge_features(points, feats, self.k)
        pooled = []
        for layer in self.edge:
            x = layer(x)
            pooled.append(x.max(dim=-1)[0])
        x = self.project(torch.cat(pooled, dim=1))
        x = torch.cat([x.max(dim=-1)[0], x.mean(dim=-1)], dim=1)
        x = self.fc3(self.fc2(self.fc1(x)))
        h = self.res_in(F.relu(x))
        h = self.res_out(F.relu(h)) + self.res_skip(x)
        h = F.leaky_relu(h, 0.2)
        return self.mu(h), self.logvar(h)


def stable_softplus(x: torch.Tensor) -> torch.Tensor:
    # Same value as softplus; written with ops every ONNX runtime backend has.
    return F.relu(x) + torch.log(1 + torch.exp(-torch.abs(x)))


class SymmetricKernel(nn.Module):
    """dro(a, b) = softplus((MLP([a,b]) + MLP([b,a])) / 2), for every pair of rows of phi_robot and phi_object.

    The first layer is linear in [a,b], so W [a,b] = W_a a + W_b b: each point is projected once
    and only the hidden layers see the R x M pairs.
    """

    def __init__(self, cfg: DroConfig):
        super().__init__()
        f = cfg.feature_dim
        dims = [2 * f] + list(cfg.kernel_hidden) + [1]
        self.layers = nn.ModuleList(nn.Linear(dims[i], dims[i + 1]) for i in range(len(dims) - 1))
        self.f = f

    def forward(self, phi_a: torch.Tensor, phi_b: torch.Tensor) -> torch.Tensor:
        first = self.layers[0]
        wa, wb = first.weight[:, : self.f], first.weight[:, self.f:]
        a_first, a_second = phi_a @ wa.t(), phi_a @ wb.t()
        b_first, b_second = phi_b @ wa.t(), phi_b @ wb.t()
        v = []
        for pa, pb in ((a_first, b_second), (a_second, b_first)):
            h = F.relu(pa.unsqueeze(2) + pb.unsqueeze(1) + first.bias)
            for layer in self.layers[1:-1]:
                h = F.relu(layer(h))
            v.append(self.layers[-1](h).squeeze(-1))
        return stable_softplus((v[0] + v[1]) / 2)


def _unit(v: torch.Tensor) -> torch.Tensor:
    return v / torch.sqrt((v * v).sum(-1, keepdim=True) + 1e-12)


def link_frame(points: torch.Tensor, frame_points: List[int]) -> torch.Tensor:
    """[B,3,3] columns: the orthonormal frame (Gram-Schmidt) of three of the [B,N,3] points;
    points @ frame is invariant to any rotation of the input, exact when the three lie on one rigid link."""
    a, b, c = (points[:, i] for i in frame_points)
    e1 = _unit(b - a)
    u = c - a
    e2 = _unit(u - (u * e1).sum(-1, keepdim=True) * e1)
    # e1 x e2 written out (plain ops for every ONNX backend)
    e3 = torch.stack([
        e1[:, 1] * e2[:, 2] - e1[:, 2] * e2[:, 1],
        e1[:, 2] * e2[:, 0] - e1[:, 0] * e2[:, 2],
        e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0],
    ], dim=-1)
    return torch.stack([e1, e2, e3], dim=-1)


def in_link_frame(points: torch.Tensor, frame_points: List[int]) -> torch.Tensor:
    return points @ link_frame(points, frame_points)


class DroNetwork(nn.Module):
    def __init__(self, cfg: DroConfig):
        super().__init__()
        self.cfg = cfg
        self.robot_encoder = PointEncoder(cfg)
        self.object_encoder = PointEncoder(cfg)
        self.robot_transformer = CrossTransformer(cfg)
        self.object_transformer = CrossTransformer(cfg)
        self.posterior = GraspPosteriorEncoder(cfg)
        self.kernel = SymmetricKernel(cfg)

    def embed_points(self, robot_pc: torch.Tensor, object_pc: torch.Tensor):
        """Per-point embeddings after the cross transformers (robot_pc already centred if the model centres)."""
        if self.cfg.frame_points is not None:
            frame = link_frame(robot_pc, self.cfg.frame_points)
            robot_pc = robot_pc @ frame
            if self.cfg.frame_object:
                object_pc = object_pc @ frame
        r = self.robot_encoder(robot_pc)
        o = self.object_encoder(object_pc)
        return r + self.robot_transformer(r, o), o + self.object_transformer(o, r)

    @staticmethod
    def with_latent(r: torch.Tensor, o: torch.Tensor, z: torch.Tensor):
        zr = z.unsqueeze(1).expand(-1, r.shape[1], -1)
        zo = z.unsqueeze(1).expand(-1, o.shape[1], -1)
        return torch.cat([r, zr], dim=-1), torch.cat([o, zo], dim=-1)

    def posterior_latent(self, r, o, target_pc, object_pc):
        points = torch.cat([target_pc, object_pc], dim=1)
        feats = torch.cat([r, o], dim=1)
        return self.posterior(points, feats)

    def forward(self, robot_pc, object_pc, target_pc=None, z=None):
        """Training (target_pc given): z from the posterior, returns (dro, mu, logvar).
        Inference: z given or drawn from N(0, I), returns (dro, None, None)."""
        r, o = self.embed_points(robot_pc, object_pc)
        mu = logvar = None
        if target_pc is not None:
            mu, logvar = self.posterior_latent(r, o, target_pc, object_pc)
            z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        elif z is None:
            z = torch.randn(robot_pc.shape[0], self.cfg.latent_dim, device=robot_pc.device)
        phi_r, phi_o = self.with_latent(r, o, z)
        return self.kernel(phi_r, phi_o), mu, logvar


class EmbedGraph(nn.Module):
    """What embed.onnx computes: (robot_pc, object_pc, z) -> (phi_robot, phi_object)."""

    def __init__(self, net: DroNetwork):
        super().__init__()
        self.net = net

    def forward(self, robot_pc, object_pc, z):
        r, o = self.net.embed_points(robot_pc, object_pc)
        return self.net.with_latent(r, o, z)


class KernelGraph(nn.Module):
    """What kernel.onnx computes: (phi_robot rows, phi_object) -> dro rows."""

    def __init__(self, net: DroNetwork):
        super().__init__()
        self.kernel = net.kernel

    def forward(self, phi_robot, phi_object):
        return self.kernel(phi_robot, phi_object)


def randomize_batchnorm(net: nn.Module, gen: torch.Generator) -> None:
    """Random running statistics and affine terms, so a random-weight export exercises them."""
    for m in net.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            c = m.num_features
            m.running_mean.copy_(torch.randn(c, generator=gen) * 0.1)
            m.running_var.copy_(torch.rand(c, generator=gen) * 0.5 + 0.75)
            m.weight.data.copy_(torch.rand(c, generator=gen) * 0.5 + 0.75)
            m.bias.data.copy_(torch.randn(c, generator=gen) * 0.1)
