/**
 * Generates a tiny BERT-architecture model that transformers.js can load from a local directory, so the real
 * `TransformersEmbedder` code path is testable on a machine without internet (no downloaded weights).
 *
 *   npx tsx scripts/make-tiny-model.ts [outDir]     (default: tests/fixtures/tiny-bert)
 *
 * Output: config.json, tokenizer.json (WordPiece, BERT normaliser/pre-tokeniser), tokenizer_config.json and
 * onnx/model.onnx (opset 13). No `model_quantized.onnx` is written: the embedder loads the full-precision file
 * when a local model has no quantized one. The output is byte-for-byte deterministic (fixed seed, fixed
 * vocabulary, fixed field order) so the fixture can be committed and re-checked.
 *
 * The graph is one real (if tiny) transformer encoder layer: word + position + token-type embeddings,
 * LayerNorm, single-head self-attention with the attention mask, residual + LayerNorm, a GELU feed-forward
 * block, residual + LayerNorm. LayerNorm and GELU are spelled out in primitive ops because opset 13 (what
 * onnxruntime-node 1.14 comfortably runs) has neither.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const ATTR = onnx.AttributeProto.AttributeType;

/** Architecture of the fixture; small enough that the whole fixture stays well under 300 KB. */
export const TINY_BERT = {
  hiddenSize: 32,
  intermediateSize: 64,
  maxPositions: 128,
  typeVocabSize: 2,
  layerNormEps: 1e-12,
  seed: 0x6b616f63, // "kaoc"
  opset: 13,
  irVersion: 7,
} as const;

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const CJK_PUNCTUATION = '，。、；：？！“”‘’《》（）【】—…·「」';
const DIGITS_AND_LETTERS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Frequent Han characters of the sample corpus (NFKC, frequency ≥ 2, capped at 800) plus the characters of the
 * bge query instruction and of the test sentences. Fixed here rather than read from data/ so the fixture does not
 * change when articles are added.
 */
const CJK_CHARACTERS =
  '一万三上下不与专世业东两个中丰临为主举乃久么义之乌乎九也习乡书了争事二于互五亚些交产享京亮亲人亿什仁仅今介从他代令以们件任份企众优会伟传伴但位住体何余作佳使供依' +
  '侧便促俊保信借值假做停储兄充先光党入全八公六共关兴兵其具典内再写军农冲决况净准凑几出击分切划列刘则创初利别到制刻前副力办功加务动助努励劲势勃勇勋包匆化北匙区医十' +
  '升午半华协单南博占卫危即厂厅历压厚原厦去县参又及友双发取受变口句只召可台史号司各合吉同名后向君否含听启吴吸员周命和品响售唯商啥善喊嘉四回因团园困围固国图圈土在地' +
  '圳场均坐坚型城域培基堵境增处备外多大天央头奋契奔套好如始委姿娄媒子字存季学宁安完宗定宝实审客家容密富察对寻导寿将小就局层居届展山岳岸州工巨差己已巴市布希帙带席常' +
  '幅干平年并广应底府度座建开式引弘弟张弱强归当形彭影彻往征径待很得微德心必志快念怀态怎思急性总恒息悟情想意感愿慧成我战户所手才扎打托扣扩扫扬批找承技把抓投折抢报担' +
  '拓招拥括拼持指按挖挥振换据捷排掘接推措提搏携摄撑擎支收改攻放政效教敢散数整文斗料断新方施旅无既日旨时昌明易星春是显晓景智暖更最月有朋服望期木未本术机李材村条来杭' +
  '板极构析果架标株样核根格桃框案检模次正此步武段每比毛民气水永求汉江池污沈沉沙油治法波注洲活流济浙浦浩海深清港游湖湘湾源满潜潮澳激火灵点炼烈热焦然照片牌牢物牵特率' +
  '玉王环现班球理生用由电画界留略百的目盯直相省看真眼着督知短石研破础确示社神禀科程稳究突立站竞章端竹第等筑答策签管篇粤精系索紧红约级线组细织终绍经结绕统绩续维综编' +
  '网置署羊美群老考者而职联聚股育胡能脉腾自至色节苏范获营落蓝融行补表装西要见观规视觉角解言订认让训议记讲论设访识试话说读调谈谋谱象负财责质贯贸资赋赢赣走赴起超越足' +
  '距跟路践身车转轮软载辑边达迅过迈运近返还这进远连迫通速造遇道部郴都醒释里重野量金鉴针铁链销锂锚锡键镇长门问闯间闻阔阳阴阶际陆陈限院随难集非面革页项领频题风馆首马' +
  '验高鸟';

