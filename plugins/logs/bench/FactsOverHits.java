import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.plugin.logs.domain.FactRule;
import dev.triage.plugin.logs.infrastructure.RuleLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fact extraction over the hits of a search (bench.sh): reads the JSON of `triage logs search --format json`, applies
 * the shipped fact rules to every hit's text and prints "hits facts millis" (rules loaded and compiled inside the time).
 */
public class FactsOverHits {
    public static void main(String[] args) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        List<String> texts = new ArrayList<>();
        root.get("hits").forEach(h -> texts.add(h.get("text").asText()));
        long best = Long.MAX_VALUE;
        int facts = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            facts = 0;
            List<FactRule> rules = RuleLoader.defaults();
            for (String t : texts) {
                for (FactRule r : rules) {
                    Map<String, String> f = r.match(t);
                    if (f != null) {
                        facts++;
                    }
                }
            }
            best = Math.min(best, System.nanoTime() - t0);
            if (round == 0) {
                System.out.printf("first %d %d %.1f%n", texts.size(), facts, (System.nanoTime() - t0) / 1e6);
            }
        }
        System.out.printf("best %d %d %.1f%n", texts.size(), facts, best / 1e6);
    }
}
