-- The races step of `newsextract races` as one SQL query over the Parquet tables that
-- `newsextract extract --format parquet -o DIR` writes (elections, candidates, candidate_names, candidate_parties).
-- Register each DIR/<table>.parquet (or a folder of part files) under the table's name, then run this query: DuckDB on
-- one machine, Spark SQL or Trino on a cluster. Result: one row per race x pair, the same pairs, names, ballot numbers,
-- votes, parties and number/vote conflicts as `newsextract races` (tests/NewsExtract.Tests/Races/RacesSqlTests.cs
-- holds the two to each other). The steps follow src/NewsExtract.Cli/Races/RaceBuilder.cs one for one.
--
-- Portable SQL: CTEs, joins, GROUP BY, window functions, SUBSTR/LENGTH. The one dialect-specific line is the
-- party list (marked DIALECT below), written for DuckDB as STRING_AGG(party, ';' ORDER BY party). On Trino write
-- LISTAGG(party, ';') WITHIN GROUP (ORDER BY party); on Spark SQL ARRAY_JOIN(ARRAY_SORT(COLLECT_SET(party)), ';').
WITH
-- 1. A race is (type, region code else name, year); a race without a year joins the only dated race of its type and
--    region. year_key 0 stands for "no year" so that joins never compare NULLs.
el AS (
  SELECT record_id, election_index, type, COALESCE(region_code, region_name, '') AS region_key,
         region_name, region_code, province, year
  FROM elections
),
dated AS (
  SELECT type, region_key, MIN(year) AS only_year
  FROM (SELECT DISTINCT type, region_key, year FROM el WHERE year IS NOT NULL) d
  GROUP BY type, region_key
  HAVING COUNT(*) = 1
),
race_el AS (
  SELECT el.record_id, el.election_index, el.type, el.region_key, el.region_name, el.region_code, el.province,
         COALESCE(el.year, dated.only_year, 0) AS year_key
  FROM el LEFT JOIN dated ON dated.type = el.type AND dated.region_key = el.region_key
),
race_info AS (
  SELECT type, region_key, year_key, MIN(region_name) AS region_name, MIN(region_code) AS region_code,
         MIN(province) AS province, COUNT(DISTINCT record_id) AS race_articles
  FROM race_el GROUP BY type, region_key, year_key
),
-- 2. A pair mention belongs to the race its election index names (the only race when the index is missing).
election_count AS (SELECT record_id, COUNT(*) AS n FROM elections GROUP BY record_id),
mention AS (
  SELECT c.record_id, r.type, r.region_key, r.year_key, c.head, c.deputy, c.head_key, c.deputy_key,
         c.head_tokens, c.deputy_tokens, c.head_name_tokens, c.deputy_name_tokens, c.number, c.votes, c.vote_percent, c.incumbent, c.candidate_index
  FROM candidates c
  JOIN election_count ec ON ec.record_id = c.record_id
  JOIN race_el r ON r.record_id = c.record_id
               AND r.election_index = COALESCE(c.election_index, CASE WHEN ec.n = 1 THEN 0 END)
  WHERE c.head_tokens > 0
),
-- 3. Mentions with the same head and deputy tokens are one form; forms rank by deputy known, more tokens, more
--    articles, then the keys.
form AS (
  SELECT type, region_key, year_key, head_key, deputy_key, MAX(head_tokens) AS head_tokens,
         MAX(deputy_tokens) AS deputy_tokens, COUNT(DISTINCT record_id) AS articles
  FROM mention GROUP BY type, region_key, year_key, head_key, deputy_key
),
ranked AS (
  SELECT form.*, ROW_NUMBER() OVER (
           PARTITION BY type, region_key, year_key
           ORDER BY CASE WHEN deputy_key <> '' THEN 0 ELSE 1 END, head_tokens + deputy_tokens DESC, articles DESC,
                    head_key, deputy_key) AS form_rank
  FROM form
),
-- 4. Name compatibility: heads are compatible when every token of one matches a token of the other (equal, a prefix
--    of 3+ letters, a suffix of 2+ letters), in one direction or the other; deputies when some token matches.
form_pair AS (
  SELECT a.type, a.region_key, a.year_key, a.form_rank AS a_rank, b.form_rank AS b_rank,
         a.head_key AS a_head, b.head_key AS b_head, a.deputy_key AS a_dep, b.deputy_key AS b_dep
  FROM ranked a JOIN ranked b ON a.type = b.type AND a.region_key = b.region_key AND a.year_key = b.year_key
),
key_pair AS (
  SELECT DISTINCT a_head AS k1, b_head AS k2 FROM form_pair
  UNION
  SELECT DISTINCT a_dep AS k1, b_dep AS k2 FROM form_pair WHERE a_dep <> '' AND b_dep <> ''
),
tok AS (SELECT DISTINCT person_key, token FROM candidate_names),
cover AS (
  SELECT kp.k1, kp.k2, t1.token,
         MAX(CASE
               WHEN t1.token = t2.token THEN 1
               WHEN LENGTH(t1.token) < LENGTH(t2.token)
                    AND ((LENGTH(t1.token) >= 3 AND SUBSTR(t2.token, 1, LENGTH(t1.token)) = t1.token)
                      OR (LENGTH(t1.token) >= 2 AND SUBSTR(t2.token, LENGTH(t2.token) - LENGTH(t1.token) + 1) = t1.token)) THEN 1
               WHEN LENGTH(t2.token) < LENGTH(t1.token)
                    AND ((LENGTH(t2.token) >= 3 AND SUBSTR(t1.token, 1, LENGTH(t2.token)) = t2.token)
                      OR (LENGTH(t2.token) >= 2 AND SUBSTR(t1.token, LENGTH(t1.token) - LENGTH(t2.token) + 1) = t2.token)) THEN 1
               ELSE 0 END) AS hit
  FROM key_pair kp
  JOIN tok t1 ON t1.person_key = kp.k1
  JOIN tok t2 ON t2.person_key = kp.k2
  GROUP BY kp.k1, kp.k2, t1.token
),
covered AS (SELECT k1, k2 FROM cover GROUP BY k1, k2 HAVING MIN(hit) = 1),
compat AS (SELECT k1, k2 FROM covered UNION SELECT k2 AS k1, k1 AS k2 FROM covered),
overlap AS (SELECT k1, k2 FROM cover GROUP BY k1, k2 HAVING MAX(hit) = 1),
form_compat AS (
  SELECT fp.type, fp.region_key, fp.year_key, fp.a_rank, fp.b_rank
  FROM form_pair fp
  JOIN compat ch ON ch.k1 = fp.a_head AND ch.k2 = fp.b_head
  LEFT JOIN overlap cd ON cd.k1 = fp.a_dep AND cd.k2 = fp.b_dep
  WHERE fp.a_dep = '' OR fp.b_dep = '' OR cd.k1 IS NOT NULL
),
-- 5. A form no better-ranked form is compatible with is a pair; other forms join the best-ranked compatible pair,
--    or stand alone when none is compatible.
dominated AS (
  SELECT DISTINCT type, region_key, year_key, a_rank AS form_rank FROM form_compat WHERE b_rank < a_rank
),
rep AS (
  SELECT r.type, r.region_key, r.year_key, r.form_rank
  FROM ranked r
  LEFT JOIN dominated d ON d.type = r.type AND d.region_key = r.region_key AND d.year_key = r.year_key
                       AND d.form_rank = r.form_rank
  WHERE d.form_rank IS NULL
),
assigned AS (
  SELECT fc.type, fc.region_key, fc.year_key, fc.a_rank AS form_rank, MIN(fc.b_rank) AS pair_rank
  FROM form_compat fc
  JOIN rep ON rep.type = fc.type AND rep.region_key = fc.region_key AND rep.year_key = fc.year_key
          AND rep.form_rank = fc.b_rank
  GROUP BY fc.type, fc.region_key, fc.year_key, fc.a_rank
),
pair_mention AS (
  SELECT m.*, COALESCE(a.pair_rank, r.form_rank) AS pair_rank
  FROM mention m
  JOIN ranked r ON r.type = m.type AND r.region_key = m.region_key AND r.year_key = m.year_key
               AND r.head_key = m.head_key AND r.deputy_key = m.deputy_key
  LEFT JOIN assigned a ON a.type = r.type AND a.region_key = r.region_key AND a.year_key = r.year_key
                      AND a.form_rank = r.form_rank
),
-- 6. Values: the fullest name (most name tokens, then most articles, then longest, then first in order); the number, votes
--    and share most articles give (ties: the smaller), with a conflict when articles give two; a party named for two
--    pairs stays with the pair(s) most articles name it for.
pair_base AS (
  SELECT type, region_key, year_key, pair_rank, COUNT(DISTINCT record_id) AS pair_articles,
         MAX(CASE WHEN incumbent THEN 1 ELSE 0 END) AS incumbent
  FROM pair_mention GROUP BY type, region_key, year_key, pair_rank
),
head_pick AS (
  SELECT type, region_key, year_key, pair_rank, head,
         ROW_NUMBER() OVER (PARTITION BY type, region_key, year_key, pair_rank
                            ORDER BY name_tokens DESC, articles DESC, LENGTH(head) DESC, head) AS rn
  FROM (SELECT type, region_key, year_key, pair_rank, head, MAX(head_name_tokens) AS name_tokens, COUNT(DISTINCT record_id) AS articles
        FROM pair_mention GROUP BY type, region_key, year_key, pair_rank, head) h
),
deputy_pick AS (
  SELECT type, region_key, year_key, pair_rank, deputy,
         ROW_NUMBER() OVER (PARTITION BY type, region_key, year_key, pair_rank
                            ORDER BY name_tokens DESC, articles DESC, LENGTH(deputy) DESC, deputy) AS rn
  FROM (SELECT type, region_key, year_key, pair_rank, deputy, MAX(deputy_name_tokens) AS name_tokens, COUNT(DISTINCT record_id) AS articles
        FROM pair_mention WHERE deputy IS NOT NULL GROUP BY type, region_key, year_key, pair_rank, deputy) d
),
number_pick AS (
  SELECT type, region_key, year_key, pair_rank, number, articles,
         ROW_NUMBER() OVER (PARTITION BY type, region_key, year_key, pair_rank ORDER BY articles DESC, number) AS rn,
         COUNT(*) OVER (PARTITION BY type, region_key, year_key, pair_rank) AS n_values
  FROM (SELECT type, region_key, year_key, pair_rank, number, COUNT(DISTINCT record_id) AS articles
        FROM pair_mention WHERE number IS NOT NULL GROUP BY type, region_key, year_key, pair_rank, number) n
),
votes_pick AS (
  SELECT type, region_key, year_key, pair_rank, votes, articles,
         ROW_NUMBER() OVER (PARTITION BY type, region_key, year_key, pair_rank ORDER BY articles DESC, votes) AS rn,
         COUNT(*) OVER (PARTITION BY type, region_key, year_key, pair_rank) AS n_values
  FROM (SELECT type, region_key, year_key, pair_rank, votes, COUNT(DISTINCT record_id) AS articles
        FROM pair_mention WHERE votes IS NOT NULL GROUP BY type, region_key, year_key, pair_rank, votes) v
),
share_pick AS (
  SELECT type, region_key, year_key, pair_rank, vote_percent,
         ROW_NUMBER() OVER (PARTITION BY type, region_key, year_key, pair_rank ORDER BY articles DESC, vote_percent) AS rn
  FROM (SELECT type, region_key, year_key, pair_rank, vote_percent, COUNT(DISTINCT record_id) AS articles
        FROM pair_mention WHERE vote_percent IS NOT NULL GROUP BY type, region_key, year_key, pair_rank, vote_percent) s
),
party_articles AS (
  SELECT pm.type, pm.region_key, pm.year_key, pm.pair_rank, cp.party, COUNT(DISTINCT pm.record_id) AS articles
  FROM pair_mention pm
  JOIN candidate_parties cp ON cp.record_id = pm.record_id AND cp.candidate_index = pm.candidate_index
  GROUP BY pm.type, pm.region_key, pm.year_key, pm.pair_rank, cp.party
),
party AS (
  SELECT type, region_key, year_key, pair_rank, party, articles,
         MAX(articles) OVER (PARTITION BY type, region_key, year_key, party) AS most,
         COUNT(*) OVER (PARTITION BY type, region_key, year_key, party) AS pairs_named
  FROM party_articles
),
party_list AS (
  SELECT type, region_key, year_key, pair_rank, STRING_AGG(party, ';' ORDER BY party) AS parties, -- DIALECT
         MAX(CASE WHEN pairs_named > 1 THEN 1 ELSE 0 END) AS party_conflict
  FROM party WHERE articles = most GROUP BY type, region_key, year_key, pair_rank
)
SELECT ri.type, ri.region_name, ri.region_code, ri.province, NULLIF(pb.year_key, 0) AS year, ri.race_articles,
       h.head, d.deputy, np.number, np.articles AS number_articles, COALESCE(np.n_values > 1, FALSE) AS number_conflict,
       pl.parties, COALESCE(pl.party_conflict = 1, FALSE) AS party_conflict, pb.incumbent = 1 AS incumbent, vp.votes, vp.articles AS votes_articles,
       COALESCE(vp.n_values > 1, FALSE) AS votes_conflict, sp.vote_percent AS vote_share, pb.pair_articles
