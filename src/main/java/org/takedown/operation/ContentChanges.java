package org.takedown.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions of an operation's public content (the deterministic JSON that approval signs): one
 * entry per value added, removed or changed, named by its path ({@code banner.texts.en.headline},
 * {@code agencies[1].name}). An approver reads this before approving content that was approved before.
 */
public final class ContentChanges {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public record Change(String path, Kind kind, String before, String after) {}

    private ContentChanges() {}

    /** The changes from {@code before} to {@code after}; every value of {@code after} is ADDED when before is null. */
    public static List<Change> between(String before, String after) {
        Map<String, String> old = before == null ? Map.of() : flatten(before);
        Map<String, String> now = flatten(after);
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String path : paths) {
            String was = old.get(path);
            String is = now.get(path);
            if (was == null) {
                changes.add(new Change(path, Kind.ADDED, null, is));
            } else if (is == null) {
                changes.add(new Change(path, Kind.REMOVED, was, null));
            } else if (!was.equals(is)) {
                changes.add(new Change(path, Kind.CHANGED, was, is));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(String json) {
        try {
            Map<String, String> values = new TreeMap<>();
            flatten("", JSON.readTree(json), values);
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not the content JSON approval signs", e);
        }
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.asText());
        }
    }
}
