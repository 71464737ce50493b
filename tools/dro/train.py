"""Trains a reduced DRO model for one built-in hand on grasps from the sample generator and exports
it to the hoi-studio/dro@1 contract. Runs on CPU within a time budget, then exports.

    npx tsx tools/dro/export-hand-points.ts --hand shadowhand --out tools/dro/data/shadowhand
    OMP_NUM_THREADS=1 nice -n 19 /usr/bin/python3 tools/dro/train.py --hand shadowhand --minutes 25 \\
        --data tools/dro/data/shadowhand --out public/models/dro/shadowhand
"""

import argparse
import csv
import math
import os
import sys
import time

import torch

from data import GraspSet
from export import export_model
from model import DroConfig, DroNetwork


def reduced_config(args, frame_points) -> DroConfig:
    return DroConfig(
        emb_dim=args.emb, latent_dim=64, k=args.k, edge_widths=[32, 32, 64, 64, 128], heads=4, ff_dim=2 * args.emb,
        kernel_hidden=[64, 32], cvae_k=args.k, cvae_widths=[32, 32, 64, 64], cvae_head=[128, 128],
        frame_points=frame_points, frame_object=frame_points is not None and args.pairing == 'nearest',
    )


def palm_frame_points(points) -> list:
    """Three well-spread robot points on the first link (the palm of both built-in hands): the
    first one, the one farthest from it, and the one farthest from the line through those two."""
    on_palm = (points.link_index == 0).nonzero()[0]
    if len(on_palm) < 3:
        raise ValueError(f'only {len(on_palm)} robot points on {points.links[0]}: cannot fix a frame')
    p = points.local[on_palm]
    a = 0
    b = int(((p - p[a]) ** 2).sum(1).argmax())
    ab = (p[b] - p[a]) / ((p[b] - p[a]) ** 2).sum() ** 0.5
    off = (p - p[a]) - ((p - p[a]) @ ab)[:, None] * ab
    c = int((off ** 2).sum(1).argmax())
    return [int(on_palm[a]), int(on_palm[b]), int(on_palm[c])]


def per_object_mean_baseline(data, train_idx, idx, seed):
    """L1 of predicting, for each validation grasp, the mean D over the training grasps of its
    object (on the same object points): what a model that ignores z and the hand's pose can reach."""
    gen = torch.Generator().manual_seed(seed)
    _, obj, _, gt = data.batch(idx, gen, math.pi, 0.0)
    errors = []
    for b, g in enumerate(idx.tolist()):
        same = train_idx[data.grasp_object[train_idx] == data.grasp_object[g]]
        mean_d = torch.cdist(data.target[same], obj[b].expand(len(same), -1, -1)).mean(0)
        errors.append((mean_d - gt[b]).abs().mean())
    return torch.stack(errors).mean().item()


def kl_divergence(mu, logvar):
    """Per-sample KL(q(z|grasp) || N(0, I)), summed over the latent dimensions, batch mean."""
    return (-0.5 * (1 + logvar - mu * mu - logvar.exp()).sum(1)).mean()


def kl_penalty(mu, logvar, free_bits):
    """The KL term the loss uses. free_bits > 0 (nats, total): each latent dimension's batch-mean KL
    counts at least free_bits / latent size, so no dimension is pushed below that share and the
    posterior can keep a few nats of information about the grasp (Kingma et al. 2016)."""
    per_dim = (-0.5 * (1 + logvar - mu * mu - logvar.exp())).mean(0)
    if free_bits <= 0:
        return per_dim.sum()
    return per_dim.clamp(min=free_bits / per_dim.numel()).sum()


