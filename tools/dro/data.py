"""Training data from the files tools/dro/export-hand-points.ts writes (the project's kinematics,
objects and grasps): robot point sampling, robot clouds at grasps and initial poses, object clouds."""

import json
import math
import os

import numpy as np
import torch


def column_major(m) -> np.ndarray:
    """The TypeScript core's column-major 4x4 (three.js order) as a row-major numpy matrix."""
    return np.asarray(m, dtype=np.float64).reshape(4, 4).T


def farthest_point_sampling(points: np.ndarray, n: int) -> np.ndarray:
    """Indices of n points, each the farthest from those already chosen; starts at point 0 (deterministic)."""
    if n > len(points):
        raise ValueError(f'farthest point sampling: asked for {n} of {len(points)} points')
    chosen = np.zeros(n, dtype=np.int64)
    dist = np.full(len(points), np.inf)
    for i in range(1, n):
        dist = np.minimum(dist, ((points - points[chosen[i - 1]]) ** 2).sum(1))
        chosen[i] = int(dist.argmax())
    return chosen


def transform(mats: np.ndarray, link_index: np.ndarray, local: np.ndarray) -> np.ndarray:
    """Points in each link's frame -> the frame the per-link matrices map into."""
    m = mats[link_index]
    return np.einsum('nij,nj->ni', m[:, :3, :3], local) + m[:, :3, 3]


class HandPoints:
    """The robot cloud of a model: n points on the links, chosen at the canonical pose."""

    def __init__(self, hand_file: str, n: int):
        with open(hand_file) as f:
            spec = json.load(f)
        self.hand = spec['hand']
        self.links = spec['links']
        samples = [np.asarray(spec['linkSamples'][l], dtype=np.float64) for l in self.links]
        all_local = np.concatenate(samples)
        all_link = np.concatenate([np.full(len(s), i) for i, s in enumerate(samples)])
        canonical = np.stack([column_major(m) for m in spec['canonical']['matrices']])
        picked = farthest_point_sampling(transform(canonical, all_link, all_local), n)
        self.link_index = all_link[picked]
        self.local = all_local[picked]
        # robot points at the initial joint values p·lower + (1−p)·upper, root frame
        self.initial = np.stack([
            transform(np.stack([column_major(m) for m in g['matrices']]), self.link_index, self.local)
            for g in spec['initial']
        ])

    def manifest_points(self):
        return [self.links[i] for i in self.link_index], self.local.tolist()

    def at(self, matrices) -> np.ndarray:
        return transform(np.stack([column_major(m) for m in matrices]), self.link_index, self.local)


def random_rotations(count: int, gen: torch.Generator) -> torch.Tensor:
    """Uniform random rotations (normalised Gaussian quaternions) as [count,3,3]."""
    q = torch.randn(count, 4, generator=gen)
    q = q / q.norm(dim=1, keepdim=True)
    x, y, z, w = q.unbind(1)
    return torch.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
        2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
        2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
    ], dim=1).reshape(count, 3, 3)


def axis_angle_rotations(count: int, max_angle: float, gen: torch.Generator) -> torch.Tensor:
    axis = torch.randn(count, 3, generator=gen)
    axis = axis / axis.norm(dim=1, keepdim=True)
    angle = torch.rand(count, generator=gen) * max_angle
    k = torch.zeros(count, 3, 3)
    k[:, 0, 1], k[:, 0, 2], k[:, 1, 2] = -axis[:, 2], axis[:, 1], -axis[:, 0]
    k = k - k.transpose(1, 2)
    s, c = torch.sin(angle).view(-1, 1, 1), torch.cos(angle).view(-1, 1, 1)
    return torch.eye(3) + s * k + (1 - c) * (k @ k)


def quaternion_matrix(q) -> np.ndarray:
    x, y, z, w = np.asarray(q, dtype=np.float64) / np.linalg.norm(q)
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


