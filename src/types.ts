// The data model of newsclaims: every stage takes and returns these plain objects.
// Offsets are JavaScript string indices (UTF-16 code units) into `Article.text`.

/** A piece of the article text: `text === article.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'product' | 'event' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'product', 'event', 'other'];

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Span[];
}

/** Who a statement is attributed to. `entityId` is null for unnamed speakers ("analysts"). */
export interface SpeakerRef {
  name: string;
  entityId: string | null;
}

/** `said`: speech and writing; `found`: a document, figures or a poll; `thought`: beliefs, intentions, desires, perceptions. */
export type AttributionKind = 'said' | 'found' | 'thought';
export const ATTRIBUTION_KINDS: readonly AttributionKind[] = ['said', 'found', 'thought'];

export interface Attribution {
  id: string;
  speaker: SpeakerRef | null;
  /** The speaker's words as written in the text ("she", "the company", "Joelle Pineau"). */
  speakerText: string | null;
  /** A role given in apposition: "Joelle Pineau, VP of AI research at Meta, told …". */
  role: string | null;
  /** The outlet or medium the statement was made to or in ("told TechCrunch", "in a blog post"). */
  channel: string | null;
  cue: string;
  /** The statement; for a quote split by its attribution, the pieces joined by " … ". */
  content: string;
  /** First and last offsets of the content; `contentSpans` holds the pieces exactly. */
  start: number;
  end: number;
  contentSpans: Span[];
  direct: boolean;
  kind: AttributionKind;
}

export type SourceKind = 'url' | 'outlet' | 'document' | 'unnamed';

export interface Source {
  id: string;
  kind: SourceKind;
  name: string;
  url: string | null;
  mentions: Span[];
}

export interface Claim {
  id: string;
  text: string;
  start: number;
  end: number;
  speaker: SpeakerRef | null;
  attributionId: string | null;
  hedged: boolean;
  hedges: string[];
  /** Check-worthiness in [0, 1]. */
  score: number;
  entityIds: string[];
  sourceIds: string[];
}

export interface ArticleMeta {
  /** The path or URL as the user gave it. */
  source: string;
  url: string | null;
  title: string | null;
  byline: string | null;
  published: string | null;
  site: string | null;
  /** BCP 47 tag ("en", "en-GB"): what the page declares, else a guess from the text; null if unknown. */
  language: string | null;
}

export interface Article extends ArticleMeta {
  /** First 12 hex digits of sha256(text): stable, so the same text gets the same id. */
  id: string;
  /** The clean text every offset points into. */
  text: string;
  sha256: string;
}

/** How a page was fetched, kept so that a later run can ask the server whether it changed. */
export interface FetchValidators {
  /** The address that answered (after redirects). */
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/** A stored copy's validators and the text they stand for. */
export interface StoredValidators {
  sha256: string;
  etag: string | null;
  lastModified: string | null;
}

/** A hyperlink of an HTML article, placed in the clean text. */
export interface Link {
  url: string;
  start: number;
  end: number;
  text: string;
}

export interface Extraction {
  entities: Entity[];
  attributions: Attribution[];
  sources: Source[];
  claims: Claim[];
}

/** `unchanged`: the text was stored already, and the stored record is what is printed. */
export type StoreStatus = 'stored' | 'updated' | 'unchanged' | 'not stored';

/** One article as printed and stored: the JSON contract. */
export interface ArticleResult extends Extraction {
  article: Article;
  status?: StoreStatus;
}
