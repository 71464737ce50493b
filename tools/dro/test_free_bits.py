"""The free-bits KL term of train.py (run: cd tools/dro && python3 -m unittest test_free_bits)."""

import unittest

import torch

from train import kl_divergence, kl_penalty


class FreeBitsTest(unittest.TestCase):
    def test_off_is_the_plain_kl(self):
        gen = torch.Generator().manual_seed(0)
        mu, logvar = torch.randn(5, 8, generator=gen), torch.randn(5, 8, generator=gen) * 0.3
        self.assertAlmostEqual(kl_penalty(mu, logvar, 0.0).item(), kl_divergence(mu, logvar).item(), places=5)

    def test_dimensions_under_their_share_are_not_penalised(self):
        mu = torch.zeros(4, 8, requires_grad=True)
        logvar = torch.zeros(4, 8)
        with torch.no_grad():
            mu[:, 0] = 3.0  # dimension 0: KL 4.5 nats, the others 0
        # 8 nats over 8 dimensions: each counts at least 1 nat
        value = kl_penalty(mu, logvar, 8.0)
        self.assertAlmostEqual(value.item(), 4.5 + 7 * 1.0, places=5)
        value.backward()
        self.assertGreater(mu.grad[:, 0].abs().min().item(), 0)  # above its share: still pulled to the prior
        self.assertEqual(mu.grad[:, 1:].abs().max().item(), 0)  # under it: free


if __name__ == '__main__':
    unittest.main()
