/**
 * The minimal tokenizer contract NAA needs from a CLIP `tokenizer.json`: its `model.vocab`
 * (token → id) and the `<|startoftext|>` / `<|endoftext|>` tokens. Text is lower-cased and split
 * into words and punctuation; each word is looked up whole as `word</w>` (CLIP's end-of-word form).
 * That is exact for queries whose words are single tokens in CLIP's vocabulary (common English
 * words such as "photo", "blade", "part" are); a word that is not is an error naming it, rather
 * than a silently different embedding: full BPE merges are not implemented.
 */
export interface ClipTokens {
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
}

export class ClipTokenizer {
  private readonly vocab: Map<string, number>;
  private readonly bos: number;
  private readonly eos: number;

  constructor(
    tokenizerJson: string,
    private readonly label: string,
    private readonly maxLength = 77,
  ) {
    let raw: { model?: { vocab?: Record<string, number> } };
    try {
      raw = JSON.parse(tokenizerJson);
    } catch (e) {
      throw new Error(`${label}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    const v = raw?.model?.vocab;
    if (!v || typeof v !== 'object') throw new Error(`${label}: no "model.vocab" (a CLIP tokenizer.json has one)`);
    this.vocab = new Map(Object.entries(v).filter(([, id]) => Number.isInteger(id)));
    const need = (t: string) => {
      const id = this.vocab.get(t);
      if (id === undefined) throw new Error(`${label}: the vocabulary has no "${t}"`);
      return id;
    };
    this.bos = need('<|startoftext|>');
    this.eos = need('<|endoftext|>');
  }

  encode(text: string): ClipTokens {
    const words = text.toLowerCase().match(/[a-z0-9]+|[^\sa-z0-9]/g) ?? [];
    const ids = [this.bos];
    for (const w of words) {
      const id = this.vocab.get(`${w}</w>`);
      if (id === undefined) throw new Error(`${this.label}: "${w}" is not a whole-word token of this vocabulary (only whole-word queries are supported)`);
      ids.push(id);
    }
    ids.push(this.eos);
    if (ids.length > this.maxLength) throw new Error(`query "${text}" is ${ids.length} tokens, more than ${this.maxLength}`);
    const inputIds = new BigInt64Array(this.maxLength);
    const attentionMask = new BigInt64Array(this.maxLength);
    // Padded with the end token, as CLIP's tokenizer does.
    for (let i = 0; i < this.maxLength; i++) {
      inputIds[i] = BigInt(i < ids.length ? ids[i] : this.eos);
      attentionMask[i] = i < ids.length ? 1n : 0n;
    }
    return { inputIds, attentionMask };
  }
}