FROM pair_base pb
JOIN race_info ri ON ri.type = pb.type AND ri.region_key = pb.region_key AND ri.year_key = pb.year_key
JOIN head_pick h ON h.type = pb.type AND h.region_key = pb.region_key AND h.year_key = pb.year_key
                AND h.pair_rank = pb.pair_rank AND h.rn = 1
LEFT JOIN deputy_pick d ON d.type = pb.type AND d.region_key = pb.region_key AND d.year_key = pb.year_key
                       AND d.pair_rank = pb.pair_rank AND d.rn = 1
LEFT JOIN number_pick np ON np.type = pb.type AND np.region_key = pb.region_key AND np.year_key = pb.year_key
                        AND np.pair_rank = pb.pair_rank AND np.rn = 1
LEFT JOIN votes_pick vp ON vp.type = pb.type AND vp.region_key = pb.region_key AND vp.year_key = pb.year_key
                       AND vp.pair_rank = pb.pair_rank AND vp.rn = 1
LEFT JOIN share_pick sp ON sp.type = pb.type AND sp.region_key = pb.region_key AND sp.year_key = pb.year_key
                       AND sp.pair_rank = pb.pair_rank AND sp.rn = 1
LEFT JOIN party_list pl ON pl.type = pb.type AND pl.region_key = pb.region_key AND pl.year_key = pb.year_key
                       AND pl.pair_rank = pb.pair_rank
ORDER BY ri.type, pb.region_key, pb.year_key, np.number, h.head
