"""Tiny SAM and CLIP stand-ins as ONNX, with the input/output names and layouts of the Hugging Face /
transformers.js exports (SlimSAM: vision_encoder + prompt_encoder_mask_decoder; CLIP: text_model +
vision_model), and behaviour the tests can predict:

* vision_encoder: pixel_values [B,3,1024,1024] -> image_embeddings [B,256,64,64] (16x16 average pool,
  channels repeated);
* prompt_encoder_mask_decoder: image_embeddings, input_points [B,P,1,2] (1024-pixel frame),
  input_labels [B,P,1] -> iou_scores [B,P,3] (0.5, 0.9, 0.7), pred_masks [B,P,3,256,256]: logits
  r^2 - d^2 of discs of radius 24, 48, 96 (1024 frame) around each point; the best candidate
  (0.9) is the 48-pixel disc;
* vision_model: pixel_values [B,3,224,224] (CLIP-normalised) -> image_embeds [B,32]: the mean
  colour of the pixels weighted by how much they differ from their 3x3 neighbourhood (sharp,
  textured pixels count, blurred ones barely), in the first three dimensions;
* text_model: input_ids, attention_mask [B,77] -> text_embeds [B,32]: the sum over tokens of a
  per-token colour (zero for function words), in the same three dimensions.

Deterministic, weights only from constants. Run with Debian's python3 + torch 1.13 + onnx:

    /usr/bin/python3 tools/naa/make_tiny_models.py [--out public/models/naa-tiny]
"""

import argparse
import json
import os

import torch
from torch import nn

EMB = 32
CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]
# The colours NAA's renderer gives faces lit at 45 degrees / head-on (src/core/affordance/rasterize.ts
# shade(): 0.25 + 0.75 |n| per channel), as directions: "blade" = a face whose normal is (1,1,0)/sqrt2,
# "handle" = normal (1,0,0), "top" = normal (0,0,1).
WORDS = ['<|startoftext|>', '<|endoftext|>', 'a', 'photo', 'of', 'the', 'part', 'blade', 'handle', 'top', 'tip', 'chuck', 'needle', 'nozzle', 'head', 'bowl', 'body', 'camera']
s = 0.25 + 0.75 * 0.5 ** 0.5
COLOURS = {'blade': [s, s, 0.25], 'handle': [1.0, 0.25, 0.25], 'top': [0.25, 0.25, 1.0]}


class VisionEncoder(nn.Module):
    def forward(self, pixel_values):
        pooled = nn.functional.avg_pool2d(pixel_values, 16)
        return pooled.repeat(1, 86, 1, 1)[:, :256]


class MaskDecoder(nn.Module):
    def __init__(self):
        super().__init__()
        g = (torch.arange(256, dtype=torch.float32) + 0.5) * 4
        self.register_buffer('gx', g.view(1, 1, 1, 1, 256))
        self.register_buffer('gy', g.view(1, 1, 1, 256, 1))
        self.register_buffer('r2', torch.tensor([24.0, 48.0, 96.0]).pow(2).view(1, 1, 3, 1, 1))
        self.register_buffer('iou', torch.tensor([0.5, 0.9, 0.7]).view(1, 1, 3))

    def forward(self, image_embeddings, input_points, input_labels):
        px = input_points[:, :, 0, 0].unsqueeze(-1).unsqueeze(-1).unsqueeze(-1)
        py = input_points[:, :, 0, 1].unsqueeze(-1).unsqueeze(-1).unsqueeze(-1)
        d2 = (self.gx - px) ** 2 + (self.gy - py) ** 2
        # The embeddings and labels take part (as zero) so the graph keeps SAM's inputs.
        zero = image_embeddings.mean() * 0 + input_labels.to(torch.float32).sum() * 0
        pred_masks = (self.r2 - d2) / 1000 + zero
        iou_scores = self.iou.expand(input_points.shape[0], input_points.shape[1], 3) + zero
        return iou_scores, pred_masks


class VisionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('mean', torch.tensor(CLIP_MEAN).view(1, 3, 1, 1))
        self.register_buffer('std', torch.tensor(CLIP_STD).view(1, 3, 1, 1))

    def forward(self, pixel_values):
        c = pixel_values * self.std + self.mean
        local = nn.functional.avg_pool2d(c, 3, stride=1, padding=1, count_include_pad=False)
        w = (c - local).abs().mean(dim=1, keepdim=True)
        colour = (w * c).sum(dim=(2, 3)) / (w.sum(dim=(2, 3)) + 1e-6)
        return torch.cat([colour, torch.zeros(colour.shape[0], EMB - 3)], dim=1)


