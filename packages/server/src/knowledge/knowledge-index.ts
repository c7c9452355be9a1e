import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeArticleRecord } from '../model/knowledge.model.ts';
import { isCjkTerm, isConceptTerm, readText, tokenize } from './tokenize.ts';
import { cosine, editDistance, idf, norm, vectorOf, type TermVector } from './similarity.ts';

/** What a search may be narrowed to. */
export interface SearchFilter {
  /** Only articles for this channel (or for all channels). */
  channel?: string;
  /** Only articles with an answer in this language. */
  language?: 'zh' | 'en';
  /** At most this many matches (default 5). */
  limit?: number;
}

/** An article that matches a question, with a score in [0, 1] and its closest question. */
export interface KnowledgeMatch {
  article: KnowledgeArticleRecord;
  score: number;
  question: string;
}

/** Two articles whose questions nearly coincide, with the two questions that met. */
export interface NearDuplicate {
  ids: [string, string];
  score: number;
  questions: [string, string];
}

/** An article as a whole ({@link KnowledgeIndex} `centroid`). */
interface Centroid {
  vector: TermVector;
  /** The mean similarity of its own phrasings to it. */
  self: number;
}

interface Entry {
  article: KnowledgeArticleRecord;
  questionTerms: string[][];
  /** Every term of every phrasing: what the article as a whole speaks of. */
  articleTerms: ReadonlySet<string>;
  /** Per phrasing: small talk or abuse that speaks of no shop matter ({@link readText}). */
  socialTalk: boolean[];
}

const SEP = '\u0000';
/** BM25 candidates rescored by similarity; enough for paraphrases, cheap at 10,000 articles. */
const CANDIDATES = 40;
/** Under this many candidates from CJK pairs, single CJK characters look for more. */
const FEW_CANDIDATES = 10;

/**
 * How much more a concept term (`~refund`) weighs when ranking articles. Questions and
 * articles that speak of the same thing in other words meet on it, so ranking by it puts the
 * right article first more often (zh 58 -> 64 %, en 61 -> 69 % on the generated messages).
 * The score a match reports (and thresholds compare) stays the plain similarity: weighed up,
 * questions on a topic whose article is missing scored as high as paraphrases.
 */
const RANK_CONCEPT_WEIGHT = 2;

/**
 * The evidence, as a share of the weight of a term only one phrasing has, at which a match's
 * score is its similarity to the power 1.5 (`evidence`); a share, so that it means the same
 * in a FAQ of three articles and in one of thousands. Chosen on the generated training
 * messages (`npm run bench:knowledge-thresholds`, with at most 20 % of the unanswerable
 * answered, no answer zh 18.9 -> 16.0 %, en 40.7 -> 34.6 %) and checked on the FAQ development
 * file (`npm run eval:knowledge-faq`: the same within two questions); a third of that weight
 * there (2 in absolute terms) beat a sixth and a half (1 and 3), the latter losing paraphrases
 * of one-question articles.
 */
const EVIDENCE_HALF = 1 / 3;

/**
 * A single phrasing's similarity counts towards an article's score only squared (so an exact
 * phrasing still scores 1); otherwise the article's score is the question's similarity to
 * the article as a whole ({@link KnowledgeIndex} `centroid`). Chosen on the generated
 * training messages (`npm run bench:knowledge-thresholds`, docs/performance.md, issue 20's
 * twelfth pass) against the plain phrasing similarity, the centroid's alone and their larger.
 */
const PHRASING_POWER = 2;

/**
 * How much the likeness of a question's topics to an article's counts when ranking
 * ({@link KnowledgeIndex.useTopics}), beside the lexical rank (two cosines, 0 to 2). Chosen on
 * template folds the recognizer never trained on (`npx tsx bench/knowledge/tune-topics.ts`,
 * docs/performance.md, issue 20's thirteenth pass): right first zh 76.1 -> 84.3 %, en 71.3 ->
 * 81.3 % at 0.5; 1 and 2 put a little more first (zh 85.4 / 84.9 %) but left more questions
 * with no answer (15.5 / 16.1 % against 13.9 %), the right article's own score being lower.
 */
const TOPIC_WEIGHT = 0.5;

