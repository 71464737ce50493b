"""The palm-frame input of the reduced models: the network's output must not depend on the initial
hand orientation, and the ONNX export must keep that (run: cd tools/dro && python3 -m unittest test_palm_frame)."""

import unittest

import torch

from data import random_rotations
from model import DroConfig, DroNetwork, in_link_frame


class PalmFrameTest(unittest.TestCase):
    def test_frame_removes_any_rotation(self):
        gen = torch.Generator().manual_seed(3)
        pc = torch.randn(2, 40, 3, generator=gen) * 0.05
        rot = random_rotations(2, gen)
        a = in_link_frame(pc, [0, 5, 9])
        b = in_link_frame(pc @ rot.transpose(1, 2), [0, 5, 9])
        self.assertLess((a - b).abs().max().item(), 1e-5)
        # distances between points are kept
        self.assertLess((torch.cdist(a, a) - torch.cdist(pc, pc)).abs().max().item(), 1e-5)

    def test_network_ignores_initial_orientation_only_with_frame(self):
        gen = torch.Generator().manual_seed(4)
        pc = torch.randn(1, 32, 3, generator=gen) * 0.05
        obj = torch.randn(1, 32, 3, generator=gen) * 0.05
        z = torch.randn(1, 8, generator=gen)
        turned = pc @ random_rotations(1, gen).transpose(1, 2)
        for frame, invariant in (([0, 7, 20], True), (None, False)):
            cfg = DroConfig(emb_dim=16, latent_dim=8, k=4, edge_widths=[8, 8], heads=2, ff_dim=16,
                            kernel_hidden=[8], cvae_k=4, cvae_widths=[8], cvae_head=[16, 16], frame_points=frame)
            net = DroNetwork(cfg).eval()
            with torch.no_grad():
                d1, _, _ = net(pc, obj, z=z)
                d2, _, _ = net(turned, obj, z=z)
            gap = (d1 - d2).abs().max().item()
            if invariant:
                self.assertLess(gap, 1e-5)
            else:
                self.assertGreater(gap, 1e-4)

    def test_object_frame_lets_the_relative_orientation_through(self):
        gen = torch.Generator().manual_seed(5)
        pc = torch.randn(1, 32, 3, generator=gen) * 0.05
        obj = torch.randn(1, 32, 3, generator=gen) * 0.05
        z = torch.randn(1, 8, generator=gen)
        rot = random_rotations(1, gen).transpose(1, 2)
        cfg = DroConfig(emb_dim=16, latent_dim=8, k=4, edge_widths=[8, 8], heads=2, ff_dim=16, kernel_hidden=[8],
                        cvae_k=4, cvae_widths=[8], cvae_head=[16, 16], frame_points=[0, 7, 20], frame_object=True)
        net = DroNetwork(cfg).eval()
        with torch.no_grad():
            d, _, _ = net(pc, obj, z=z)
            both, _, _ = net(pc @ rot, obj @ rot, z=z)
            hand_only, _, _ = net(pc @ rot, obj, z=z)
        # turning hand and object together changes no distance, so neither may the prediction
        self.assertLess((d - both).abs().max().item(), 1e-5)
        # turning the hand alone changes which side of the object it faces
        self.assertGreater((d - hand_only).abs().max().item(), 1e-4)


if __name__ == '__main__':
    unittest.main()