def evaluate(net, data, idx, args, seed):
    gen = torch.Generator().manual_seed(seed)
    net.eval()
    with torch.no_grad():
        initial, obj, target, gt = data.batch(idx, gen, args.val_angle, 0.0)
        post, mu, logvar = net(initial, obj, target_pc=target)
        # the posterior mean, and z = 0 (the prior's mode) as inference would use it
        r, o = net.embed_points(initial, obj)
        phi_r, phi_o = net.with_latent(r, o, mu)
        at_mean = net.kernel(phi_r, phi_o)
        phi_r, phi_o = net.with_latent(r, o, torch.zeros_like(mu))
        prior = net.kernel(phi_r, phi_o)
    net.train()
    l1 = lambda d: (d - gt).abs().mean().item()
    return {'val_l1_posterior_mean': l1(at_mean), 'val_l1_prior_zero': l1(prior), 'val_l1_sampled': l1(post)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--hand', required=True, choices=['shadowhand', 'leaphand'])
    ap.add_argument('--data', required=True, help='folder written by export-hand-points.ts')
    ap.add_argument('--out', required=True, help='model folder to write (dro.json, embed.onnx, kernel.onnx)')
    ap.add_argument('--work', default=None, help='checkpoints and loss curve (default tools/dro/out/<hand>)')
    ap.add_argument('--minutes', type=float, default=25, help='wall-clock cap: training stops at --steps or this, whichever comes first')
    ap.add_argument('--steps', type=int, default=1000, help='steps the learning rate decays over (cosine, to 5 %%)')
    ap.add_argument('--pairing', choices=['nearest', 'given'], default='given',
                    help='nearest: a uniformly random initial orientation (as at inference) with the training grasp of '
                         'the object whose root orientation is nearest, and the object cloud in the palm frame too; '
                         'given: a random grasp with an initial orientation within --init-angle of its own')
    ap.add_argument('--points', type=int, default=128, help='robot points N and object points M')
    ap.add_argument('--k', type=int, default=8)
    ap.add_argument('--emb', type=int, default=64)
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--kl-weight', type=float, default=1e-4)
    ap.add_argument('--free-bits', type=float, default=0.0,
                    help='nats (total over the latent) of KL the loss does not penalise, spread evenly over the dimensions (0: off)')
    ap.add_argument('--kl-warmup', type=float, default=0.2,
                    help='fraction of --steps over which the KL weight ramps up from 0 (keeps z in use)')
    ap.add_argument('--no-palm-frame', action='store_true',
                    help='feed the robot cloud as it is (default: turn it into the palm frame first, see model.py)')
    ap.add_argument('--init-angle', type=float, default=180.0,
                    help='degrees the initial hand orientation may differ from the grasp (180: uniformly random, as at inference)')
    ap.add_argument('--noise-mm', type=float, default=1.0, help='Gaussian noise on the object points')
    ap.add_argument('--loss-rows', type=int, default=64, help='robot points (rows of D) in each step\'s loss')
    ap.add_argument('--loss-cols', type=int, default=32, help='object points (columns of D) in each step\'s loss')
    ap.add_argument('--val-fraction', type=float, default=0.1)
    ap.add_argument('--seed', type=int, default=0)
    args = ap.parse_args()
    args.init_angle = math.radians(args.init_angle)
    # validation grasps start near their own orientation when the orientation picks the grasp
    args.val_angle = math.radians(30) if args.pairing == 'nearest' else args.init_angle
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    work = args.work or os.path.join(os.path.dirname(__file__), 'out', args.hand)
    os.makedirs(work, exist_ok=True)

    data = GraspSet(args.data, args.hand, args.points, args.points)
    gen = torch.Generator().manual_seed(args.seed)
    order = torch.randperm(len(data), generator=gen)
    n_val = max(1, int(len(data) * args.val_fraction))
    val_idx, train_idx = order[:n_val], order[n_val:]
    # a fixed slice of the validation grasps is scored during training (CPU time is scarce)
    val_probe = val_idx[:32]
    frame_points = None if args.no_palm_frame else palm_frame_points(data.points)
    cfg = reduced_config(args, frame_points)
    baseline = per_object_mean_baseline(data, train_idx, val_idx, seed=1)
    net = DroNetwork(cfg)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    print(f'{args.hand}: {len(train_idx)} training / {n_val} validation grasps, {len(data.categories)} objects, '
          f'N = M = {args.points}, F = {cfg.feature_dim}, palm frame points {frame_points}; '
          f'baseline (per-object mean D) val L1 {baseline * 1000:.2f} mm', flush=True)

    curve_path = os.path.join(work, 'loss.csv')
    curve = open(curve_path, 'w', newline='')
    writer = csv.writer(curve)
    writer.writerow(['step', 'samples', 'cpu_s', 'lr', 'train_l1', 'train_kl', 'val_l1_posterior_mean', 'val_l1_prior_zero', 'val_l1_sampled'])
    budget = args.minutes * 60
    started, cpu0 = time.time(), time.process_time()
    step, samples, ema_l1, ema_kl = 0, 0, None, None
    last_val = {}
    while step < args.steps and time.time() - started < budget:
        # by steps, not time: a job starved of CPU must not reach the end of its schedule early
        frac = step / args.steps
        lr = args.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
        for g in opt.param_groups:
            g['lr'] = lr
        if args.pairing == 'nearest':
            (initial, obj, target, gt), idx = data.nearest_batch(train_idx, args.batch, gen, args.noise_mm / 1000)
        else:
            idx = train_idx[torch.randint(len(train_idx), (args.batch,), generator=gen)]
            initial, obj, target, gt = data.batch(idx, gen, args.init_angle, args.noise_mm / 1000)
        # The kernel over all N x M pairs is most of a step's cost; the loss on a random block of
        # rows and columns each step is an unbiased estimate of it at a fraction of the cost.
        rows = torch.randperm(args.points, generator=gen)[: args.loss_rows]
        cols = torch.randperm(args.points, generator=gen)[: args.loss_cols]
        r, o = net.embed_points(initial, obj)
        mu, logvar = net.posterior_latent(r, o, target, obj)
        z = mu + torch.randn(mu.shape, generator=gen) * torch.exp(0.5 * logvar)
        phi_r, phi_o = net.with_latent(r, o, z)
        dro = net.kernel(phi_r[:, rows], phi_o[:, cols])
        l1 = (dro - gt[:, rows][:, :, cols]).abs().mean()
        kl = kl_divergence(mu, logvar)
        kl_term = kl_penalty(mu, logvar, args.free_bits) if args.free_bits > 0 else kl
        loss = l1 + args.kl_weight * min(1.0, frac / args.kl_warmup if args.kl_warmup > 0 else 1.0) * kl_term
        opt.zero_grad()
        loss.backward()
        if all(p.grad is None or torch.isfinite(p.grad).all() for p in net.parameters()):
            opt.step()
        step += 1
        samples += args.batch
        ema_l1 = l1.item() if ema_l1 is None else 0.95 * ema_l1 + 0.05 * l1.item()
        ema_kl = kl.item() if ema_kl is None else 0.95 * ema_kl + 0.05 * kl.item()
        if step % 25 == 0:
            last_val = evaluate(net, data, val_probe, args, seed=1)
            writer.writerow([step, samples, round(time.process_time() - cpu0, 1), f'{lr:.2e}', f'{ema_l1:.5f}', f'{ema_kl:.3f}']
                            + [f'{last_val[k]:.5f}' for k in ('val_l1_posterior_mean', 'val_l1_prior_zero', 'val_l1_sampled')])
            curve.flush()
            print(f'step {step} ({samples} samples, {time.time() - started:.0f} s): train L1 {ema_l1 * 1000:.2f} mm, '
                  f'KL {ema_kl:.2f}, val L1 {last_val["val_l1_posterior_mean"] * 1000:.2f} mm (posterior mean) / '
                  f'{last_val["val_l1_prior_zero"] * 1000:.2f} mm (z = 0)', flush=True)
        if step % 500 == 0:
            torch.save({'config': cfg.to_dict(), 'state_dict': net.state_dict(), 'step': step}, os.path.join(work, 'checkpoint.pt'))
    curve.close()
    last_val = evaluate(net, data, val_idx, args, seed=1)
    wall, cpu = time.time() - started, time.process_time() - cpu0
    torch.save({'config': cfg.to_dict(), 'state_dict': net.state_dict(), 'step': step}, os.path.join(work, 'checkpoint.pt'))

    links, local = data.points.manifest_points()
    training = {
        'command': ' '.join([os.path.basename(sys.executable)] + sys.argv),
        'data': f'{len(data)} grasps ({len(train_idx)} train / {n_val} validation) from tools/dro/export-hand-points.ts',
        'categories': data.categories,
        'steps': step, 'batch': args.batch, 'samplesSeen': samples,
        'wallSeconds': round(wall), 'cpuSeconds': round(cpu),
        'lossBlock': [args.loss_rows, args.loss_cols],
        'pairing': args.pairing, 'scheduleSteps': args.steps, 'valInitAngleDeg': round(math.degrees(args.val_angle), 1),
        'initAngleDeg': round(math.degrees(args.init_angle), 1), 'klWeight': args.kl_weight, 'klWarmup': args.kl_warmup, 'freeBitsNats': args.free_bits,
        'noiseMm': args.noise_mm, 'palmFramePoints': frame_points,
        'baselinePerObjectMeanL1M': round(baseline, 6),
        'finalTrainL1M': round(ema_l1, 6), 'finalTrainKl': round(ema_kl, 3),
        **{k: round(v, 6) for k, v in last_val.items()},
        'lossCurve': 'training-loss.csv',
    }
    export_model(net, args.out, args.hand, links, local, args.points, True,
                 f'HOI Studio reduced DRO, trained by tools/dro/train.py on sample-generator grasps ({args.hand})', training)
    with open(curve_path) as src, open(os.path.join(args.out, 'training-loss.csv'), 'w') as dst:
        dst.write(src.read())
    print(f'exported {args.out}: {step} steps, {samples} samples in {wall:.0f} s wall / {cpu:.0f} CPU s; '
          f'val L1 {last_val["val_l1_posterior_mean"] * 1000:.2f} mm (posterior mean), {last_val["val_l1_prior_zero"] * 1000:.2f} mm (z = 0)')


if __name__ == '__main__':
    main()