/**
 * A clear topic lifts its article's score: when the recognizer gives the question's leading
 * topic at least {@link TOPIC_SURE}, an article's topics are at least {@link TOPIC_ALIKE} alike
 * the question's and at least {@link TOPIC_LEAD} more alike than any other candidate's, that
 * article's score is raised to the power {@link TOPIC_LIFT} (0.15 becomes 0.32; 0 and 1 stay).
 * Words and topics then agree on one article and nothing else is near on topics: a paraphrase
 * whose words are far from the article's phrasings. Several articles on one topic (a shop's
 * FAQ of refund-status questions) share the lead, so none is lifted. Chosen on template folds
 * the recognizer never trained on (`npx tsx bench/knowledge/tune-topics.ts`, docs/performance.md,
 * issue 20's fifteenth pass): zh no answer 13.9 -> 8.7 %, answered with another article 10.9 ->
 * 11.4 %; lifted without the three conditions, about a third of the questions it rescued got
 * the wrong article and half the unanswerable were answered. The power is the strongest lift
 * (0.5, 0.6 … 0.75 tried) that answers no more of the FAQ development file's unanswerable
 * questions (`npm run eval:knowledge-faq`; 0.5 answered one more).
 */
const TOPIC_SURE = 0.7;
const TOPIC_ALIKE = 0.8;
const TOPIC_LEAD = 0.3;
const TOPIC_LIFT = 0.6;

/** A question's topics: the intents the local recognizer reads in it, with their probability. */
export type TopicsOf = (text: string) => readonly { intent: string; confidence: number }[];

const latin = (term: string) => !isCjkTerm(term) && !isConceptTerm(term) && term.length >= 4;

/**
 * The in-memory search index of one process: published articles, one MiniSearch document per
 * phrasing. MiniSearch finds candidates (BM25, typo-tolerant and prefix matching for latin
 * words); each is then scored by cosine similarity of rarity-weighted terms, so the score is
 * comparable across questions and a threshold means the same thing for every question.
 */
export class KnowledgeIndex {
  /**
   * Small talk or abuse scores 0 against a shop phrasing ({@link readText}); `false` scores
   * it like any question (`bench:knowledge-thresholds` calibrates the thresholds on that plain
   * similarity).
   */
  private readonly refuseSocialTalk: boolean;
  private readonly entries = new Map<string, Entry>();
  /** Centroids by article, script and concept weight; term weights change with every put. */
  private readonly centroids = new Map<string, Centroid>();
  private readonly frequency = new Map<string, number>();
  private questions = 0;
  private topicsOf: TopicsOf | undefined;
  /** Each article's topics: the mean of its questions'; cleared with the recognizer. */
  private readonly articleTopics = new Map<string, Map<string, number>>();
  /**
   * The last near-duplicate pairs, good until an article or the recognizer changes or an
   * article's validity begins or ends (`until`, ms): each check searches every question.
   */
  private duplicates: { minScore: number; until: number; pairs: NearDuplicate[] } | undefined;
  private readonly search = new MiniSearch<{ key: string; text: string }>({
    idField: 'key',
    fields: ['text'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'OR',
      fuzzy: (term) => (latin(term) ? 0.25 : false),
      prefix: (term) => latin(term),
    },
  });

  /** A clear topic lifts its article's score ({@link TOPIC_LIFT}); `false` ranks by it only. */
  private readonly liftClearTopic: boolean;

  constructor(options: { refuseSocialTalk?: boolean; liftClearTopic?: boolean } = {}) {
    this.refuseSocialTalk = options.refuseSocialTalk ?? true;
    this.liftClearTopic = options.liftClearTopic ?? true;
  }

  /**
   * Ranks articles by their topics too: the intents a recognizer (the local intent model,
   * trained on thousands of customer messages) reads in the question against those it reads in
   * the article's questions, so a paraphrase that shares few words with an article but asks the
   * same thing comes first. Scores stay those of the words, except one clear topic's article
   * ({@link TOPIC_LIFT}). Without `topicsOf`, articles are ranked and scored by their words alone.
   */
  useTopics(topicsOf: TopicsOf | undefined): void {
    this.topicsOf = topicsOf;
    this.articleTopics.clear();
    this.duplicates = undefined;
  }

  get size(): number {
    return this.entries.size;
  }

  /** A published article as the index holds it, or undefined. */
  article(id: string): KnowledgeArticleRecord | undefined {
    return this.entries.get(id)?.article;
  }