class GraspSet:
    """Batches of (initial robot cloud, object cloud, target robot cloud, true D)."""

    def __init__(self, data_dir: str, hand: str, n: int, m: int):
        self.points = HandPoints(os.path.join(data_dir, f'{hand}-hand.json'), n)
        with open(os.path.join(data_dir, f'{hand}-grasps.json')) as f:
            grasps = json.load(f)['grasps']
        with open(os.path.join(data_dir, 'objects.json')) as f:
            objects = json.load(f)['objects']
        if not grasps:
            raise ValueError(f'{data_dir}/{hand}-grasps.json holds no grasps')
        self.categories = sorted(objects)
        self.object_dense = torch.tensor(np.stack([np.asarray(objects[c]).reshape(-1, 3) for c in self.categories]), dtype=torch.float32)
        self.grasp_object = torch.tensor([self.categories.index(g['category']) for g in grasps])
        self.target = torch.tensor(np.stack([self.points.at(g['matrices']) for g in grasps]), dtype=torch.float32)
        self.root_rotation = torch.tensor(np.stack([quaternion_matrix(g['root']['quaternion']) for g in grasps]), dtype=torch.float32)
        self.initial = torch.tensor(self.points.initial, dtype=torch.float32)
        self.m = m
        self.grasp_category = [g['category'] for g in grasps]

    def __len__(self):
        return len(self.target)

    def object_points(self, idx: torch.Tensor, gen: torch.Generator, noise: float) -> torch.Tensor:
        """M points drawn without replacement from each grasp's object's dense cloud, with noise."""
        dense = self.object_dense[self.grasp_object[idx]]
        pick = torch.stack([torch.randperm(dense.shape[1], generator=gen)[: self.m] for _ in range(len(idx))])
        obj = torch.gather(dense, 1, pick.unsqueeze(-1).expand(-1, -1, 3))
        if noise > 0:
            obj = obj + torch.randn(obj.shape, generator=gen) * noise
        return obj

    def batch(self, idx: torch.Tensor, gen: torch.Generator, init_angle: float, noise: float):
        """init_angle (radians): the initial hand orientation is the grasp's turned by up to this
        much about a random axis; pi or more gives uniformly random orientations, as at inference."""
        b = len(idx)
        obj = self.object_points(idx, gen, noise)
        target = self.target[idx]
        if init_angle >= math.pi:
            rot = random_rotations(b, gen)
        else:
            rot = axis_angle_rotations(b, init_angle, gen) @ self.root_rotation[idx]
        grid = torch.randint(len(self.initial), (b,), generator=gen)
        initial = self.initial[grid] @ rot.transpose(1, 2)
        initial = initial - initial.mean(dim=1, keepdim=True)
        return initial, obj, target, torch.cdist(target, obj)

    def nearest_batch(self, pool: torch.Tensor, b: int, gen: torch.Generator, noise: float):
        """Inference's initial configurations (uniformly random orientation) each paired with the
        grasp in pool, on a random object, whose root orientation is nearest: the orientation then
        picks one grasp instead of the network having to predict their average. Returns the batch
        and the grasp indices."""
        rot = random_rotations(b, gen)
        cat = self.grasp_object[pool][torch.randint(len(pool), (b,), generator=gen)]
        # trace(R_a^T R_b) grows as the angle between them shrinks
        closeness = torch.einsum('bij,gij->bg', rot, self.root_rotation[pool])
        closeness[self.grasp_object[pool].unsqueeze(0) != cat.unsqueeze(1)] = -math.inf
        idx = pool[closeness.argmax(1)]
        obj = self.object_points(idx, gen, noise)
        target = self.target[idx]
        grid = torch.randint(len(self.initial), (b,), generator=gen)
        initial = self.initial[grid] @ rot.transpose(1, 2)
        initial = initial - initial.mean(dim=1, keepdim=True)
        return (initial, obj, target, torch.cdist(target, obj)), idx
