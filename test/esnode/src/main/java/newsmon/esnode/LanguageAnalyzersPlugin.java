package newsmon.esnode;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers the built-in language analysers newsmon's index template names ("english", "french",
 * …). In a real Elasticsearch distribution they come from the analysis-common module, which Maven
 * Central does not serve for 8.x; these are the same Lucene analysers (with their default stop
 * words) under the same names, so the test node analyses text the way a real cluster does.
 */
public class LanguageAnalyzersPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.ofEntries(
                analyzer("english", EnglishAnalyzer::new),
                analyzer("french", FrenchAnalyzer::new),
                analyzer("german", GermanAnalyzer::new),
                analyzer("spanish", SpanishAnalyzer::new),
                analyzer("italian", ItalianAnalyzer::new),
                analyzer("portuguese", PortugueseAnalyzer::new),
                analyzer("dutch", DutchAnalyzer::new),
                analyzer("russian", RussianAnalyzer::new),
                analyzer("arabic", ArabicAnalyzer::new),
                analyzer("swedish", SwedishAnalyzer::new),
                analyzer("danish", DanishAnalyzer::new),
                analyzer("norwegian", NorwegianAnalyzer::new),
                analyzer("finnish", FinnishAnalyzer::new),
                analyzer("turkish", TurkishAnalyzer::new),
                analyzer("cjk", CJKAnalyzer::new));
    }

    private static Map.Entry<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzer(
            String name, Supplier<? extends Analyzer> make) {
        AnalysisProvider<AnalyzerProvider<? extends Analyzer>> provider = (indexSettings, env, n, settings) -> {
            Analyzer a = make.get();
            return new AbstractIndexAnalyzerProvider<Analyzer>(n, settings) {
                @Override
                public Analyzer get() {
                    return a;
                }
            };
        };
        return Map.entry(name, provider);
    }
}