  /** Adds, replaces or (for a draft or deleted article) drops an article. */
  put(article: KnowledgeArticleRecord): void {
    this.remove(article._id);
    this.centroids.clear();
    this.duplicates = undefined;
    this.articleTopics.delete(article._id);
    if (article.deleted || article.status !== 'published') return;
    // Synonyms are matched like phrasings of their own, after the questions.
    const phrasings = [...article.questions, ...(article.synonyms ?? [])];
    const read = phrasings.map((phrasing) => readText(phrasing));
    const questionTerms = read.map((phrasing) => phrasing.terms);
    const articleTerms = new Set(questionTerms.flat());
    const socialTalk = read.map((phrasing) => phrasing.socialTalk);
    this.entries.set(article._id, { article, questionTerms, articleTerms, socialTalk });
    this.search.addAll(phrasings.map((text, i) => ({ key: `${article._id}${SEP}${i}`, text })));
    for (const terms of questionTerms) this.count(terms, 1);
  }

  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.centroids.clear();
    this.duplicates = undefined;
    this.articleTopics.delete(id);
    entry.questionTerms.forEach((terms, i) => {
      this.search.discard(`${id}${SEP}${i}`);
      this.count(terms, -1);
    });
  }

  /**
   * Rarity-weighted terms as this index weighs them. Terms no article uses weigh half (a
   * question's chatter should not sink its score), or, with `unseen: 'rare'` (grouping
   * unanswered questions, where such terms are the point), like the rarest known term.
   */
  vector(terms: string[], unseen: 'half' | 'rare' = 'half', conceptWeight = 1): TermVector {
    const floor = unseen === 'rare' ? 1 : 0;
    return vectorOf(terms, (term) => {
      const weight = idf(this.questions, Math.max(floor, this.frequency.get(term) ?? 0));
      return isConceptTerm(term) ? conceptWeight * weight : weight;
    });
  }

  /** Matches for a question, best first; only articles valid at `now`. */
  find(question: string, filter: SearchFilter = {}, now = new Date()): KnowledgeMatch[] {
    const { terms: queryTerms, socialTalk } = readText(question);
    if (queryTerms.length === 0 || this.entries.size === 0) return [];
    const query = this.vector(queryTerms);
    // Evidence is weighed against the weight of a term only one phrasing has.
    const half = EVIDENCE_HALF * idf(this.questions, 1);
    const rankQuery = this.vector(queryTerms, 'half', RANK_CONCEPT_WEIGHT);
    const talk = this.refuseSocialTalk && socialTalk;
    const cjk = queryTerms.some(isCjkTerm);
    const usable = (key: string) => {
      const entry = this.entries.get(key.slice(0, key.indexOf(SEP)));
      return entry !== undefined && answers(entry.article, filter, now);
    };
    const filterUsable = (r: SearchResult) => usable(String(r.id));
    let results = this.search.search(question, { tokenize: candidateTerms, filter: filterUsable });
    // Few candidates from the character pairs: a paraphrase may share only single characters
    // with its article (不喜欢能退吗 / 支持七天无理由退货吗), so look again with them.
    if (results.length < FEW_CANDIDATES)
      results = this.search.search(question, { tokenize, filter: filterUsable });
    const best = new Map<string, { rank: number; match: KnowledgeMatch }>();
    const topics =
      this.topicsOf && new Map(this.topicsOf(question).map((t) => [t.intent, t.confidence]));
    for (const result of results.slice(0, CANDIDATES)) {
      const key = String(result.id);
      const separator = key.indexOf(SEP);
      const entry = this.entries.get(key.slice(0, separator)) as Entry;
      const index = Number(key.slice(separator + 1));
      const terms = entry.questionTerms[index] ?? [];
      const near = nearTerm(result, query);
      const phrasing = this.vector(terms);
      // The similarity is to the one phrasing; the evidence counts the question's terms found
      // in any of the article's phrasings (a paraphrase may take words from two of them).
      const support = evidence(query, entry.articleTerms, near, half);
      // Small talk or abuse meets a shop phrasing on a word (你叫什么名字 / 修改收件人名字,
      // 垃圾客服 / 什么垃圾东西) but is not asking it: no match, unless the phrasing is small
      // talk too (an operator's 你是机器人吗 article).
      // The article as a whole: a paraphrase shares the words its phrasings share, where a
      // question on a neighbouring topic meets one phrasing on a word or two.
      const whole = this.centroid(entry, cjk);
      const similarity = Math.min(
        1,
        Math.max(
          cosine(query, whole.vector, near) / whole.self,
          cosine(query, phrasing, near) ** PHRASING_POWER,
        ),
      );
      const score = talk && !entry.socialTalk[index] ? 0 : similarity ** (2 - support);
      // Ranked by the phrasing and by the article as a whole, concepts weighed up in both.
      const rank =
        cosine(rankQuery, this.vector(terms, 'half', RANK_CONCEPT_WEIGHT), near) +
        cosine(rankQuery, this.centroid(entry, cjk, RANK_CONCEPT_WEIGHT).vector, near);
      const current = best.get(entry.article._id);
      const rounded = Math.round(score * 1000) / 1000;
      if (!current || rank > current.rank)
        best.set(entry.article._id, {
          rank,
          match: {
            article: entry.article,
            score: Math.max(rounded, current?.match.score ?? 0),
            // A synonym that matched stands for the article's first question.
            question: entry.article.questions[index] ?? entry.article.questions[0] ?? '',
          },
        });
      else if (rounded > current.match.score) current.match.score = rounded;
    }
    if (topics) this.rankByTopics(topics, best.values());
    return [...best.values()]
      .sort((a, b) => b.rank - a.rank)
      .slice(0, filter.limit ?? 5)
      .map((ranked) => ranked.match);
  }

  /**
   * Pairs of published articles that say much the same: a question of one scores at least
   * `minScore` against a question of the other. Each pair once, most similar first, with the
   * two questions that met. An operator merges them or sharpens one: near-duplicates split
   * the answers and make scores look less sure than they are. Asked again before anything they
   * depend on changed, the same pairs are given without searching again.
   */
  nearDuplicates(minScore = 0.85, now = new Date()): NearDuplicate[] {
    const known = this.duplicates;
    if (known && known.minScore === minScore && now.getTime() < known.until)
      return [...known.pairs];
    const pairs = new Map<string, NearDuplicate>();
    for (const [id, entry] of this.entries) {
      for (const question of entry.article.questions) {
        for (const match of this.find(question, { limit: 4 }, now)) {
          const other = match.article._id;
          if (other === id || match.score < minScore) continue;
          const ids: [string, string] = id < other ? [id, other] : [other, id];
          const key = ids.join(SEP);
          const known = pairs.get(key);
          if (!known || match.score > known.score) {
            const questions: [string, string] =
              ids[0] === id ? [question, match.question] : [match.question, question];
            pairs.set(key, { ids, score: match.score, questions });
          }
        }
      }
    }
    const found = [...pairs.values()].sort((a, b) => b.score - a.score);
    this.duplicates = { minScore, until: this.nextValidityChange(now), pairs: found };
    return [...found];
  }

  /** The next time after `now` an article's validity begins or ends (ms), or Infinity. */
  private nextValidityChange(now: Date): number {
    let next = Infinity;
    for (const { article } of this.entries.values())
      for (const time of [article.validFrom, article.validUntil])
        if (time && time > now) next = Math.min(next, time.getTime());
    return next;
  }

  /**
   * The article as a whole for a question in one script (CJK or not): the mean of its
   * phrasings' normalised term vectors, those in the question's script (all, when it has
   * none). `self` is the mean similarity of those phrasings to it: a question's similarity
   * is divided by it, so that one as close as the article's own phrasings scores 1 however
   * varied they are, and a one-question article scores exactly as its question.
   */
  private centroid(entry: Entry, cjk: boolean, conceptWeight = 1): Centroid {
    const key = `${entry.article._id}${SEP}${cjk}${SEP}${conceptWeight}`;
    const known = this.centroids.get(key);
    if (known) return known;
    const inScript = entry.questionTerms.filter((terms) => terms.some(isCjkTerm) === cjk);
    const vectors = (inScript.length > 0 ? inScript : entry.questionTerms).map((terms) =>
      this.vector(terms, 'half', conceptWeight),
    );
    const vector: TermVector = new Map();
    for (const phrasing of vectors) {
      const length = norm(phrasing) || 1;
      for (const [term, weight] of phrasing)
        vector.set(term, (vector.get(term) ?? 0) + weight / length);
    }
    const self =
      vectors.reduce((sum, phrasing) => sum + cosine(phrasing, vector), 0) / (vectors.length || 1);
    const made = { vector, self: self || 1 };
    this.centroids.set(key, made);
    return made;
  }

  /**
   * Adds the topics' likeness to each candidate's rank; when the recognizer is sure of the
   * question's topic and one article alone is that topic ({@link TOPIC_LEAD}), that article's
   * score is lifted ({@link TOPIC_LIFT}).
   */
  private rankByTopics(
    topics: ReadonlyMap<string, number>,
    candidates: Iterable<{ rank: number; match: KnowledgeMatch }>,
  ): void {
    let leader: KnowledgeMatch | undefined;
    let lead = 0;
    let second = 0;
    for (const ranked of candidates) {
      const alike = likeness(topics, this.topicsOfArticle(ranked.match.article));
      ranked.rank += TOPIC_WEIGHT * alike;
      if (alike > lead) {
        second = lead;
        lead = alike;
        leader = ranked.match;
      } else if (alike > second) second = alike;
    }
    const sure = Math.max(0, ...topics.values());
    if (!this.liftClearTopic) return;
    if (leader && sure >= TOPIC_SURE && lead >= TOPIC_ALIKE && lead - second >= TOPIC_LEAD)
      leader.score = Math.round(leader.score ** TOPIC_LIFT * 1000) / 1000;
  }

  /** The mean of the topics of an article's questions (cached until it or the recognizer changes). */
  private topicsOfArticle(article: KnowledgeArticleRecord): Map<string, number> {
    const known = this.articleTopics.get(article._id);
    if (known || !this.topicsOf) return known ?? new Map();
    const mean = new Map<string, number>();
    const questions = article.questions.length > 0 ? article.questions : [''];
    for (const question of questions)
      for (const { intent, confidence } of this.topicsOf(question))
        mean.set(intent, (mean.get(intent) ?? 0) + confidence / questions.length);
    this.articleTopics.set(article._id, mean);
    return mean;
  }

  private count(terms: string[], delta: 1 | -1): void {
    this.questions += delta;
    for (const term of new Set(terms)) {
      const next = (this.frequency.get(term) ?? 0) + delta;
      if (next > 0) this.frequency.set(term, next);
      else this.frequency.delete(term);
    }
  }
}