/** The WordPiece vocabulary: specials first (so [PAD] is id 0), then whole-word and `##` continuation pieces. */
export function tinyVocabulary(): string[] {
  const pieces = [...DIGITS_AND_LETTERS];
  const vocabulary = [
    ...SPECIAL_TOKENS,
    ...ASCII_PUNCTUATION,
    ...CJK_PUNCTUATION,
    ...pieces,
    ...pieces.map((p) => `##${p}`),
    ...CJK_CHARACTERS,
  ];
  if (new Set(vocabulary).size !== vocabulary.length) throw new Error('make-tiny-model: duplicate vocabulary entry');
  return vocabulary;
}

/** mulberry32: a tiny, well-known seeded PRNG; enough for reproducible pseudo-random weights. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Dims = number[];

interface GraphBuilder {
  nodes: onnxProto.onnx.INodeProto[];
  initializers: onnxProto.onnx.ITensorProto[];
}

function floatTensor(name: string, dims: Dims, values: ArrayLike<number>): onnxProto.onnx.ITensorProto {
  // Explicit little-endian bytes: ONNX raw_data is little-endian regardless of the host.
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return { name, dims, dataType: FLOAT, rawData: bytes };
}

function int64Tensor(name: string, dims: Dims, values: number[]): onnxProto.onnx.ITensorProto {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return { name, dims, dataType: INT64, rawData: bytes };
}

function node(
  g: GraphBuilder,
  opType: string,
  inputs: string[],
  output: string,
  attribute: onnxProto.onnx.IAttributeProto[] = [],
): string {
  g.nodes.push({ opType, input: inputs, output: [output], name: `${opType}_${g.nodes.length}`, attribute });
  return output;
}

function randomWeights(g: GraphBuilder, random: () => number, name: string, dims: Dims, scale: number): string {
  const count = dims.reduce((a, b) => a * b, 1);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * scale;
  g.initializers.push(floatTensor(name, dims, values));
  return name;
}

function constantWeights(g: GraphBuilder, name: string, dims: Dims, value: number): string {
  const count = dims.reduce((a, b) => a * b, 1);
  g.initializers.push(floatTensor(name, dims, new Float32Array(count).fill(value)));
  return name;
}

/** LayerNorm over the last axis from primitives (LayerNormalization is opset 17). */
function layerNorm(g: GraphBuilder, x: string, prefix: string): string {
  const h = TINY_BERT.hiddenSize;
  const axes = [{ name: 'axes', type: ATTR.INTS, ints: [-1] }];
  const mean = node(g, 'ReduceMean', [x], `${prefix}/mean`, axes);
  const centred = node(g, 'Sub', [x, mean], `${prefix}/centred`);
  const squared = node(g, 'Mul', [centred, centred], `${prefix}/squared`);
  const variance = node(g, 'ReduceMean', [squared], `${prefix}/variance`, axes);
  const stable = node(g, 'Add', [variance, 'const/eps'], `${prefix}/variance_eps`);
  const std = node(g, 'Sqrt', [stable], `${prefix}/std`);
  const normed = node(g, 'Div', [centred, std], `${prefix}/normed`);
  const scaled = node(g, 'Mul', [normed, constantWeights(g, `${prefix}.weight`, [h], 1)], `${prefix}/scaled`);
  return node(g, 'Add', [scaled, constantWeights(g, `${prefix}.bias`, [h], 0)], `${prefix}/out`);
}

