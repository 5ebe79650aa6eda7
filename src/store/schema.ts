// The SQLite schema, as forward migrations. `PRAGMA user_version` holds the number applied.

export const MIGRATIONS: string[] = [
  // 1: the first schema.
  `
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,          -- first 12 hex digits of sha256(text)
    sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    byline TEXT,
    published TEXT,
    site TEXT,
    text TEXT NOT NULL,
    extracted_at TEXT NOT NULL
  );
  CREATE INDEX articles_source ON articles(source);

  -- One row per distinct real-world entity across all articles.
  CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (key, type)
  );
  CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (entity_id, alias)
  ) WITHOUT ROWID;
  CREATE INDEX entity_aliases_alias ON entity_aliases(alias);
  CREATE INDEX entities_name ON entities(name COLLATE NOCASE);

  -- An entity as one article names it (local id "e1", its name and aliases there).
  CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,             -- JSON array
    PRIMARY KEY (article_id, local_id)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_entity ON article_entities(entity_id);

  CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article_id);
  CREATE INDEX mentions_entity ON mentions(entity_id);

  CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    speaker_name TEXT,
    speaker_local TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    speaker_text TEXT,
    role TEXT,
    channel TEXT,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    content_spans TEXT NOT NULL,       -- JSON array of {start, end, text}
    direct INTEGER NOT NULL
  );
  CREATE INDEX attributions_article ON attributions(article_id);
  CREATE INDEX attributions_speaker_entity ON attributions(speaker_entity_id);

  CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT,
    domain TEXT
  );
  CREATE INDEX sources_article ON sources(article_id);
  CREATE INDEX sources_domain ON sources(domain);
  CREATE INDEX sources_name ON sources(name COLLATE NOCASE);
  CREATE TABLE source_mentions (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX source_mentions_source ON source_mentions(source_id);

  CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_name TEXT,
    speaker_local TEXT,
    speaker_entity_id INTEGER REFERENCES entities(id),
    attribution_local TEXT,
    direct INTEGER NOT NULL DEFAULT 0,
    hedged INTEGER NOT NULL,
    hedges TEXT NOT NULL,              -- JSON array
    score REAL NOT NULL
  );
  CREATE INDEX claims_article ON claims(article_id);
  CREATE INDEX claims_speaker_entity ON claims(speaker_entity_id);
  CREATE INDEX claims_speaker_name ON claims(speaker_name COLLATE NOCASE);
  CREATE INDEX claims_score ON claims(score);

  CREATE TABLE claim_entities (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    local_entity TEXT NOT NULL,
    PRIMARY KEY (claim_id, local_entity)
  ) WITHOUT ROWID;
  CREATE INDEX claim_entities_entity ON claim_entities(entity_id);
  CREATE TABLE claim_sources (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX claim_sources_source ON claim_sources(source_id);

  -- Full-text search over claims and attributions, kept in step by triggers.
  CREATE VIRTUAL TABLE claims_fts USING fts5(text, speaker_name, content='claims', content_rowid='id', tokenize='porter unicode61');
  CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, speaker_name) VALUES (new.id, new.text, new.speaker_name);
  END;
  CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, speaker_name) VALUES ('delete', old.id, old.text, old.speaker_name);
  END;
  CREATE VIRTUAL TABLE attributions_fts USING fts5(content, speaker_name, content='attributions', content_rowid='id', tokenize='porter unicode61');
  CREATE TRIGGER attributions_ai AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content, speaker_name) VALUES (new.id, new.content, new.speaker_name);
  END;
  CREATE TRIGGER attributions_ad AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, speaker_name) VALUES ('delete', old.id, old.content, old.speaker_name);
  END;
  `,
  // 2: what kind of attribution each is (said / found / thought). Rows stored before keep 'said'
  // until their article is extracted again (--force).
  `
  ALTER TABLE attributions ADD COLUMN kind TEXT NOT NULL DEFAULT 'said';
  CREATE INDEX attributions_kind ON attributions(kind);
  `,
  // 3: an entity's last word, so a bare surname finds the full names that own it ("Blair" → Tony
  // Blair) through an index. The expression takes what follows the key's last space.
  `
  ALTER TABLE entities ADD COLUMN last_word TEXT;
  UPDATE entities SET last_word = replace(key, rtrim(key, replace(key, ' ', '')), '');
  CREATE INDEX entities_last_word ON entities(last_word, type);
  `,
  // 4: the article's language (BCP 47). Rows stored before have none until extracted again.
  `
  ALTER TABLE articles ADD COLUMN language TEXT;
  `,
  // 5: how a page was fetched (the address that answered, its ETag and Last-Modified), so a later
  // run asks whether it changed; and articles by URL, since a page fetched again replaces its copy.
  `
  ALTER TABLE articles ADD COLUMN fetched_url TEXT;
  ALTER TABLE articles ADD COLUMN etag TEXT;
  ALTER TABLE articles ADD COLUMN last_modified TEXT;
  CREATE INDEX articles_fetched_url ON articles(fetched_url);
  CREATE INDEX articles_url ON articles(url);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