/**
 * The terms that look for candidates: single CJK characters only when the question has no CJK
 * pair. A character like 修 is in thousands of phrasings; scoring them all made searches slow,
 * and the pairs find the same candidates. The final score still uses every term.
 */
function candidateTerms(text: string): string[] {
  const terms = tokenize(text);
  const hasPair = terms.some((term) => term.length === 2 && isCjkTerm(term));
  return hasPair ? terms.filter((term) => !(term.length === 1 && isCjkTerm(term))) : terms;
}

/**
 * How much evidence a match rests on, in [0, 1): w / (w + half), w the weight of the question's
 * terms that the article's phrasings have (or a near spelling of), half a share ({@link EVIDENCE_HALF}) of
 * the weight of a term that only one phrasing has. The score is the
 * similarity raised to 2 minus this: a match on much evidence keeps its similarity, one on
 * little is nearer its square, and an exact match still scores 1. A greeting or
 * a word of abuse that meets an article on one character (人呢 / 人工！人工！, 你几岁了 /
 * 适合几岁) scored like a paraphrase, since a short question's cosine rests on its few terms.
 */
function evidence(
  query: TermVector,
  phrasing: { has(term: string): boolean },
  near: (term: string) => { term: string; similarity: number } | undefined,
  half: number,
): number {
  let shared = 0;
  for (const [term, weight] of query) {
    if (phrasing.has(term)) shared += weight;
    else {
      // A typo that matched (shiping / shipping) is evidence as far as it is alike.
      const close = near(term);
      if (close && phrasing.has(close.term)) shared += close.similarity * weight;
    }
  }
  return shared / (shared + half);
}