/** x·W + b with W of shape [inSize, outSize], uniform init with unit-ish output variance. */
function dense(g: GraphBuilder, random: () => number, x: string, prefix: string, inSize: number, outSize: number): string {
  const weight = randomWeights(g, random, `${prefix}.weight`, [inSize, outSize], Math.sqrt(3 / inSize));
  const bias = randomWeights(g, random, `${prefix}.bias`, [outSize], 0.02);
  const product = node(g, 'MatMul', [x, weight], `${prefix}/matmul`);
  return node(g, 'Add', [product, bias], `${prefix}/out`);
}

/** Builds the encoded ONNX model for a vocabulary of `vocabSize` tokens. */
export function buildTinyBertOnnx(vocabSize: number): Uint8Array {
  const { hiddenSize: h, intermediateSize, maxPositions, typeVocabSize, seed } = TINY_BERT;
  const random = seededRandom(seed);
  const g: GraphBuilder = { nodes: [], initializers: [] };

  g.initializers.push(
    floatTensor('const/eps', [], [TINY_BERT.layerNormEps]),
    floatTensor('const/one', [], [1]),
    floatTensor('const/half', [], [0.5]),
    floatTensor('const/sqrt2', [], [Math.SQRT2]),
    floatTensor('const/attention_scale', [], [1 / Math.sqrt(h)]),
    // Large negative bias for padded keys, as in BERT's extended attention mask.
    floatTensor('const/mask_bias', [], [-10000]),
    int64Tensor('const/i0', [], [0]),
    int64Tensor('const/i1', [], [1]),
    int64Tensor('const/axis1', [1], [1]),
  );

  // Embeddings.
  const wordTable = randomWeights(g, random, 'embeddings.word_embeddings.weight', [vocabSize, h], 1);
  const positionTable = randomWeights(g, random, 'embeddings.position_embeddings.weight', [maxPositions, h], 1);
  const typeTable = randomWeights(g, random, 'embeddings.token_type_embeddings.weight', [typeVocabSize, h], 1);
  const words = node(g, 'Gather', [wordTable, 'input_ids'], 'embeddings/words');
  const types = node(g, 'Gather', [typeTable, 'token_type_ids'], 'embeddings/types');
  const shape = node(g, 'Shape', ['input_ids'], 'embeddings/shape');
  const seqLength = node(g, 'Gather', [shape, 'const/i1'], 'embeddings/seq_length', [{ name: 'axis', type: ATTR.INT, i: 0 }]);
  const positionIds = node(g, 'Range', ['const/i0', seqLength, 'const/i1'], 'embeddings/position_ids');
  const positions = node(g, 'Gather', [positionTable, positionIds], 'embeddings/positions');
  const summed = node(g, 'Add', [node(g, 'Add', [words, types], 'embeddings/words_types'), positions], 'embeddings/sum');
  const embedded = layerNorm(g, summed, 'embeddings.LayerNorm');

  // Single-head self-attention; padded keys get a large negative score so they receive ~0 weight.
  const query = dense(g, random, embedded, 'attention.query', h, h);
  const key = dense(g, random, embedded, 'attention.key', h, h);
  const value = dense(g, random, embedded, 'attention.value', h, h);
  const keyT = node(g, 'Transpose', [key], 'attention/key_t', [{ name: 'perm', type: ATTR.INTS, ints: [0, 2, 1] }]);
  const rawScores = node(g, 'MatMul', [query, keyT], 'attention/raw_scores');
  const scores = node(g, 'Mul', [rawScores, 'const/attention_scale'], 'attention/scores');
  const maskFloat = node(g, 'Cast', ['attention_mask'], 'attention/mask_float', [{ name: 'to', type: ATTR.INT, i: FLOAT }]);
  const mask3d = node(g, 'Unsqueeze', [maskFloat, 'const/axis1'], 'attention/mask_3d');
  const inverted = node(g, 'Sub', ['const/one', mask3d], 'attention/mask_inverted');
  const maskBias = node(g, 'Mul', [inverted, 'const/mask_bias'], 'attention/mask_bias');
  const masked = node(g, 'Add', [scores, maskBias], 'attention/masked_scores');
  const probs = node(g, 'Softmax', [masked], 'attention/probs', [{ name: 'axis', type: ATTR.INT, i: -1 }]);
  const context = node(g, 'MatMul', [probs, value], 'attention/context');
  const attended = dense(g, random, context, 'attention.output', h, h);
  const afterAttention = layerNorm(g, node(g, 'Add', [attended, embedded], 'attention/residual'), 'attention.LayerNorm');

  // Feed-forward block with exact (erf) GELU: 0.5·x·(1 + erf(x/√2)).
  const up = dense(g, random, afterAttention, 'intermediate.dense', h, intermediateSize);
  const erf = node(g, 'Erf', [node(g, 'Div', [up, 'const/sqrt2'], 'intermediate/scaled')], 'intermediate/erf');
  const gate = node(g, 'Add', [erf, 'const/one'], 'intermediate/gate');
  const halfUp = node(g, 'Mul', [up, 'const/half'], 'intermediate/half');
  const gelu = node(g, 'Mul', [halfUp, gate], 'intermediate/gelu');
  const down = dense(g, random, gelu, 'output.dense', intermediateSize, h);
  const residual = node(g, 'Add', [down, afterAttention], 'output/residual');
  const finalNorm = layerNorm(g, residual, 'output.LayerNorm');
  node(g, 'Identity', [finalNorm], 'last_hidden_state');

  const tokenInput = (name: string): onnxProto.onnx.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType: INT64, shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }] } } },
  });
  const model = onnx.ModelProto.create({
    irVersion: TINY_BERT.irVersion,
    opsetImport: [{ domain: '', version: TINY_BERT.opset }],
    producerName: 'kaocha make-tiny-model',
    graph: {
      name: 'tiny_bert',
      node: g.nodes,
      initializer: g.initializers,
      input: [tokenInput('input_ids'), tokenInput('attention_mask'), tokenInput('token_type_ids')],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: FLOAT,
              shape: { dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }, { dimValue: h }] },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocabulary: string[]): object {
  const id = (token: string) => vocabulary.indexOf(token);
  const special = (token: string) => ({ id: token, ids: [id(token)], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: id(content),
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.map((token, i) => [token, i])),
    },
  };
}

