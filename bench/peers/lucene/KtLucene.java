/*
 * KtLucene: Lucene 8 peer baseline for Kohtaanto.
 *
 * Usage:
 *   java -cp build:LUCENE_JARS KtLucene --catalog CAT.jsonl --queries Q.tsv
 *        [-k 10] [--tag lucene] [--times FILE] [--warmup 1]
 *        [--mode most_fields|best_fields|single]
 *
 * Reads the flat catalogue written by export_catalog.py (one JSON object of
 * string values a line) and a query file of "qid<TAB>text" lines, and writes
 * a TREC run ("qid Q0 docid rank score tag") to stdout.
 *
 * What a typical Elasticsearch user gets, rebuilt on plain Lucene:
 *   - in-memory index (ByteBuffersDirectory), one document per service;
 *   - analyzer org.apache.lucene.analysis.fi.FinnishAnalyzer (standard
 *     tokenizer, lower case, Finnish stop words, Snowball Finnish stemmer),
 *     which is what Elasticsearch's built-in "finnish" analyzer is made of;
 *   - BM25Similarity with its defaults (k1 = 1.2, b = 0.75), as in ES;
 *   - the query text is lower-cased (so that words like AND/OR/NOT are not
 *     read as operators), escaped with QueryParser.escape and parsed by the
 *     classic QueryParser with the default OR operator.
 *
 * Modes (fields name^3 keywords^2 summary^2 description target conditions):
 *   most_fields  (default, the configuration run-peers.sh uses) the classic
 *                MultiFieldQueryParser over the fields with those boosts:
 *                every query word becomes a SHOULD clause summing its
 *                boosted per-field BM25 scores.  This scores like ES
 *                {"multi_match": {"query": ..., "type": "most_fields",
 *                "fields": ["name^3", "keywords^2", "summary^2",
 *                "description", "target", "conditions"]}} on fields mapped
 *                with "analyzer": "finnish".
 *   best_fields  ES multi_match's default type: one boosted match query per
 *                field, combined by a DisjunctionMaxQuery (tie_breaker 0).
 *   single       all fields concatenated into one "text" field (like an ES
 *                copy_to / old _all field), no boosts.
 *
 * Timing (--times FILE): all queries are first run untimed (--warmup N
 * passes, default 1), then each query is timed in-process with
 * System.nanoTime() around parsing/analysis, search and fetching the top-K
 * ids (index build and output excluded).  The file gets one line
 * "mean_ms p50_ms p99_ms n" (nearest-rank percentiles).
 *
 * Dependencies: Debian's liblucene8-java only (core, analyzers-common,
 * queryparser); the JSONL is read with the small parser below.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

public final class KtLucene {

    /** Searchable fields of the flat catalogue, in export order. */
    static final String[] FIELDS = {"name", "keywords", "summary", "description", "target", "conditions"};
    /** Field boosts of the per-field modes; fields not listed have boost 1. */
    static final Map<String, Float> BOOSTS = new LinkedHashMap<>();
    static {
        BOOSTS.put("name", 3f);
        BOOSTS.put("keywords", 2f);
        BOOSTS.put("summary", 2f);
        BOOSTS.put("description", 1f);
        BOOSTS.put("target", 1f);
        BOOSTS.put("conditions", 1f);
    }
    /** Name of the concatenated field used by mode "single". */
    static final String ALL = "text";

    public static void main(String[] args) throws Exception {
        String catalog = null, queries = null, times = null, tag = "lucene", mode = "most_fields";
        int k = 10, warmup = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) usage("missing value for " + a);
            switch (a) {
                case "--catalog": catalog = args[++i]; break;
                case "--queries": queries = args[++i]; break;
                case "--times": times = args[++i]; break;
                case "--tag": tag = args[++i]; break;
                case "--mode": mode = args[++i]; break;
                case "-k": case "--k": k = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                default: usage("unknown option " + a);
            }
        }
        if (catalog == null || queries == null) usage("--catalog and --queries are required");
        if (!Arrays.asList("most_fields", "best_fields", "single").contains(mode)) usage("unknown mode " + mode);
        if (k < 1) usage("-k must be positive");
        if (warmup < 0) usage("--warmup must not be negative");

        // ---- index build: timed from reading the catalogue to the closed
        // writer (in memory, no fsync), written to TIMES.build in seconds ----
        long b0 = System.nanoTime();
        Analyzer analyzer = new FinnishAnalyzer();
        Directory dir = new ByteBuffersDirectory();
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer);
        iwc.setSimilarity(new BM25Similarity());
        try (IndexWriter w = new IndexWriter(dir, iwc)) {
            for (String line : Files.readAllLines(Paths.get(catalog), StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                Map<String, String> rec = FlatJson.parse(line);
                Document doc = new Document();
                doc.add(new StoredField("id", require(rec, "id")));
                StringBuilder all = new StringBuilder();
                for (String f : FIELDS) {
                    String v = rec.getOrDefault(f, "");
                    doc.add(new TextField(f, v, Field.Store.NO));
                    if (all.length() > 0) all.append('\n');
                    all.append(v);
                }
                doc.add(new TextField(ALL, all.toString(), Field.Store.NO));
                w.addDocument(doc);
            }
        }
        double buildSeconds = (System.nanoTime() - b0) / 1e9;
        if (times != null)
            Files.write(Paths.get(times + ".build"),
                        String.format(java.util.Locale.ROOT, "%.2f%n", buildSeconds).getBytes(StandardCharsets.UTF_8));
        DirectoryReader reader = DirectoryReader.open(dir);
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());

        List<String[]> qs = readQueries(queries);
        Searcher s = new Searcher(searcher, analyzer, mode, k);

        // ---- warm-up pass(es) over all queries, then the timed pass ----
        for (int w = 0; w < warmup; w++)
            for (String[] q : qs) s.search(q[1]);
        double[] ms = new double[qs.size()];
        List<Hit[]> results = new ArrayList<>(qs.size());
        for (int i = 0; i < qs.size(); i++) {
            long t0 = System.nanoTime();
            Hit[] hits = s.search(qs.get(i)[1]);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            results.add(hits);
        }

        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        for (int i = 0; i < qs.size(); i++) writeTrec(out, qs.get(i)[0], results.get(i), tag);
        out.flush();
        if (times != null) writeTimes(times, ms);
        reader.close();
    }

    /** One search result: service id and score. */
    static final class Hit {
        final String id;
        final double score;
        Hit(String id, double score) { this.id = id; this.score = score; }
    }

    /** Builds the query for one need text and runs it. */
    static final class Searcher {
        final IndexSearcher searcher;
        final Analyzer analyzer;
        final String mode;
        final int k;

        Searcher(IndexSearcher searcher, Analyzer analyzer, String mode, int k) {
            this.searcher = searcher; this.analyzer = analyzer; this.mode = mode; this.k = k;
        }

        Query build(String text) throws ParseException {
            // Lower-casing first keeps AND/OR/NOT from acting as operators;
            // the analyzer lower-cases anyway, so matching is unchanged.
            String escaped = QueryParser.escape(text.toLowerCase(Locale.ROOT));
            switch (mode) {
                case "single": {
                    QueryParser p = new QueryParser(ALL, analyzer);
                    p.setDefaultOperator(QueryParser.Operator.OR);
                    return p.parse(escaped);
                }
                case "best_fields": { // ES multi_match default: dis_max, tie_breaker 0
                    List<Query> perField = new ArrayList<>();
                    for (String f : FIELDS) {
                        QueryParser p = new QueryParser(f, analyzer);
                        p.setDefaultOperator(QueryParser.Operator.OR);
                        Query q = p.parse(escaped);
                        float b = BOOSTS.getOrDefault(f, 1f);
                        perField.add(b == 1f ? q : new BoostQuery(q, b));
                    }
                    return new DisjunctionMaxQuery(perField, 0f);
                }
                default: { // most_fields: classic MultiFieldQueryParser with boosts
                    MultiFieldQueryParser p = new MultiFieldQueryParser(FIELDS, analyzer, BOOSTS);
                    p.setDefaultOperator(QueryParser.Operator.OR);
                    return p.parse(escaped);
                }
            }
        }

        Hit[] search(String text) throws IOException {
            if (text.isBlank()) return new Hit[0];
            Query q;
            try {
                q = build(text);
            } catch (ParseException e) {
                // Only reachable for texts that analyse to nothing.
                return new Hit[0];
            }
            TopDocs td = searcher.search(q, k);
            Hit[] hits = new Hit[td.scoreDocs.length];
            for (int i = 0; i < hits.length; i++) {
                ScoreDoc sd = td.scoreDocs[i];
                hits[i] = new Hit(searcher.doc(sd.doc).get("id"), sd.score);
            }
            return hits;
        }
    }

    /**
     * Writes one query's hits.  Lucene already orders ties by document
     * order (= catalogue id order); scores are printed with 9 decimals and
     * nudged down by 1e-9 where needed so they strictly decrease.
     */
    static void writeTrec(PrintWriter out, String qid, Hit[] hits, String tag) {
        long prev = Long.MAX_VALUE;
        for (int i = 0; i < hits.length; i++) {
            long units = Math.round(hits[i].score * 1e9);
            if (units >= prev) units = prev - 1;
            prev = units;
            out.printf(Locale.ROOT, "%s Q0 %s %d %.9f %s%n", qid, hits[i].id, i + 1, units / 1e9, tag);
        }
    }

    /** Writes "mean_ms p50_ms p99_ms n" with nearest-rank percentiles. */
    static void writeTimes(String path, double[] ms) throws IOException {
        double[] s = ms.clone();
        Arrays.sort(s);
        int n = s.length;
        double mean = 0;
        for (double v : s) mean += v;
        mean = n > 0 ? mean / n : 0;
        String line = String.format(Locale.ROOT, "%.4f %.4f %.4f %d%n",
                mean, percentile(s, 50), percentile(s, 99), n);
        Files.write(Paths.get(path), line.getBytes(StandardCharsets.UTF_8));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    /** Reads "qid<TAB>text" lines; blank lines are skipped. */
    static List<String[]> readQueries(String path) throws IOException {
        List<String[]> qs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(Paths.get(path), StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                int tab = line.indexOf('\t');
                if (tab <= 0) throw new IOException(path + ":" + no + ": expected qid<TAB>text");
                qs.add(new String[] {line.substring(0, tab).trim(), line.substring(tab + 1)});
            }
        }
        return qs;
    }

    static String require(Map<String, String> rec, String key) {
        String v = rec.get(key);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("catalogue record without " + key);
        return v;
    }

    static void usage(String msg) {
        System.err.println("KtLucene: " + msg);
        System.err.println("usage: KtLucene --catalog CAT.jsonl --queries Q.tsv [-k N] [--tag T] [--times FILE] [--warmup N]"
                + " [--mode most_fields|best_fields|single]");
        System.exit(2);
    }

    /**
     * Minimal parser for one flat JSON object whose values are all strings
     * (the format export_catalog.py writes).  Anything else is rejected.
     */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) { this.s = s; }

        static Map<String, String> parse(String line) {
            FlatJson p = new FlatJson(line);
            Map<String, String> m = p.object();
            p.ws();
            if (p.i != p.s.length()) throw p.error("trailing characters");
            return m;
        }

        private Map<String, String> object() {
            Map<String, String> m = new LinkedHashMap<>();
            ws();
            expect('{');
            ws();
            if (peek() == '}') { i++; return m; }
            while (true) {
                ws();
                String key = string();
                ws();
                expect(':');
                ws();
                m.put(key, string());
                ws();
                char c = next();
                if (c == '}') return m;
                if (c != ',') throw error("expected , or }");
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = next();
                switch (e) {
                    case '"': b.append('"'); break;
                    case '\\': b.append('\\'); break;
                    case '/': b.append('/'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u': // surrogate pairs come as two escapes and join naturally
                        if (i + 4 > s.length()) throw error("short \\u escape");
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: throw error("bad escape \\" + e);
                }
            }
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
        private char peek() { if (i >= s.length()) throw error("unexpected end"); return s.charAt(i); }
        private char next() { char c = peek(); i++; return c; }
        private void expect(char c) { if (next() != c) throw error("expected " + c); }
        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("flat JSON: " + what + " at offset " + i);
        }
    }
}