/** The cosine of two topic distributions. */
function likeness(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (const [intent, p] of a) {
    dot += p * (b.get(intent) ?? 0);
    aa += p * p;
  }
  for (const p of b.values()) bb += p * p;
  return aa > 0 && bb > 0 ? dot / Math.sqrt(aa * bb) : 0;
}

/** True when the article may answer now, on that channel, in that language. */
function answers(article: KnowledgeArticleRecord, filter: SearchFilter, now: Date): boolean {
  if (article.validFrom && article.validFrom > now) return false;
  if (article.validUntil && article.validUntil <= now) return false;
  if (
    filter.channel &&
    article.channels.length > 0 &&
    !article.channels.includes(filter.channel as never)
  )
    return false;
  return !filter.language || Boolean(article.answer[filter.language]);
}

/** For a query term the question lacks: the question's term MiniSearch matched it to, if any. */
function nearTerm(result: SearchResult, query: TermVector) {
  const candidates = result.terms.filter((term) => !query.has(term));
  return (term: string) => {
    if (isCjkTerm(term) || isConceptTerm(term)) return undefined;
    let best: { term: string; similarity: number } | undefined;
    for (const candidate of candidates) {
      const similarity = candidate.startsWith(term)
        ? term.length / candidate.length
        : 1 - editDistance(term, candidate) / Math.max(term.length, candidate.length);
      if (similarity > 0.5 && (!best || similarity > best.similarity))
        best = { term: candidate, similarity };
    }
    return best;
  };
}
