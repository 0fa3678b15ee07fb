package org.takedown.victim.list;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.common.DeterministicJson;

/** A report's counts by name (reason or flag), kept as JSON on the import row. */
final class ImportCounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {};

    private ImportCounts() {}

    static TreeMap<String, Long> read(String json) {
        try {
            return JSON.readValue(json, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An import's counts are not JSON", e);
        }
    }

    static String add(String json, Map<String, Long> more) {
        TreeMap<String, Long> counts = read(json);
        more.forEach((name, count) -> counts.merge(name, count, Long::sum));
        return DeterministicJson.write(counts);
    }
}