class TextModel(nn.Module):
    def __init__(self):
        super().__init__()
        table = torch.zeros(len(WORDS), EMB)
        for word, col in COLOURS.items():
            table[WORDS.index(word), :3] = torch.tensor(col)
        self.register_buffer('table', table)

    def forward(self, input_ids, attention_mask):
        ids = input_ids.clamp(0, len(WORDS) - 1)
        e = self.table[ids] * attention_mask.unsqueeze(-1).to(torch.float32)
        return e.sum(dim=1)


def export(model, args, names_in, names_out, dynamic, path):
    torch.onnx.export(model, args, path, input_names=names_in, output_names=names_out, dynamic_axes=dynamic, opset_version=17, do_constant_folding=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '../../public/models/naa-tiny'))
    args = ap.parse_args()
    sam_dir, clip_dir = os.path.join(args.out, 'sam'), os.path.join(args.out, 'clip')
    os.makedirs(os.path.join(sam_dir, 'onnx'), exist_ok=True)
    os.makedirs(os.path.join(clip_dir, 'onnx'), exist_ok=True)
    export(VisionEncoder(), (torch.zeros(1, 3, 1024, 1024),), ['pixel_values'], ['image_embeddings'], {'pixel_values': {0: 'batch'}, 'image_embeddings': {0: 'batch'}}, os.path.join(sam_dir, 'onnx/vision_encoder.onnx'))
    export(MaskDecoder(), (torch.zeros(1, 256, 64, 64), torch.zeros(1, 4, 1, 2), torch.ones(1, 4, 1, dtype=torch.int64)), ['image_embeddings', 'input_points', 'input_labels'], ['iou_scores', 'pred_masks'],
           {'image_embeddings': {0: 'batch'}, 'input_points': {0: 'batch', 1: 'point_batch'}, 'input_labels': {0: 'batch', 1: 'point_batch'}, 'iou_scores': {0: 'batch', 1: 'point_batch'}, 'pred_masks': {0: 'batch', 1: 'point_batch'}},
           os.path.join(sam_dir, 'onnx/prompt_encoder_mask_decoder.onnx'))
    export(VisionModel(), (torch.zeros(1, 3, 224, 224),), ['pixel_values'], ['image_embeds'], {'pixel_values': {0: 'batch'}, 'image_embeds': {0: 'batch'}}, os.path.join(clip_dir, 'onnx/vision_model.onnx'))
    export(TextModel(), (torch.zeros(1, 77, dtype=torch.int64), torch.ones(1, 77, dtype=torch.int64)), ['input_ids', 'attention_mask'], ['text_embeds'], {'input_ids': {0: 'batch'}, 'attention_mask': {0: 'batch'}, 'text_embeds': {0: 'batch'}}, os.path.join(clip_dir, 'onnx/text_model.onnx'))
    # Word-level vocabulary in tokenizer.json's layout (CLIP's BPE vocab marks word ends with </w>).
    vocab = {w if w.startswith('<|') else w + '</w>': i for i, w in enumerate(WORDS)}
    with open(os.path.join(clip_dir, 'tokenizer.json'), 'w') as f:
        json.dump({'model': {'type': 'BPE', 'vocab': vocab}, 'added_tokens': [{'id': 0, 'content': '<|startoftext|>'}, {'id': 1, 'content': '<|endoftext|>'}]}, f, indent=1)
    with open(os.path.join(sam_dir, 'preprocessor_config.json'), 'w') as f:
        json.dump({'image_mean': [0.485, 0.456, 0.406], 'image_std': [0.229, 0.224, 0.225], 'longest_edge': 1024, 'mask_size': 256}, f, indent=1)
    with open(os.path.join(clip_dir, 'preprocessor_config.json'), 'w') as f:
        json.dump({'image_mean': CLIP_MEAN, 'image_std': CLIP_STD, 'size': 224, 'max_length': 77}, f, indent=1)
    print('wrote', args.out)


if __name__ == '__main__':
    main()