/** Writes the fixture into `outDir`; returns the written paths relative to it. */
export async function writeTinyBertModel(outDir: string): Promise<string[]> {
  const vocabulary = tinyVocabulary();
  const { hiddenSize, intermediateSize, maxPositions, typeVocabSize, layerNormEps } = TINY_BERT;
  const config = {
    _name_or_path: 'kaocha/tiny-bert',
    architectures: ['BertModel'],
    model_type: 'bert',
    vocab_size: vocabulary.length,
    hidden_size: hiddenSize,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: intermediateSize,
    hidden_act: 'gelu',
    max_position_embeddings: maxPositions,
    type_vocab_size: typeVocabSize,
    layer_norm_eps: layerNormEps,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    tokenize_chinese_chars: true,
    // Inputs are truncated to the position table's length.
    model_max_length: maxPositions,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
  const files: Array<[string, string | Uint8Array]> = [
    ['config.json', `${JSON.stringify(config, null, 2)}\n`],
    ['tokenizer.json', `${JSON.stringify(tokenizerJson(vocabulary))}\n`],
    ['tokenizer_config.json', `${JSON.stringify(tokenizerConfig, null, 2)}\n`],
    ['onnx/model.onnx', buildTinyBertOnnx(vocabulary.length)],
  ];
  await fs.mkdir(path.join(outDir, 'onnx'), { recursive: true });
  for (const [name, content] of files) await fs.writeFile(path.join(outDir, name), content);
  return files.map(([name]) => name);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(process.argv[2] ?? 'tests/fixtures/tiny-bert');
  const written = await writeTinyBertModel(outDir);
  let total = 0;
  for (const name of written) total += (await fs.stat(path.join(outDir, name))).size;
  console.log(`make-tiny-model: wrote ${written.join(', ')} to ${outDir} (${(total / 1024).toFixed(1)} KB)`);
}
