import { charNgrams, featureStrings, featureVector, hashFeature, messageTokens, messageReading, negatedPositions, vectorizeHashes, type FeatureOptions } from '../features';
import { decodeModel, encodeModel, intentProbability, quantizeWeights, strongestIntentWords, type TrainingMetadata } from '../model';
import { assignFolds, crossValidatedProbabilities, trainIntentModel, type HyperParameters, type TrainingExample } from '../train';

const SMALL: FeatureOptions = { bits: 12, charMin: 2, charMax: 4, wordBigrams: true, charAcrossWords: true, negationScope: true };
const HYPER: HyperParameters = { ...SMALL, l2: 1e-3, epochs: 150, learningRate: 0.05, positiveWeight: 1 };

const TOY: TrainingExample[] = [
  ...['I want a human', 'human please', 'let me talk to a human', 'get me a human now', 'a human agent please', 'need a human'].map((text) => ({
    text,
    language: 'en',
    escalate: true,
  })),
  ...['where is my parcel', 'opening hours please', 'how do I pay', 'is this in stock', 'shipping cost to Norway', 'change my address'].map((text) => ({
    text,
    language: 'en',
    escalate: false,
  })),
];

const METADATA: TrainingMetadata = { corpusHash: 'x', seed: 1, hyperParameters: {}, examples: 0, threshold: 0.5, crossValidation: {} };

describe('intent features', () => {
  it('hashes with FNV-1a (the same number on every machine)', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
  });

  it('takes the n-grams of a word padded with spaces', () => {
    expect(charNgrams('ab', 2, 3)).toEqual([' a', 'ab', 'b ', ' ab', 'ab ']);
  });

  it('reads capitals, missing diacritics and NFKC forms alike', () => {
    const options = { ...SMALL, wordBigrams: false };
    expect(featureVector('IHMISTÄ!', 'fi', options)).toEqual(featureVector('ihmista!', 'fi', options));
  });

  it('gives a unit-length vector with sorted, unique indices', () => {
    const vector = featureVector('Haluan puhua ihmisen kanssa, ihmisen!', 'fi', SMALL);
    const length = Math.sqrt(vector.values.reduce((sum, value) => sum + value * value, 0));
    expect(length).toBeCloseTo(1, 10);
    expect([...vector.indices].sort((a, b) => a - b)).toEqual(vector.indices);
    expect(new Set(vector.indices).size).toBe(vector.indices.length);
    expect(vectorizeHashes(8, () => undefined)).toEqual({ indices: [], values: [] });
  });

  it('hashes, character by character, exactly the documented feature strings', () => {
    const text = 'Voisko joku teiltä soittaa? Kiitos!';
    const tokens = messageTokens(text, 'fi');
    for (const options of [SMALL, { ...SMALL, charMin: 3, charMax: 5 }, { ...SMALL, wordBigrams: false, charAcrossWords: false }]) {
      const fromStrings = vectorizeHashes(options.bits, (emit) => featureStrings(text, tokens, options).forEach((feature) => emit(hashFeature(feature))));
      expect(featureVector(text, 'fi', options)).toEqual(fromStrings);
    }
    expect(featureStrings('ab', messageTokens('ab', 'en'), { ...SMALL, charMax: 2 })).toEqual(
      expect.arrayContaining(['c a', 'cab', 'cb ', 'w ab']),
    );
    expect(featureStrings('a b', messageTokens('a b', 'en'), SMALL)).toEqual(expect.arrayContaining(['xa b', 'x a b', 'xa b ', 'b a b']));
  });

  it('gives the stems inside a negation\'s scope features of their own, up to the end of the scope', () => {
    const text = 'En halua puhua ihmisen kanssa, mutta kiitos';
    const negated = negatedPositions(messageReading(text, 'fi'), SMALL);
    expect([...negated]).toEqual([1, 2, 3, 4]);
    expect(negatedPositions(messageReading(text, 'fi'), { ...SMALL, negationScope: false }).size).toBe(0);
    const tokens = messageTokens(text, 'fi');
    const strings = featureStrings(text, tokens, SMALL, negated);
    expect(strings).toEqual(expect.arrayContaining([`n ${tokens[2].stem}`, `w ${tokens[5].stem}`]));
    expect(strings).not.toContain(`w ${tokens[2].stem}`);
    const fromStrings = vectorizeHashes(SMALL.bits, (emit) => strings.forEach((feature) => emit(hashFeature(feature))));
    expect(featureVector(text, 'fi', SMALL)).toEqual(fromStrings);
  });
});

describe('intent model', () => {
  it('learns a separable toy set and scores unseen messages of each kind', () => {
    const model = trainIntentModel(TOY, HYPER);
    expect(intentProbability(model, 'a human please', 'en')).toBeGreaterThan(0.7);
    expect(intentProbability(model, 'where is my order', 'en')).toBeLessThan(0.3);
  });

  it('trains deterministically: the same examples give the same weights', () => {
    const first = trainIntentModel(TOY, HYPER);
    const second = trainIntentModel(TOY, HYPER);
    expect(second.bias).toBe(first.bias);
    expect(second.weights).toEqual(first.weights);
  });

  it('survives the trip through the weights file within one quantisation step', () => {
    const model = trainIntentModel(TOY, HYPER);
    const file = encodeModel(model, METADATA);
    const decoded = decodeModel(JSON.parse(JSON.stringify(file)));
    const { scale } = quantizeWeights(model.weights);
    model.weights.forEach((weight, index) => expect(Math.abs(decoded.weights[index] - weight)).toBeLessThanOrEqual(scale / 2 + 1e-9));
    expect(Math.abs(intentProbability(decoded, 'human please', 'en') - intentProbability(model, 'human please', 'en'))).toBeLessThan(0.01);
  });

  it('refuses a weights file of the wrong size', () => {
    const file = encodeModel(trainIntentModel(TOY, HYPER), METADATA);
    expect(() => decodeModel({ ...file, features: { ...file.features, bits: 13 } })).toThrow(/expected format 1 with 8192 weights/);
  });

  it('names the message words that pushed towards a person, function words left out', () => {
    const model = trainIntentModel(TOY, HYPER);
    const words = strongestIntentWords(model, 'I need a HUMAN to help', 'en');
    expect(words[0]).toBe('human');
    expect(words).not.toContain('a');
    expect(strongestIntentWords(model, 'where is my parcel', 'en')).not.toContain('human');
  });
});

describe('cross-validation', () => {
  it('deals each label evenly over the folds, the same way for the same seed', () => {
    const folds = assignFolds(TOY, 3, 7);
    expect(assignFolds(TOY, 3, 7)).toEqual(folds);
    for (const label of [true, false]) {
      const perFold = [0, 1, 2].map((fold) => TOY.filter((example, index) => example.escalate === label && folds[index] === fold).length);
      expect(perFold).toEqual([2, 2, 2]);
    }
  });

  it('scores every example by a model that did not see it', () => {
    const probabilities = crossValidatedProbabilities(TOY, [], HYPER, 3, 7);
    expect(probabilities).toHaveLength(TOY.length);
    for (const probability of probabilities) expect(probability).toBeGreaterThan(0);
  });
});
